import { expect, test } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/** A seeded client of the demo practice (see db/seed.ts). */
const CLIENT = "sam@clients.example";

test("a client logs an interview, records the debrief, sends a thank-you, moves the application and exports their data", async ({ page }) => {
  const stamp = Date.now();
  const company = `Acme Robotics ${stamp}`;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

  await signInWithMagicLink(page, CLIENT);
  await expect(page).toHaveURL(/\/northstar$/);

  // A new application.
  await page.goto("/northstar/applications/new");
  await page.getByLabel("Company", { exact: true }).fill(company);
  await page.getByLabel("Role", { exact: true }).fill("Platform Engineer");
  await page.getByLabel("Status").selectOption("applied");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { name: /Platform Engineer/ })).toBeVisible();

  // The interview happened yesterday, with two people the client had not met before.
  await page.getByRole("link", { name: "Schedule an interview" }).first().click();
  await page.getByLabel("Date").fill(yesterday);
  await page.getByLabel("Start time").fill("10:00");
  await page.getByRole("button", { name: "Add a new interviewer" }).click();
  await page.getByRole("button", { name: "Add a new interviewer" }).click();
  await page.getByLabel("Name").nth(0).fill("Dana Whitfield");
  await page.getByLabel("Name").nth(1).fill("Omar Reyes");
  await page.getByRole("button", { name: "Schedule interview" }).click();
  await expect(page.getByText("Record your debrief while it is fresh")).toBeVisible();

  // The debrief: two interviewers, what was discussed, and a promise.
  await page.getByLabel("Did you ask for the job?").selectOption("yes");
  await page.getByLabel("What happens next?").fill("A panel with the platform team next week.");
  await page.getByLabel("What did you discuss with Dana Whitfield?").fill("How they plan to cut deployment time in half.");
  await page.getByLabel("What did you discuss with Omar Reyes?").fill("On-call load and the incident review process.");
  await page.getByRole("button", { name: "Add a promise" }).click();
  await page.getByLabel("Promise", { exact: true }).fill("Send two references");
  await page.getByLabel("Due", { exact: true }).fill(inAWeek);
  await page.getByRole("button", { name: "Save debrief" }).click();

  // One thank-you note per interviewer appears.
  const drafts = page.getByRole("link", { name: /Thank-you note to/ });
  await expect(drafts).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Thank-you note to Dana Whitfield" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Thank-you note to Omar Reyes" })).toBeVisible();

  // Send one of them.
  await page.getByRole("link", { name: "Thank-you note to Dana Whitfield" }).click();
  await expect(page.getByText(/Dana/).first()).toBeVisible();
  await page.getByRole("button", { name: "Mark sent" }).click();
  await expect(page.getByText(/Marked as sent/)).toBeVisible();

  // Move the application on the board with the keyboard-accessible control.
  await page.goto("/northstar/applications");
  await page.getByLabel(`Move Platform Engineer at ${company} to`).selectOption("offer");
  const offerColumn = page.getByRole("region", { name: /^Offer:/ });
  await expect(offerColumn.getByText(company, { exact: true })).toBeVisible();

  // Export everything as JSON.
  await page.goto("/northstar/data");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download JSON" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^followthrough-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await (await import("node:fs/promises")).readFile((await file.path())!, "utf8"));
  expect(JSON.stringify(exported)).toContain(company);
});
