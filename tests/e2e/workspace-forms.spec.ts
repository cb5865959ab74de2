import { expect, test, type Locator } from "@playwright/test";
import { createApplication, scheduleInterview, signInWithMagicLink } from "./helpers";

/** A seeded client of the demo practice (see db/seed.ts). */
const CLIENT = "sam@clients.example";

/**
 * Types text the browser accepts but the database cannot store (a NUL character): only the
 * server refuses it, so the error that comes back is the server's, by the field's full path.
 */
async function typeUnstorable(field: Locator, text: string) {
  await field.evaluate((input: HTMLInputElement, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, `${text}\u0000`);
}

test("the debrief shows a server's field error on the promise row it names, and keeps everything typed", async ({ page }) => {
  const company = `Lumen Freight ${Date.now()}`;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

  await signInWithMagicLink(page, CLIENT);
  await createApplication(page, "northstar", { company, role: "Data Engineer" });
  await scheduleInterview(page, { date: yesterday, startTime: "09:00", interviewers: ["Ines Carvalho"] });

  await page.getByLabel("Did you ask for the job?").selectOption("yes");
  await page.getByLabel("What happens next?").fill("A take-home exercise by Friday.");
  await page.getByLabel("What did you discuss with Ines Carvalho?").fill("Their move from nightly batches to streaming.");
  const promises = page.getByLabel("Promise", { exact: true });
  const dues = page.getByLabel("Due", { exact: true });
  await page.getByRole("button", { name: "Add a promise" }).click();
  await promises.nth(0).fill("Send the pipeline diagram");
  await dues.nth(0).fill(inAWeek);
  await page.getByRole("button", { name: "Add a promise" }).click();
  await typeUnstorable(promises.nth(1), "Send two references");
  await dues.nth(1).fill(inAWeek);
  await page.getByRole("button", { name: "Save debrief" }).click();

  // The second row's promise carries the server's message; the first row and the rest are untouched.
  await expect(promises.nth(1)).toHaveAttribute("aria-invalid", "true");
  await expect(promises.nth(1)).toHaveAccessibleDescription(/invisible control character/);
  await expect(promises.nth(0)).not.toHaveAttribute("aria-invalid", "true");
  await expect(promises.nth(0)).toHaveValue("Send the pipeline diagram");
  await expect(page.getByLabel("What happens next?")).toHaveValue("A take-home exercise by Friday.");
  await expect(page.getByText("Debrief saved.")).toHaveCount(0);

  // Fixed, it saves; the page's data refetches (the drafts appear) and the form keeps what was typed.
  await promises.nth(1).fill("Send two references");
  await page.getByRole("button", { name: "Save debrief" }).click();
  await expect(page.getByText("Debrief saved.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Thank-you note to Ines Carvalho" })).toBeVisible();
  await expect(promises.nth(1)).not.toHaveAttribute("aria-invalid", "true");
  await expect(promises.nth(1)).toHaveValue("Send two references");
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
  await expect(page.getByText("Research saved.")).toBeVisible();
  await expect(research).toHaveValue("Series B, 40 people, moving their reporting off spreadsheets.");
  await expect(page.getByRole("button", { name: "Save research" })).toBeDisabled();
});
