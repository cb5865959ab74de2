import { expect, test, type Page } from "@playwright/test";
import { moveTestClock, openApplicationAt, signInWithMagicLink } from "./helpers";

/**
 * What a new user found in the seeded demo, end to end: a rejection that kept nagging, a demo with
 * no reminders, an owner landing in the wrong organisation and an invisible check-in. The seed is
 * laid out around the moment the server started (see db/seed.ts): Sam's Corvid Logistics
 * interview ended an hour before, Fernbrook Bank's thank-you window closes minutes after, and
 * Brightline Health has a round two tomorrow and an overdue promise.
 */
const SAM = "sam@clients.example";

async function signOut(page: Page) {
  await page.context().clearCookies();
}

test.afterAll(async ({ request }) => {
  await moveTestClock(request, { reset: true });
});

test("the owner lands in the organisation they own, and the account menu says where and as what", async ({ page }) => {
  await signInWithMagicLink(page, "priya@northstar.example");
  await expect(page).toHaveURL(/\/northstar\/coach$/);
  await expect(page.getByTestId("current-org-role")).toHaveText("Owner at Northstar Career Coaching");
});

test("the demo has reminders planned from the start, drafts waiting and the check-in in plain words", async ({ page }) => {
  await signInWithMagicLink(page, SAM);
  await expect(page).toHaveURL(/\/northstar$/);

  // The interview that ended an hour ago: its drafts are waiting, its check-in is set for next week.
  await expect(page.getByRole("link", { name: /Thank-you note|Thank you/i }).first()).toBeVisible();
  const sittingTight = page.getByTestId("check-in-outlook").first();
  await expect(sittingTight).toContainText(/^⏳ Sitting tight until \w{3} \d{1,2} \w{3} — we'll draft your check-in for \w{3} \d{1,2} \w{3}\.$/);

  // Every application was planned: Brightline shows its reminders, the Corvid page its check-in.
  await openApplicationAt(page, "northstar", /Brightline Health/);
  await expect(page.getByRole("heading", { name: "Scheduled reminders" })).toBeVisible();
  await expect(page.getByText("Nothing scheduled")).toHaveCount(0);
  await openApplicationAt(page, "northstar", /Corvid Logistics/);
  await expect(page.getByRole("heading", { name: "Next step: sit tight, then check in" })).toBeVisible();
  await expect(page.getByTestId("check-in-outlook")).toContainText("we'll draft your check-in for");

  // The coach sees it on the client's page too.
  await signOut(page);
  await signInWithMagicLink(page, "maya@northstar.example");
  await page.getByRole("link", { name: "Sam Rivera" }).first().click();
  await expect(page.getByRole("heading", { name: "Sitting tight" })).toBeVisible();
  await expect(page.getByTestId("check-in-outlook").first()).toContainText("check-in drafted for");
});

test("a rejected application stops nagging: no upcoming interview, no overdue promise, nothing overdue for the coach", async ({ page }) => {
  await signInWithMagicLink(page, SAM);
  const upcoming = page.locator("section").filter({ has: page.getByRole("heading", { name: /Upcoming interviews/ }) });
  await expect(upcoming).toContainText("Brightline Health");
  await openApplicationAt(page, "northstar", /Brightline Health/);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByLabel("Move this application to").selectOption("rejected");
  await page.getByRole("button", { name: "Update status" }).click();
  await expect(page.getByLabel("Status history")).toContainText("Rejected");

  await page.goto("/northstar");
  await expect(upcoming).toBeVisible();
  await expect(upcoming).not.toContainText("Brightline Health");
  await expect(page.getByText("Share a work sample before the panel")).toHaveCount(0);

  await page.goto("/northstar/commitments");
  await expect(page.getByText("Share a work sample before the panel")).toHaveCount(0);
  await page.getByRole("button", { name: "Done or no longer needed" }).click();
  await expect(page.getByText("Share a work sample before the panel")).toBeVisible();
  await expect(page.getByText(/No longer needed: the application closed/).first()).toBeVisible();

  await signOut(page);
  await signInWithMagicLink(page, "maya@northstar.example");
  // The overview marks a client's row when anything of theirs is overdue: Sam's no longer is.
  const samRow = page.getByRole("row", { name: /Sam Rivera/ });
  await expect(samRow).toBeVisible();
  await expect(samRow).not.toHaveClass(/bg-red-50/);
});

test("the thank-you reminder the seed planned goes out once its time comes, and nothing stale went out at start", async ({ page, request }) => {
  const outbox = `/dev/outbox?to=${encodeURIComponent(SAM)}`;
  const reminders = page.locator('a[href^="/dev/outbox/"]').filter({ hasNotText: /sign-in/i });
  // Other journeys may have run first on this server (and moved its clock): count from here.
  await page.goto(outbox);
  const before = await reminders.count();
  // Quiet hours may hold it until the morning where Sam lives: half a day covers both.
  await moveTestClock(request, { advanceBy: "PT12H" });
  await page.goto(outbox);
  await expect(page.getByRole("link", { name: /thank/i }).first()).toBeVisible();
  // Nothing from the seeded history goes out in a burst: half a day sends the few planned ahead.
  expect((await reminders.count()) - before).toBeLessThan(10);
});
