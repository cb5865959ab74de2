/**
 * Links that open a draft in the client's own mail: their mail program (`mailto:`, RFC 6068),
 * Gmail's and Outlook's web compose. Every value is percent-encoded (spaces as %20, never "+",
 * which mail programs show literally) and line breaks are sent as CRLF, as RFC 6068 asks.
 */

export type ComposeMessage = { to?: string | null; subject: string; body: string };

// One plain address; anything else (a name, a list, stray text) is left out rather than mangled.
const PLAIN_ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

function addressOf(to: string | null | undefined): string {
  const trimmed = to?.trim() ?? "";
  return PLAIN_ADDRESS.test(trimmed) ? trimmed : "";
}

const encode = (value: string) => encodeURIComponent(value);
const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

function query(params: Array<[string, string]>): string {
  return params
    .filter(([, value]) => value !== "")
    .map(([key, value]) => `${key}=${encode(value)}`)
    .join("&");
}

export function mailtoLink(message: ComposeMessage): string {
  // "@" may stay literal in the address part; everything else that is not unreserved is encoded.
  const to = encode(addressOf(message.to)).replace(/%40/g, "@");
  return `mailto:${to}?${query([["subject", message.subject], ["body", crlf(message.body)]])}`;
}

export function gmailLink(message: ComposeMessage): string {
  return `https://mail.google.com/mail/?${query([["view", "cm"], ["fs", "1"], ["to", addressOf(message.to)], ["su", message.subject], ["body", message.body]])}`;
}

/** Outlook on the web: outlook.live.com for personal accounts, outlook.office.com for work or school. */
export function outlookLink(message: ComposeMessage, account: "personal" | "work"): string {
  const host = account === "personal" ? "https://outlook.live.com/mail/0" : "https://outlook.office.com/mail";
  return `${host}/deeplink/compose?${query([["to", addressOf(message.to)], ["subject", message.subject], ["body", message.body]])}`;
}
