import { expect, test } from "@playwright/test";
import {
  createApplication,
  localDateTime,
  moveTestClock,
  openLatestEmail,
  recordDebrief,
  scheduleInterview,
  signInWithMagicLink,
  thankYouDrafts,
} from "./helpers";

/** A seeded client of the demo practice (see db/seed.ts), and the zone the interview form uses for her. */
const CLIENT = "sam@clients.example";
const CLIENT_ZONE = "America/New_York";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The clock is the server's, shared by every spec that runs after this one: put it back.
test.afterAll(async ({ playwright }, testInfo) => {
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  await moveTestClock(api, { reset: true });
  await api.dispose();
});

test("the thank-you reminder arrives once its time has come, and only once", async ({ page, request }) => {
  const company = `Lumen Analytics ${Date.now()}`;
  // The organisation's policy: 24 hours after the interview ends (quiet hours may push it to the
  // next morning, at most 11 hours later); a day off either way of that is never close.
  const reminderSubject = `Your thank-you notes for ${company} are waiting`;
  const outbox = `/dev/outbox?to=${encodeURIComponent(CLIENT)}`;
  const reminders = page.getByRole("link", { name: reminderSubject });

  await signInWithMagicLink(page, CLIENT);
  await createApplication(page, "northstar", { company, role: "Data Engineer" });

  // An hour-long interview that began two hours ago, so it ended an hour ago.
  const start = localDateTime(new Date(Date.now() - 2 * HOUR), CLIENT_ZONE);
  await scheduleInterview(page, { date: start.date, startTime: start.time, interviewers: ["Noor Haddad", "Felix Brandt"] });
  await recordDebrief(page, {
    whatNext: "A take-home exercise, then a call with the head of data.",
    discussed: {
      "Noor Haddad": "Moving the nightly batch jobs to streaming.",
      "Felix Brandt": "How the analysts and engineers share on-call.",
    },
  });

  // The debrief drafted a thank-you note to each interviewer; the reminder is not due yet.
  await expect(thankYouDrafts(page)).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Thank-you note to Noor Haddad" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Thank-you note to Felix Brandt" })).toBeVisible();
  await page.goto(outbox);
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expect(reminders).toHaveCount(0);

  // Two days later, by the server's clock: the delivery tick the move runs sends it.
  const before = Date.now();
  const moved = await moveTestClock(request, { advanceBy: "P2D" });
  expect(moved.offsetMs).toBe(2 * DAY);
  // The tick read the moved clock through the schedule started at boot (another bundle).
  expect(Date.parse(moved.tick.at)).toBeGreaterThanOrEqual(before + 2 * DAY);
  await page.goto(outbox);
  await expect(reminders).toHaveCount(1);

  // Two more days: nothing is sent twice.
  await moveTestClock(request, { advanceBy: "P2D" });
  await page.goto(outbox);
  await expect(reminders).toHaveCount(1);

  // It names both people still waiting for a note.
  await openLatestEmail(page, CLIENT, new RegExp(reminderSubject));
  await expect(page.getByTestId("email-text")).toContainText("Noor Haddad");
  await expect(page.getByTestId("email-text")).toContainText("Felix Brandt");
});
