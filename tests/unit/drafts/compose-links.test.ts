import { describe, expect, it } from "vitest";
import { gmailLink, mailtoLink, outlookLink } from "@/app/[orgSlug]/drafts/[draftId]/compose-links";

const message = {
  to: "elena.marquez+jobs@acme.example",
  subject: "Thank you, Elena & team — 100% keen?",
  body: "Hi Elena,\n\nThanks for Tuesday; #1 takeaway: \"ship small\".\n\nBest,\nSam",
};

describe("links that open a draft in the client's own mail", () => {
  it("builds a mailto: link whose subject and body decode back exactly, with CRLF line breaks", () => {
    const link = mailtoLink(message);

    expect(link.startsWith("mailto:elena.marquez%2Bjobs@acme.example?subject=")).toBe(true);
    expect(link).not.toMatch(/[ \n"#]/);
    expect(link).not.toContain("+");
    const url = new URL(link);
    expect(decodeURIComponent(url.pathname)).toBe("elena.marquez+jobs@acme.example");
    const params = Object.fromEntries(url.search.slice(1).split("&").map((pair) => pair.split("=").map(decodeURIComponent)));
    expect(params.subject).toBe(message.subject);
    expect(params.body).toBe(message.body.replace(/\n/g, "\r\n"));
  });

  it("leaves the recipient out when the contact has no usable address", () => {
    expect(mailtoLink({ ...message, to: null })).toMatch(/^mailto:\?subject=/);
    expect(mailtoLink({ ...message, to: "Elena <elena@acme.example>" })).toMatch(/^mailto:\?subject=/);
    expect(gmailLink({ ...message, to: "not an address" })).not.toContain("to=");
  });

  it("opens Gmail's compose window with to, subject and body", () => {
    const url = new URL(gmailLink(message));

    expect(url.origin + url.pathname).toBe("https://mail.google.com/mail/");
    expect(url.searchParams.get("view")).toBe("cm");
    expect(url.searchParams.get("to")).toBe(message.to);
    expect(url.searchParams.get("su")).toBe(message.subject);
    expect(url.searchParams.get("body")).toBe(message.body);
  });

  it.each([
    ["personal", "https://outlook.live.com/mail/0/deeplink/compose"],
    ["work", "https://outlook.office.com/mail/deeplink/compose"],
  ] as const)("opens Outlook on the web (%s) with to, subject and body", (account, base) => {
    const url = new URL(outlookLink(message, account));

    expect(url.origin + url.pathname).toBe(base);
    expect(url.searchParams.get("to")).toBe(message.to);
    expect(url.searchParams.get("subject")).toBe(message.subject);
    expect(url.searchParams.get("body")).toBe(message.body);
    expect(outlookLink(message, account)).not.toContain("+");
  });
});
