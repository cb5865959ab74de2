import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/**
 * Every everyday screen of each role, scanned by axe-core in Chromium: no serious or critical
 * violation (WCAG 2.1 A/AA and axe's best practices). Screens reached through a record (an
 * application, an interview, a draft, a client) are found by following the first link to one,
 * so nothing depends on seeded ids.
 */
type Screen = string | { from: string; link: string; name: string };

const CLIENT_SCREENS: Screen[] = [
  "/northstar",
  "/northstar/applications",
  "/northstar/applications?view=table",
  "/northstar/applications/new",
  "/northstar/applications/capture",
  { from: "/northstar/applications?view=table", link: 'a[href*="/applications/"]:not([href$="/new"]):not([href$="/capture"])', name: "an application" },
  { from: "/northstar", link: 'a[href*="/interviews/"]:not([href*="/new"])', name: "an interview" },
  { from: "/northstar/applications?view=table", link: 'a[href*="/applications/"]:not([href$="/new"]):not([href$="/capture"])', name: "scheduling an interview" },
  "/northstar/contacts",
  "/northstar/commitments",
  "/northstar/drafts",
  { from: "/northstar/drafts", link: 'a[href*="/drafts/"]', name: "a draft" },
  "/northstar/profile",
  "/northstar/data",
];

const COACH_SCREENS: Screen[] = [
  "/northstar/coach",
  "/northstar/coach/outcomes",
  { from: "/northstar/coach", link: 'a[href*="/clients/"]', name: "a client" },
  "/northstar/profile",
  "/northstar/data",
];

const OWNER_SCREENS: Screen[] = [
  "/northstar/coach",
  "/northstar/coach/outcomes",
  "/northstar/admin",
  "/northstar/admin/onboarding",
  "/northstar/admin/cohorts",
  { from: "/northstar/coach", link: 'a[href*="/clients/"]', name: "a client" },
];

type Finding = { screen: string; id: string; impact: string; help: string; nodes: string[] };

async function scan(page: Page, screen: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ screen, id: v.id, impact: v.impact ?? "", help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`) }));
}

/** Waits for the screen to settle (its heading drawn, its data loaded) before scanning. */
async function settle(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

async function visit(page: Page, screen: Screen): Promise<string> {
  if (typeof screen === "string") {
    await page.goto(screen);
    await settle(page);
    return screen;
  }
  await page.goto(screen.from);
  await settle(page);
  const href = await page.locator(`main ${screen.link}`).first().getAttribute("href");
  expect(href, `a link to ${screen.name} on ${screen.from}`).toBeTruthy();
  let target = href!;
  if (screen.name === "scheduling an interview") {
    await page.goto(target);
    await settle(page);
    const schedule = await page.locator('main a[href*="/interviews/new"]').first().getAttribute("href");
    expect(schedule, "a link to schedule an interview").toBeTruthy();
    target = schedule!;
  }
  await page.goto(target);
  await settle(page);
  return `${screen.name} (${new URL(page.url()).pathname})`;
}

function report(findings: Finding[]) {
  return findings.map((f) => `${f.screen}: [${f.impact}] ${f.id} — ${f.help}\n    ${f.nodes.join("\n    ")}`).join("\n");
}

for (const [role, email, screens] of [
  ["client", "sam@clients.example", CLIENT_SCREENS],
  ["coach", "maya@northstar.example", COACH_SCREENS],
  ["owner", "priya@northstar.example", OWNER_SCREENS],
] as const) {
  test(`the ${role}'s everyday screens have no serious or critical accessibility violation`, async ({ page }) => {
    test.setTimeout(180_000);
    await signInWithMagicLink(page, email);
    const findings: Finding[] = [];
    for (const screen of screens) {
      const name = await visit(page, screen);
      findings.push(...(await scan(page, name)));
    }
    console.log(`axe (${role}): ${findings.length} serious/critical violation(s) over ${screens.length} screens\n${report(findings)}`);
    // The account menu, open.
    await page.getByRole("button", { name: /Account menu/ }).click({ timeout: 10_000 });
    await expect(page.getByRole("menu")).toBeVisible();
    findings.push(...(await scan(page, "the account menu, open")));
    expect(findings, report(findings)).toEqual([]);
  });
}

test("the signed-out screens have no serious or critical accessibility violation", async ({ page }) => {
  const findings: Finding[] = [];
  for (const path of ["/", "/sign-in"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    findings.push(...(await scan(page, path)));
  }
  await page.getByLabel("Email", { exact: true }).fill("nobody-in-particular@e2e.example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page).toHaveTitle(/Check your email/);
  findings.push(...(await scan(page, "/sign-in/check-email")));
  console.log(`axe (signed out): ${findings.length} serious/critical violation(s) over 3 screens\n${report(findings)}`);
  expect(findings, report(findings)).toEqual([]);
});
