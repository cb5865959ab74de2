import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const uniqueEmail = (who: string) => `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;

/** Opens the newest email to `to` in the development outbox whose subject matches. */
export async function openLatestEmail(page: Page, to: string, subject: RegExp) {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: subject }).first().click();
  await expect(page.getByTestId("email-text")).toBeVisible();
}

/** The first link in the open email's plain text that contains `fragment`. */
export async function linkInEmail(page: Page, fragment: string) {
  const href = await page.getByTestId("email-text").locator(`a[href*="${fragment}"]`).first().getAttribute("href");
  if (!href) throw new Error(`No link containing ${fragment} in the email`);
  return href;
}

/** Signs in the way a person does: request a link, open it from the outbox. */
export async function signInWithMagicLink(page: Page, email: string) {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await openLatestEmail(page, email, /sign-in link/i);
  await page.goto(await linkInEmail(page, "/api/auth/callback/email"));
}

/** The wall-clock date and time of `at` in `timeZone`, as the date and time inputs take them. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** As the signed-in client of `orgSlug`: a new application; ends on its page. */
export async function createApplication(page: Page, orgSlug: string, application: { company: string; role: string }) {
  await page.goto(`/${orgSlug}/applications/new`);
  await page.getByLabel("Company", { exact: true }).fill(application.company);
  await page.getByLabel("Role", { exact: true }).fill(application.role);
  await page.getByLabel("Status").selectOption("applied");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(application.role) })).toBeVisible();
}

/**
 * From an application's page: an interview at `date` `startTime` (the client's own zone, an hour
 * long) with people the client had not met before; ends on the interview page, which asks for the
 * debrief when the interview is over.
 */
export async function scheduleInterview(page: Page, interview: { date: string; startTime: string; interviewers: string[] }) {
  await page.getByRole("link", { name: "Schedule an interview" }).first().click();
  await page.getByLabel("Date").fill(interview.date);
  await page.getByLabel("Start time").fill(interview.startTime);
  for (const [i, name] of interview.interviewers.entries()) {
    await page.getByRole("button", { name: "Add a new interviewer" }).click();
    await page.getByLabel("Name").nth(i).fill(name);
  }
  await page.getByRole("button", { name: "Schedule interview" }).click();
  await expect(page).toHaveURL(/\/interviews\/(?!new)[^/?]+$/);
}

/** On an interview page that asks for it: the debrief, with what was discussed with each interviewer. */
export async function recordDebrief(
  page: Page,
  debrief: { whatNext: string; discussed: Record<string, string>; promise?: { text: string; due: string } },
) {
  await expect(page.getByText("Record your debrief while it is fresh")).toBeVisible();
  await page.getByLabel("Did you ask for the job?").selectOption("yes");
  await page.getByLabel("What happens next?").fill(debrief.whatNext);
  for (const [name, topics] of Object.entries(debrief.discussed)) {
    await page.getByLabel(`What did you discuss with ${name}?`).fill(topics);
  }
  if (debrief.promise) {
    await page.getByRole("button", { name: "Add a promise" }).click();
    await page.getByLabel("Promise", { exact: true }).fill(debrief.promise.text);
    await page.getByLabel("Due", { exact: true }).fill(debrief.promise.due);
  }
  await page.getByRole("button", { name: "Save debrief" }).click();
}

/** Thank-you drafts listed on the debriefed interview's page, one per interviewer. */
export const thankYouDrafts = (page: Page) => page.getByRole("link", { name: /Thank-you note to/ });

export type ClockMove = { advanceBy: string | number } | { reset: true };
export type ClockAnswer = { now: string; offsetMs: number; tick: { at: string; picked: number; sent: number } };

/** Moves the server's test clock (ENABLE_TEST_CLOCK=1) and answers once the delivery tick it runs is done. */
export async function moveTestClock(request: APIRequestContext, move: ClockMove): Promise<ClockAnswer> {
  const response = await request.post("/api/test/clock", { data: move });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ClockAnswer;
}

/** As a signed-in client of `orgSlug`: opens the application at `company` from the table view. */
export async function openApplicationAt(page: Page, orgSlug: string, company: RegExp) {
  await page.goto(`/${orgSlug}/applications?view=table`);
  await page.getByRole("row", { name: company }).first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/applications\/(?!new)[^/?]+/);
}
