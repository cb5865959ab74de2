import { getDb } from "@/db";
import { REMINDER_KIND_LABEL } from "@/lib/vocabulary";
import { unsafeApplyUnsubscribe, verifyUnsubscribeToken } from "@/server/delivery/unsubscribe";

/**
 * One address for people and for mail clients (RFC 8058). GET only shows a confirmation with a
 * button, because link scanners fetch every URL in an email and must not switch anything off;
 * POST — the button, or a mail client's one-click request — switches the kind off.
 */
type Params = { params: Promise<{ token: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  const verified = verifyUnsubscribeToken(token);
  if (!verified) return page(404, "This link does not work", "<p>The unsubscribe link is incomplete or no longer valid.</p>");
  const label = escapeHtml(REMINDER_KIND_LABEL[verified.kind] ?? verified.kind);
  return page(
    200,
    "Stop these reminders?",
    `<p>You will no longer get <strong>${label}</strong> emails. Everything else stays as it is, and you can switch it back on in your profile.</p>
     <form method="post"><button type="submit">Stop ${label} emails</button></form>`,
  );
}

export async function POST(_request: Request, { params }: Params) {
  const { token } = await params;
  const applied = await unsafeApplyUnsubscribe(getDb(), token);
  if (!applied) return page(404, "This link does not work", "<p>The unsubscribe link is incomplete or no longer valid.</p>");
  const label = escapeHtml(REMINDER_KIND_LABEL[applied.kind] ?? applied.kind);
  return page(200, "Done", `<p>You will no longer get <strong>${label}</strong> emails. You can switch them back on in your profile.</p>`);
}

function page(status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Followthrough</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#0f172a}button{background:#0f766e;color:#fff;border:0;border-radius:.5rem;padding:.6rem 1rem;font-size:1rem;cursor:pointer}a{color:#0f766e}</style>
</head><body><p><a href="/">Followthrough</a></p><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
