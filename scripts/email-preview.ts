/**
 * Renders every email template with its PreviewProps to .data/email-preview/ (git-ignored):
 * `<name>.html`, `<name>.txt` and an `index.html` linking them. Run: npm run email:preview
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { emailNames, isReminderEmail, renderEmail, templates, type EmailName } from "@/emails";

const outDir = path.join(fileURLToPath(new URL("..", import.meta.url)), ".data", "email-preview");

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function renderPreview<N extends EmailName>(name: N) {
  const rendered = await renderEmail(name, templates[name].PreviewProps);
  await writeFile(path.join(outDir, `${name}.html`), rendered.html);
  await writeFile(path.join(outDir, `${name}.txt`), rendered.text);
  return { name, subject: rendered.subject };
}

await mkdir(outDir, { recursive: true });
const rendered = [];
for (const name of emailNames) rendered.push(await renderPreview(name));

const rows = rendered
  .map(
    ({ name, subject }) =>
      `<tr><td><a href="${name}.html">${name}</a></td><td><a href="${name}.txt">text</a></td>` +
      `<td>${isReminderEmail(name) ? "reminder" : ""}</td><td>${escapeHtml(subject)}</td></tr>`,
  )
  .join("\n");

await writeFile(
  path.join(outDir, "index.html"),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Followthrough email previews</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2937}td{padding:.3rem .8rem;border-bottom:1px solid #e5e7eb}</style>
</head><body>
<h1>Email previews</h1>
<p>${rendered.length} templates rendered with their PreviewProps.</p>
<table><thead><tr><th>template</th><th>plain text</th><th>kind</th><th>subject</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`,
);

console.log(outDir);
