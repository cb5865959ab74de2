import { expect, test, type Page } from "@playwright/test";
import { createApplication, moveTestClock, openApplicationAt, recordDebrief, scheduleInterview, signInWithMagicLink } from "./helpers";

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
  // Its own application (the seeded ones stay as they are for the other journeys, in any order):
  // an interview yesterday whose debrief left a promise now overdue, and a second round tomorrow.
  const company = `Closing Doors ${Date.now()}`;
  const role = "Solutions Architect";
  const promise = `Send the architecture sketch (${company})`;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await signInWithMagicLink(page, SAM);
  await createApplication(page, "northstar", { company, role });
  const applicationUrl = page.url();
  await scheduleInterview(page, { date: day(-1), startTime: "10:00", interviewers: ["Rhea Lindqvist"] });
  await recordDebrief(page, {
    whatNext: "A second round tomorrow.",
    discussed: { "Rhea Lindqvist": "How they migrate clinics to the new platform." },
    promise: { text: promise, due: day(-1) },
  });
  await expect(page.getByText("Debrief saved.")).toBeVisible();
  await page.goto(applicationUrl);
  await scheduleInterview(page, { date: day(1), startTime: "15:00", interviewers: ["Ian Moreau"] });

  const upcoming = page.locator("section").filter({ has: page.getByRole("heading", { name: /Upcoming interviews/ }) });
  await page.goto("/northstar");
  await expect(upcoming).toContainText(company);
  await page.goto("/northstar/commitments");
  await expect(page.getByText(promise, { exact: true })).toBeVisible();

  // Rejected, after saying yes to what it does.
  await page.goto(applicationUrl);
  await page.getByLabel("Move this application to").selectOption("rejected");
  await page.getByRole("button", { name: "Update status" }).click();
  await page.getByRole("alertdialog", { name: "Mark this application as rejected?" }).getByRole("button", { name: "Mark as rejected" }).click();
  await expect(page.getByLabel("Status history")).toContainText("Rejected");

  await page.goto("/northstar");
  await expect(upcoming).toBeVisible();
  await expect(upcoming).not.toContainText(company);

  await page.goto("/northstar/commitments");
  await expect(page.getByText(promise, { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Done or no longer needed" }).click();
  await expect(page.getByText(promise, { exact: true })).toBeVisible();
  await expect(page.getByText(/No longer needed: the application closed/).first()).toBeVisible();

  // The coach sees the promise released, not overdue.
  await signOut(page);
  await signInWithMagicLink(page, "maya@northstar.example");
  await page.getByRole("link", { name: "Sam Rivera" }).first().click();
  // In the promises list: the reminder lists may also name it (an overdue promise is reminded at once).
  const promises = page.locator("section").filter({ has: page.getByRole("heading", { name: "Promises and tasks" }) });
  const released = promises.getByRole("listitem").filter({ hasText: promise });
  await expect(released).toContainText("No longer needed");
  await expect(released).not.toContainText("Overdue");
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
