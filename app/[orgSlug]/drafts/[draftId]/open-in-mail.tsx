import { gmailLink, mailtoLink, outlookLink, type ComposeMessage } from "./compose-links";

const linkStyle =
  "inline-flex min-h-10 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

/** Opens the draft, as it stands in the editor, in the client's mail program or web mail. */
export function OpenInMail({ message }: { message: ComposeMessage }) {
  const webmail = { target: "_blank", rel: "noopener noreferrer" } as const;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">Open it in your own mail, ready to send:</p>
      <div className="flex flex-wrap gap-2">
        <a href={mailtoLink(message)} className={linkStyle}>
          Open in mail app
        </a>
        <a href={gmailLink(message)} className={linkStyle} {...webmail}>
          Gmail
        </a>
        <a href={outlookLink(message, "personal")} className={linkStyle} {...webmail}>
          Outlook.com
        </a>
        <a href={outlookLink(message, "work")} className={linkStyle} {...webmail}>
          Outlook (work)
        </a>
      </div>
    </div>
  );
}
