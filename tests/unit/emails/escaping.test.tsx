import { describe, expect, it } from "vitest";
import { renderEmail, subjectFor, templates } from "@/emails";

// What a user could type into any free-text field: markup, both quote kinds, an ampersand, emoji.
const hostile = `<script>alert("hi")</script> "Quoted" & 'single' 🎉🚀`;
const escaped = `&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &quot;Quoted&quot; &amp; &#x27;single&#x27; 🎉🚀`;

function expectEscaped(html: string, text: string) {
  expect(html).not.toContain("<script");
  expect(html).not.toContain(`"Quoted"`);
  expect(html).toContain(escaped);
  // The plain-text part shows what the user typed, as typed.
  expect(text).toContain(hostile);
}

describe("user-supplied text is escaped in HTML", () => {
  it("in the organisation's name", async () => {
    const props = { ...templates["invitation"].PreviewProps, org: { name: hostile, brandColor: "#2563eb" } };
    const { html, text } = await renderEmail("invitation", props);
    expectEscaped(html, text);
  });

  it("in a coach's message", async () => {
    const props = { ...templates["coach-nudge"].PreviewProps, message: hostile, coachName: "Dana 👋" };
    const { html, text, subject } = await renderEmail("coach-nudge", props);
    expectEscaped(html, text);
    expect(subject).toBe("A note from Dana 👋");
  });

  it("in a draft's recipient, subject and body", async () => {
    const base = templates["draft-ready"].PreviewProps;
    const props = {
      ...base,
      draft: { ...base.draft, recipientName: hostile, subject: hostile, body: `Hi,\n\n${hostile}\n\nThanks` },
    };
    const { html, text, subject } = await renderEmail("draft-ready", props);
    expectEscaped(html, text);
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(3);
    expect(subject).toContain(hostile);
  });

  it("in a company name, a research note and a location", async () => {
    const base = templates["reminder-prepare"].PreviewProps;
    const props = {
      ...base,
      application: { companyName: hostile, roleTitle: hostile },
      researchExcerpt: hostile,
      interview: { ...base.interview, location: hostile },
    };
    const { html, text } = await renderEmail("reminder-prepare", props);
    expectEscaped(html, text);
  });

  it("in names and items of both digests", async () => {
    const client = templates["client-weekly-digest"].PreviewProps;
    const clientResult = await renderEmail("client-weekly-digest", {
      ...client,
      recipientName: hostile,
      followUpsOverdue: [{ title: hostile, dueAt: "2025-06-12T10:30:00.000Z", url: "https://app.example/x" }],
    });
    expectEscaped(clientResult.html, clientResult.text);

    const coach = templates["coach-weekly-digest"].PreviewProps;
    const coachResult = await renderEmail("coach-weekly-digest", {
      ...coach,
      clients: coach.clients.map((c, i) => (i === 0 ? { ...c, name: hostile } : c)),
    });
    expectEscaped(coachResult.html, coachResult.text);
  });

  it("in links: a javascript: URL never becomes a live link", async () => {
    const props = { ...templates["coach-nudge"].PreviewProps, dashboardUrl: "javascript:alert(1)" };
    const { html } = await renderEmail("coach-nudge", props);
    expect(html).not.toContain(`href="javascript:alert(1)"`);
  });
});

describe("subjects from user text", () => {
  it("stay on one line, so no header can be smuggled in", () => {
    const props = {
      ...templates["reminder-check-in"].PreviewProps,
      application: { companyName: "Acme\r\nBcc: victim@example.com", roleTitle: "Analyst" },
    };
    const subject = subjectFor("reminder-check-in", props);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe("Time to check in with Acme Bcc: victim@example.com");
  });
});
