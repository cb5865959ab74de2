import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/** Seeded demo people (db/seed.ts): Maya coaches Aisha; Daniel coaches Marcus; Priya owns the practice. */
const MAYA = "maya@northstar.example";
const DANIEL = "daniel@northstar.example";
const PRIYA = "priya@northstar.example";
const AISHA = "aisha@clients.example";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithMagicLink(page, email);
  return page;
}

/**
 * Puts the seed back as it was (Aisha with Maya only), whatever this test got to: other journeys,
 * in any order, count on the seeded assignments.
 */
async function assignAishaBackToMaya(browser: Browser) {
  const priya = await signedIn(browser, PRIYA);
  await priya.goto("/northstar/admin");
  await expect(priya.getByRole("checkbox", { name: "Aisha Bello" })).toBeVisible();
  const withDaniel = priya.getByRole("button", { name: "Unassign Aisha Bello from Daniel Okafor" });
  if ((await withDaniel.count()) > 0) {
    await withDaniel.click();
    await expect(withDaniel).toHaveCount(0);
  }
  const withMaya = priya.getByRole("button", { name: "Unassign Aisha Bello from Maya Chen" });
  if ((await withMaya.count()) === 0) {
    await priya.getByRole("checkbox", { name: "Aisha Bello" }).check();
    await priya.getByLabel("Coach", { exact: true }).selectOption({ label: "Maya Chen" });
    await priya.getByRole("button", { name: /Assign 1 selected/ }).click();
    await expect(withMaya).toBeVisible();
  }
  await priya.context().close();
}

test.afterEach(async ({ browser }) => {
  await assignAishaBackToMaya(browser);
});

test("a coach follows up with an assigned client, who sees it, until the owner reassigns the client", async ({ browser }) => {
  const stamp = Date.now();
  const note = `Your debrief notes are excellent, keep them coming (${stamp})`;
  const nudge = `Time to send that thank-you note (${stamp})`;

  // The coach sees only the clients assigned to her.
  const maya = await signedIn(browser, MAYA);
  await expect(maya).toHaveURL(/\/northstar\/coach$/);
  await expect(maya.getByRole("link", { name: "Aisha Bello" })).toBeVisible();
  await expect(maya.getByRole("link", { name: "Marcus Hill" })).toHaveCount(0);
  await maya.getByRole("button", { name: "Sort by overdue" }).click();
  await expect(maya.getByRole("columnheader", { name: /overdue/i })).toHaveAttribute("aria-sort", /ascending|descending/);

  // She opens a client, leaves a shared note and a nudge.
  await maya.getByRole("link", { name: "Aisha Bello" }).click();
  await expect(maya).toHaveURL(/\/northstar\/clients\/[0-9a-f-]{36}$/);
  const clientUrl = maya.url();
  // The nudge is typed first: saving the note refetches the page's data, and the typing stays.
  await maya.getByLabel("Nudge message", { exact: true }).fill(nudge);
  await maya.getByLabel("Note", { exact: true }).fill(note);
  await maya.getByLabel("Share with the client").check();
  await maya.getByRole("button", { name: "Save note" }).click();
  await expect(maya.getByText(note)).toBeVisible();
  await expect(maya.getByLabel("Note", { exact: true })).toHaveValue("");
  await expect(maya.getByLabel("Nudge message", { exact: true })).toHaveValue(nudge);
  await maya.getByRole("button", { name: "Send nudge" }).click();
  await expect(maya.getByText(nudge)).toBeVisible();

  // The client sees both on her dashboard.
  const aisha = await signedIn(browser, AISHA);
  await expect(aisha).toHaveURL(/\/northstar$/);
  await expect(aisha.getByText(note)).toBeVisible();
  await expect(aisha.getByText(nudge)).toBeVisible();

  // The owner moves the client to another coach.
  const priya = await signedIn(browser, PRIYA);
  await priya.goto("/northstar/admin");
  await priya.getByRole("button", { name: "Unassign Aisha Bello from Maya Chen" }).click();
  await expect(priya.getByRole("button", { name: "Unassign Aisha Bello from Maya Chen" })).toHaveCount(0);
  await priya.getByRole("checkbox", { name: "Aisha Bello" }).check();
  await priya.getByLabel("Coach", { exact: true }).selectOption({ label: "Daniel Okafor" });
  await priya.getByRole("button", { name: /Assign 1 selected/ }).click();
  await expect(priya.getByRole("button", { name: "Unassign Aisha Bello from Daniel Okafor" })).toBeVisible();

  // The first coach has lost access; the new one has it.
  const response = await maya.goto(clientUrl);
  expect(response?.status()).toBe(404);
  await maya.goto("/northstar/coach");
  await expect(maya.getByRole("link", { name: "Aisha Bello" })).toHaveCount(0);
  const daniel = await signedIn(browser, DANIEL);
  await daniel.goto(clientUrl);
  await expect(daniel.getByText(note)).toBeVisible();
});
