import { expect, test } from "@playwright/test";
import { createApplication, recordDebrief, scheduleInterview, signInWithMagicLink } from "./helpers";

/** A seeded client of the demo practice (see db/seed.ts). */
const CLIENT = "lena@clients.example";

test("a client rewrites a thank-you with the configured model, is protected from an invented fact, and opens it in their mail", async ({ page }) => {
  const company = `Lumen Maps ${Date.now()}`;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  await signInWithMagicLink(page, CLIENT);
  await createApplication(page, "northstar", { company, role: "Product Designer" });
  await scheduleInterview(page, { date: yesterday, startTime: "10:00", interviewers: ["Elena Marquez"] });
  await recordDebrief(page, {
    whatNext: "Elena said they'll get back to me by Friday",
    discussed: { "Elena Marquez": "We talked about how her team is consolidating three dashboards into one" },
  });

  // The deterministic note reads like a person wrote it, before any model is involved.
  await page.getByRole("link", { name: "Thank-you note to Elena Marquez" }).click();
  const message = page.getByLabel("Message");
  await expect(message).toHaveValue(/^Hi Elena,/);
  await expect(message).toHaveValue(/how your team is consolidating three dashboards into one/);
  await expect(message).not.toHaveValue(/Elena said/);
  const original = await message.inputValue();

  // "Make it shorter" goes to the fake endpoint through the AI SDK and comes back checked.
  await page.getByRole("button", { name: "Make it shorter" }).click();
  await expect(page.getByText("Rewritten. Read it through before you send it.")).toBeVisible();
  const shorter = await message.inputValue();
  expect(shorter.length).toBeLessThan(original.length);
  expect(shorter).toMatch(/^Hi Elena,/);
  await expect(page.getByText(/Rewritten with AI on/)).toBeVisible();

  // A rewrite that brings in a person the debrief never mentioned is refused; the text stays.
  await page.getByRole("button", { name: "Warmer" }).click();
  await expect(page.getByText(/The rewrite mentioned .*“Lindqvist”.*so your draft was kept/)).toBeVisible();
  await expect(message).toHaveValue(shorter);

  // "Open in mail app" carries exactly the subject and body on screen, encoded for a mailto: link.
  const href = (await page.getByRole("link", { name: "Open in mail app" }).getAttribute("href"))!;
  expect(href).toMatch(/^mailto:\?subject=/);
  expect(href).not.toMatch(/[ \n+]/);
  const params = Object.fromEntries(href.slice(href.indexOf("?") + 1).split("&").map((pair) => pair.split("=").map(decodeURIComponent)));
  expect(params.subject).toBe(await page.getByLabel("Subject").inputValue());
  expect(params.body).toBe(shorter.replace(/\n/g, "\r\n"));
  const gmail = new URL((await page.getByRole("link", { name: "Gmail" }).getAttribute("href"))!);
  expect(gmail.searchParams.get("body")).toBe(shorter);

  // The rewrite and mail controls fit a phone without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Marking it sent stays one click.
  await page.getByRole("button", { name: "Mark sent" }).click();
  await expect(page.getByText(/Marked as sent/)).toBeVisible();
});
