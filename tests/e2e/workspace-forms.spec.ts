import { expect, test } from "@playwright/test";
import { createApplication, scheduleInterview, signInWithMagicLink } from "./helpers";

/** A seeded client of the demo practice (see db/seed.ts). */
const CLIENT = "sam@clients.example";

test("the debrief shows a server's field error inside the interviewer it names, and keeps everything typed", async ({ page }) => {
  const company = `Lumen Freight ${Date.now()}`;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  // A company keeps challenges of up to 300 characters, a debrief takes 200 per challenge discussed:
  // only the server knows, so its refusal comes back by the field's full path.
  const longChallenge = `Their nightly batch jobs overrun into the working day ${"and block the analysts ".repeat(8)}`.trim();
  expect(longChallenge.length).toBeGreaterThan(200);

  await signInWithMagicLink(page, CLIENT);
  await createApplication(page, "northstar", { company, role: "Data Engineer" });
  await page.getByLabel("New challenge").fill(longChallenge);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Save challenges" }).click();
  await expect(page.getByRole("button", { name: "Save challenges" })).toBeDisabled();
  await scheduleInterview(page, { date: yesterday, startTime: "09:00", interviewers: ["Ines Carvalho", "Tomas Berg"] });

  await page.getByLabel("Did you ask for the job?").selectOption("yes");
  await page.getByLabel("What happens next?").fill("A take-home exercise by Friday.");
  await page.getByLabel("What did you discuss with Ines Carvalho?").fill("Their move from nightly batches to streaming.");
  const tomas = page.getByRole("region", { name: "Tomas Berg" });
  const ines = page.getByRole("region", { name: "Ines Carvalho" });
  await tomas.getByLabel(longChallenge).check();
  await page.getByRole("button", { name: "Add a promise" }).click();
  await page.getByLabel("Promise", { exact: true }).fill("Send the pipeline diagram");
  await page.getByLabel("Due", { exact: true }).fill(inAWeek);
  await page.getByRole("button", { name: "Save debrief" }).click();

  // The message sits with the interviewer whose challenge it is about; nothing else is marked or lost.
  await expect(tomas.getByText("Keep each challenge under 200 characters.")).toBeVisible();
  await expect(ines.getByText("Keep each challenge under 200 characters.")).toHaveCount(0);
  await expect(page.getByText("Debrief saved.")).toHaveCount(0);
  await expect(page.getByLabel("What happens next?")).toHaveValue("A take-home exercise by Friday.");
  await expect(page.getByLabel("What did you discuss with Ines Carvalho?")).toHaveValue("Their move from nightly batches to streaming.");
  await expect(page.getByLabel("Promise", { exact: true })).toHaveValue("Send the pipeline diagram");

  // Without it, the debrief saves; the page's data refetches (the drafts appear) and the form keeps what was typed.
  await tomas.getByLabel(longChallenge).uncheck();
  await page.getByRole("button", { name: "Save debrief" }).click();
  await expect(page.getByText("Debrief saved.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Thank-you note to Ines Carvalho" })).toBeVisible();
  await expect(page.getByLabel("Promise", { exact: true })).toHaveValue("Send the pipeline diagram");
  await expect(page.getByLabel("What did you discuss with Ines Carvalho?")).toHaveValue("Their move from nightly batches to streaming.");
});

test("text typed into one form survives the refetch another form's save triggers", async ({ page }) => {
  const company = `Quarry Labs ${Date.now()}`;
  await signInWithMagicLink(page, CLIENT);
  await createApplication(page, "northstar", { company, role: "Analytics Lead" });

  // Research typed but not saved…
  const research = page.getByLabel("What you have learned");
  await research.fill("Series B, 40 people, moving their reporting off spreadsheets.");
  await page.getByLabel("New challenge").fill("Board reports take a week to assemble");

  // …then the status changes, which refetches the whole application.
  await page.getByLabel("Move this application to").selectOption("interviewing");
  await page.getByRole("button", { name: "Update status" }).click();
  await expect(page.getByRole("list", { name: "Status history" }).getByText("Interviewing")).toBeVisible();

  await expect(research).toHaveValue("Series B, 40 people, moving their reporting off spreadsheets.");
  await expect(page.getByRole("button", { name: "Save research" })).toBeEnabled();
  await expect(page.getByLabel("New challenge")).toHaveValue("Board reports take a week to assemble");

  // Saving the research keeps the text and counts it as saved.
  await page.getByRole("button", { name: "Save research" }).click();
  await expect(page.getByText("Research saved.", { exact: true })).toBeVisible();
  await expect(research).toHaveValue("Series B, 40 people, moving their reporting off spreadsheets.");
  await expect(page.getByRole("button", { name: "Save research" })).toBeDisabled();
});
