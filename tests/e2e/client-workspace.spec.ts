import { expect, test } from "@playwright/test";
import { createApplication, recordDebrief, scheduleInterview, signInWithMagicLink, thankYouDrafts } from "./helpers";

/** A seeded client of the demo practice (see db/seed.ts). */
const CLIENT = "sam@clients.example";

test("a client logs an interview, records the debrief, sends a thank-you, moves the application and exports their data", async ({ page }) => {
  const stamp = Date.now();
  const company = `Acme Robotics ${stamp}`;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

  await signInWithMagicLink(page, CLIENT);
  await expect(page).toHaveURL(/\/northstar$/);

  await createApplication(page, "northstar", { company, role: "Platform Engineer" });

  // The interview happened yesterday, with two people the client had not met before.
  await scheduleInterview(page, { date: yesterday, startTime: "10:00", interviewers: ["Dana Whitfield", "Omar Reyes"] });

  // The debrief: two interviewers, what was discussed, and a promise.
  await recordDebrief(page, {
    whatNext: "A panel with the platform team next week.",
    discussed: {
      "Dana Whitfield": "How they plan to cut deployment time in half.",
      "Omar Reyes": "On-call load and the incident review process.",
    },
    promise: { text: "Send two references", due: inAWeek },
  });

  // One thank-you note per interviewer appears.
  await expect(thankYouDrafts(page)).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Thank-you note to Dana Whitfield" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Thank-you note to Omar Reyes" })).toBeVisible();

  // Send one of them.
  await page.getByRole("link", { name: "Thank-you note to Dana Whitfield" }).click();
  await expect(page.getByText(/Dana/).first()).toBeVisible();
  await page.getByRole("button", { name: "Mark sent" }).click();
  await expect(page.getByText(/Marked as sent/)).toBeVisible();

  // Move the application on the board with the keyboard-accessible control.
  await page.goto("/northstar/applications");
  const moveButton = page.getByRole("button", { name: `Move Platform Engineer at ${company} to…` });
  await moveButton.click();
  await page.getByRole("menuitem", { name: "Offer" }).click();
  const offerColumn = page.getByRole("region", { name: /^Offer:/ });
  await expect(offerColumn.getByText(company, { exact: true })).toBeVisible();
  // Focus stays on the moved card, now in its new column.
  await expect(offerColumn.getByRole("button", { name: `Move Platform Engineer at ${company} to…` })).toBeFocused();

  // Export everything as JSON.
  await page.goto("/northstar/data");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download JSON" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^followthrough-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await (await import("node:fs/promises")).readFile((await file.path())!, "utf8"));
  expect(JSON.stringify(exported)).toContain(company);
});
