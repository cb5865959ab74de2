import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { devOutboxEnabled } from "@/server/dev-tools";
import { unsafeGetOutboxEmail } from "@/server/services/dev/outbox";

export const metadata: Metadata = { title: "Email (development)" };
export const dynamic = "force-dynamic";

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+)/g;

/** Plain text with its links made clickable, without injecting any HTML. */
function LinkedText({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all text-brand underline">
            {part}
          </a>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!devOutboxEnabled()) notFound();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const email = await unsafeGetOutboxEmail(getDb(), id);
  if (!email) notFound();
  // Links in the rendered email open in the whole window, not inside the frame.
  const frameDocument = `<base target="_top">${email.html}`;
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <Link href="/dev/outbox" className="text-sm text-brand underline">
        ← Outbox
      </Link>
      <h1 className="mt-4 text-xl font-semibold">{email.subject}</h1>
      <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-1 text-sm">
        <dt className="text-slate-500">To</dt>
        <dd>{email.to}</dd>
        <dt className="text-slate-500">From</dt>
        <dd>{email.from}</dd>
        <dt className="text-slate-500">Sent</dt>
        <dd>{email.createdAt.toISOString()}</dd>
        {Object.entries(email.headers).map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-500">{name}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-6 text-sm font-semibold uppercase tracking-wide text-slate-500">HTML</h2>
      <iframe
        title="Rendered email"
        srcDoc={frameDocument}
        sandbox="allow-popups allow-top-navigation-by-user-activation"
        className="mt-2 h-[560px] w-full rounded-xl border border-slate-200 bg-white"
      />
      <h2 className="mt-6 text-sm font-semibold uppercase tracking-wide text-slate-500">Plain text</h2>
      <pre data-testid="email-text" className="mt-2 whitespace-pre-wrap rounded-xl border border-slate-200 bg-white p-4 text-sm">
        <LinkedText text={email.text} />
      </pre>
    </main>
  );
}
