import { describe, expect, it } from "vitest";
import { reminderKind } from "@/db/schema/followup";
import {
  emailForReminderKind,
  emailNames,
  isReminderEmail,
  reminderEmailNames,
  reminderKindForEmail,
  renderEmail,
  templates,
  type EmailName,
} from "@/emails";
import { escapeLikeReact } from "./helpers";

async function renderPreview(name: EmailName) {
  return renderEmail(name, templates[name].PreviewProps);
}

describe("every template, from its PreviewProps", () => {
  it("has a template for every name", () => {
    expect(emailNames).toHaveLength(16);
  });

  describe.each(emailNames)("%s", (name) => {
    const props = templates[name].PreviewProps;

    it("renders an HTML document and a plain-text part", async () => {
      const { html, text } = await renderPreview(name);
      expect(html.startsWith("<!DOCTYPE html")).toBe(true);
      expect(html).toContain("</html>");
      expect(text.length).toBeGreaterThan(100);
      expect(text).not.toMatch(/<[a-z]+[\s>]/i);
      expect(html).not.toContain("undefined");
      expect(text).not.toContain("undefined");
      expect(text).not.toContain("NaN");
    });

    it("is branded with the organisation's name and colour", async () => {
      const { html, text } = await renderPreview(name);
      expect(html).toContain(escapeLikeReact(props.org.name));
      expect(text).toContain(props.org.name);
      expect(html.toLowerCase()).toContain(props.org.brandColor.toLowerCase());
    });

    it("links back into the app", async () => {
      const { text } = await renderPreview(name);
      expect(text).toMatch(/https:\/\/app\.followthrough\.example\//);
    });

    it(isReminderEmail(name) ? "has an unsubscribe link" : "has no unsubscribe link", async () => {
      const { html, text } = await renderPreview(name);
      if ("unsubscribeUrl" in props) {
        expect(isReminderEmail(name)).toBe(true);
        expect(html).toContain(`href="${escapeLikeReact(props.unsubscribeUrl)}"`);
        expect(text).toContain(props.unsubscribeUrl);
        expect(text).toMatch(/Turn off/);
      } else {
        expect(isReminderEmail(name)).toBe(false);
        expect(html).not.toMatch(/unsubscribe/i);
      }
    });

    it("keeps the preheader out of the plain text", async () => {
      const { html, text } = await renderPreview(name);
      const preheader = /data-skip-in-text="true">([^<]+)</.exec(html)?.[1];
      expect(preheader).toBeTruthy();
      // The preheader is hidden in HTML; in text it would read as a stray first line.
      expect(text.startsWith(props.org.name)).toBe(true);
    });
  });
});

describe("drafts", () => {
  const withDrafts = [
    "draft-ready",
    "reminder-check-in",
    "reminder-networking-suggestion",
    "reminder-rejection-follow-through",
  ] as const;

  it.each(withDrafts)("%s shows the draft's subject, every line of its body, and the edit link", async (name) => {
    const { draft } = templates[name].PreviewProps;
    if (!draft) throw new Error(`${name} preview has no draft`);
    const { html, text } = await renderEmail(name, templates[name].PreviewProps);

    expect(text).toContain(draft.subject);
    for (const line of draft.body.split("\n").filter((l) => l.trim())) {
      expect(html).toContain(escapeLikeReact(line));
      expect(text).toContain(line);
    }
    // Paragraph breaks survive into the text part, so a copied draft reads as written.
    const firstBreak = draft.body.indexOf("\n\n");
    expect(text).toContain(draft.body.slice(0, firstBreak) + "\n\n");
    expect(html).toContain(`href="${escapeLikeReact(draft.editUrl)}"`);
    expect(text).toContain(draft.editUrl);
  });
});

describe("reminder kinds", () => {
  it("maps every reminder_kind enum value to a template (an invitation row sends the transactional invitation)", () => {
    const playbookKinds = reminderKind.enumValues.filter((kind) => kind !== "invitation");
    for (const kind of playbookKinds) {
      const name = emailForReminderKind[kind];
      expect(emailNames).toContain(name);
      expect(reminderKindForEmail[name]).toBe(kind);
    }
    expect(Object.keys(emailForReminderKind).sort()).toEqual([...playbookKinds].sort());
    expect(emailNames).toContain("invitation");
  });

  it("marks exactly the reminder templates as needing an unsubscribe link", () => {
    expect([...reminderEmailNames].sort()).toEqual(Object.values(emailForReminderKind).sort());
    expect(isReminderEmail("sign-in-link")).toBe(false);
    expect(isReminderEmail("invitation")).toBe(false);
    expect(isReminderEmail("draft-ready")).toBe(false);
    expect(isReminderEmail("coach-nudge")).toBe(true);
  });
});

describe("on a phone-width screen", () => {
  it("lets the sign-in email's written-out address wrap instead of widening the email", async () => {
    const { html } = await renderPreview("sign-in-link");
    const url = templates["sign-in-link"].PreviewProps.url;
    const anchor = html.slice(html.lastIndexOf("<a", html.lastIndexOf(escapeLikeReact(url).split("?")[0]!)), html.length);
    expect(anchor.slice(0, 400)).toMatch(/overflow-wrap:anywhere/);
  });
});
