import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { linkInEmail, openLatestEmail, signInWithMagicLink } from "./helpers";

/** Seeded demo people (db/seed.ts): Priya owns Northstar; Maya coaches Sam, Aisha, Tom and Lena. */
const PRIYA = "priya@northstar.example";
const MAYA = "maya@northstar.example";

async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signInWithMagicLink(page, email);
  return page;
}

/** A career centre's roster of `count` students; `broken` swaps in bad rows by index. */
function roster(stamp: string, count: number, broken: Record<number, string> = {}) {
  const lines = ["Name,Email,Cohort,Coach email"];
  for (let i = 0; i < count; i++) {
    lines.push(broken[i] ?? `Student ${i} ${stamp},student-${i}-${stamp}@students.example,Class of ${stamp},${i % 2 === 0 ? MAYA : ""}`);
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`);
}

test("a career centre onboards a 200-student roster, groups clients into a cohort and hands it to a coach, who sorts and filters her clients; the owner exports the overview and opens the outcomes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = `${Date.now().toString(36)}`;
  const priya = await signedIn(browser, PRIYA);

  // The owner finds onboarding from the admin page.
  await priya.goto("/northstar/admin");
  await priya.getByRole("link", { name: "Onboard from a CSV" }).first().click();
  await expect(priya.getByRole("heading", { name: "Onboard clients from a roster" })).toBeVisible();

  // A roster with two bad rows: an address that is not one, and a student listed twice.
  const bad = roster(stamp, 200, {
    49: `Bad Address ${stamp},student-49-${stamp}.students.example,Class of ${stamp},`,
    119: `Listed Twice ${stamp},student-9-${stamp}@students.example,Class of ${stamp},`,
  });
  await priya.getByLabel("Roster CSV").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: bad });
  await expect(priya.getByText("2 rows have problems")).toBeVisible();
  // Each problem is next to its row, by its line in the spreadsheet (the header is line 1).
  await expect(priya.getByTestId("problem-line-51")).toContainText("is not a valid email address");
  await expect(priya.getByTestId("problem-line-121")).toContainText("is already on line 11");
  await expect(priya.getByText(`Class of ${stamp}`).first()).toBeVisible();
  await expect(priya.getByText("(new: will be created)")).toBeVisible();
  await expect(priya.getByRole("button", { name: /^Invite/ })).toHaveCount(0);

  // Fixed in the spreadsheet and uploaded again: every row is fine, and everyone is invited.
  await priya.getByLabel("Roster CSV").setInputFiles({ name: "roster-fixed.csv", mimeType: "text/csv", buffer: roster(stamp, 200) });
  await expect(priya.getByText("Every row is fine.")).toBeVisible();
  await priya.getByRole("button", { name: "Invite 200 clients" }).click();
  await expect(priya.getByText("Invitations created. Their emails are on their way.")).toBeVisible();
  const upload = priya.getByTestId("roster-upload").first();
  await expect(upload).toContainText("200 invited");
  // The emails go out in the background, paced; the page follows them.
  await expect(upload).toContainText("All sent: 200", { timeout: 120_000 });

  // A student's invitation arrived, with a working link into the organisation.
  const student = `student-7-${stamp}@students.example`;
  const mail = await (await browser.newContext()).newPage();
  await openLatestEmail(mail, student, /invit/i);
  const invite = await linkInEmail(mail, "/invite/");
  await mail.goto(invite);
  await expect(mail.getByText(/Northstar Career Coaching/).first()).toBeVisible();

  // The owner creates a cohort, puts two clients in it and hands it to a coach.
  const cohortName = `Evening programme ${stamp}`;
  await priya.goto("/northstar/admin/cohorts");
  await expect(priya.getByRole("heading", { name: `Class of ${stamp}` })).toBeVisible();
  await priya.getByLabel("Cohort name").fill(cohortName);
  await priya.getByRole("button", { name: "Create cohort" }).click();
  const card = priya.getByTestId("cohort-card").filter({ has: priya.getByRole("heading", { name: cohortName }) });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "Choose clients" }).click();
  await card.getByRole("checkbox", { name: "Sam Rivera" }).check();
  await card.getByRole("checkbox", { name: "Tom Becker" }).check();
  await card.getByRole("button", { name: /Save clients/ }).click();
  await expect(card).toContainText("2 clients");
  await card.getByLabel(`Coach for ${cohortName}`).selectOption({ label: "Maya Chen" });
  await card.getByRole("button", { name: "Assign cohort" }).click();
  await expect(card.getByText(`${cohortName} assigned to Maya Chen`)).toBeVisible();

  // The audit log says what happened, once per action.
  await priya.goto("/northstar/admin");
  await expect(priya.getByText("Invited clients from a roster").first()).toBeVisible();
  await expect(priya.getByText("Assigned clients in bulk").first()).toBeVisible();

  // The coach sorts her clients by follow-through; each row names the client's cohorts.
  const maya = await signedIn(browser, MAYA);
  await maya.goto("/northstar/coach");
  await maya.getByRole("button", { name: "Sort by follow-through" }).click();
  await expect(maya.getByRole("columnheader", { name: /follow-through/i })).toHaveAttribute("aria-sort", /ascending|descending/);
  const rowOf = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(rowOf(maya, "Tom Becker")).toContainText(cohortName);
  await expect(rowOf(maya, "Aisha Bello")).not.toContainText(cohortName);
  // One cohort choice narrows her list and the charts together, and stays in the page's address:
  // Sam and Tom, not Aisha or Lena.
  await maya.getByRole("combobox", { name: /^Cohort/ }).selectOption({ label: cohortName });
  await expect(maya).toHaveURL(/[?&]cohort=/);
  await expect(maya.getByText(`Charts for the cohort ${cohortName}`)).toBeVisible();
  await expect(maya.getByRole("heading", { name: "Pipeline funnel" })).toBeVisible();
  await expect(maya.getByText("2 clients · page 1 of 1")).toBeVisible();
  await expect(maya.getByRole("link", { name: "Aisha Bello" })).toHaveCount(0);
  const cohortPage = maya.url();
  // A coach has no bulk actions on the overview.
  await expect(maya.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);

  // The owner adds Aisha to the cohort from the overview's selection...
  await priya.goto("/northstar/coach");
  await priya.getByLabel("Search clients").fill("Aisha");
  await priya.getByRole("checkbox", { name: "Select Aisha Bello" }).check();
  await expect(priya.getByText("1 client selected")).toBeVisible();
  await priya.getByLabel("Cohort to add them to").selectOption({ label: cohortName });
  await priya.getByRole("button", { name: "Add to cohort" }).click();
  await expect(priya.getByText(`Added 1 client to ${cohortName}.`)).toBeVisible();
  await expect(rowOf(priya, "Aisha Bello")).toContainText(cohortName);
  await priya.getByLabel("Search clients").fill("");

  // ...and the coach's cohort view (the same address) now has her too, in the list and the charts.
  await maya.goto(cohortPage);
  await expect(maya.getByRole("combobox", { name: /^Cohort/ })).toHaveValue(new URL(cohortPage).searchParams.get("cohort")!);
  await expect(maya.getByText("3 clients · page 1 of 1")).toBeVisible();
  await expect(maya.getByText(`Charts for the cohort ${cohortName}`)).toBeVisible();
  await maya.getByRole("link", { name: "Tom Becker" }).click();
  await expect(maya.getByLabel("Cohorts")).toContainText(cohortName);

  // The owner exports the whole overview (every row, not the page on screen) for a funder...
  await priya.goto("/northstar/coach");
  const exportLink = priya.getByRole("link", { name: /^Export \d+ to CSV$/ });
  const total = Number((await exportLink.textContent())!.match(/\d+/)![0]);
  const [download] = await Promise.all([priya.waitForEvent("download"), exportLink.click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.trim().split("\r\n")).toHaveLength(total + 1);
  expect(csv).toContain("Tom Becker");

  // ...and opens the outcomes, where the new cohort has its own line.
  await priya.getByRole("link", { name: "Outcomes" }).first().click();
  await expect(priya.getByRole("heading", { name: "Outcomes", level: 1 })).toBeVisible();
  const byCohort = priya.locator("section").filter({ has: priya.getByRole("heading", { name: "By cohort" }) });
  await expect(byCohort).toContainText(cohortName);
});

test("the onboarding page fits a phone and works from the keyboard", async ({ browser }) => {
  const priya = await signedIn(browser, PRIYA, { width: 390, height: 844 });
  await priya.goto("/northstar/admin/onboarding");
  const stamp = `${Date.now().toString(36)}p`;
  await priya.getByLabel("Roster CSV").setInputFiles({
    name: "roster.csv",
    mimeType: "text/csv",
    buffer: roster(stamp, 3, { 1: `Someone ${stamp},not-an-address,,` }),
  });
  await expect(priya.getByText("1 row has a problem")).toBeVisible();
  const overflow = await priya.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Keyboard: from the file input, Tab reaches the page's next controls without a mouse.
  await priya.getByLabel("Roster CSV").focus();
  await expect(priya.getByLabel("Roster CSV")).toBeFocused();
  await priya.goto("/northstar/admin/cohorts");
  // Fields take typing once the page is interactive (they are disabled until then, so nothing typed is lost).
  await expect(priya.getByLabel("Cohort name")).toBeEnabled();
  await priya.getByLabel("Cohort name").focus();
  await priya.keyboard.type(`Keyboard cohort ${stamp}`);
  await priya.keyboard.press("Enter");
  await expect(priya.getByRole("heading", { name: `Keyboard cohort ${stamp}` })).toBeVisible();
  const cohortsOverflow = await priya.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(cohortsOverflow).toBeLessThanOrEqual(0);
});
