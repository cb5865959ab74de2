import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/**
 * At a phone's width and a laptop's, the everyday screens fit without sideways scrolling of the
 * page itself (a board or a table may scroll inside its own box).
 */
const WIDTHS = [390, 1280];

const pagesOf = {
  "sam@clients.example": [
    "/northstar",
    "/northstar/applications",
    "/northstar/applications?view=table",
    "/northstar/contacts",
    "/northstar/commitments",
    "/northstar/drafts",
    "/northstar/profile",
    "/northstar/data",
  ],
  "maya@northstar.example": ["/northstar/coach"],
  "priya@northstar.example": ["/northstar/admin", "/northstar/admin/onboarding", "/northstar/admin/cohorts"],
};

/** Screens reached by following a link from a listed one: an application, an interview, a client. */
const followedOf: Record<string, Array<{ from: string; link: RegExp }>> = {
  "sam@clients.example": [
    { from: "/northstar/applications?view=table", link: /Engineer|Designer|Analyst|Manager|Lead|Executive/ },
    { from: "/northstar/drafts", link: /Thank/ },
  ],
  "maya@northstar.example": [{ from: "/northstar/coach", link: /Sam Rivera/ }],
};

async function expectNoSidewaysScroll(page: Page, what: string) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

// One sign-in per person (three sign-in emails per address per 15 minutes), every width inside it.
for (const [email, paths] of Object.entries(pagesOf)) {
  test(`${email.split("@")[0]}'s screens fit ${WIDTHS.join(" and ")}px`, async ({ page }) => {
    await signInWithMagicLink(page, email);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of paths) {
        await page.goto(path);
        await expectNoSidewaysScroll(page, `${path} at ${width}px`);
      }
      for (const { from, link } of followedOf[email] ?? []) {
        await page.goto(from);
        await page.getByRole("link", { name: link }).first().click();
        await page.waitForLoadState("networkidle");
        await expectNoSidewaysScroll(page, `${page.url()} at ${width}px`);
      }
    }
  });
}

test("a 200-character title without spaces wraps inside its card on the board", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInWithMagicLink(page, "grace@clients.example");
  await page.goto("/northstar/applications/new");
  await page.getByLabel("Company", { exact: true }).fill("Longword Ltd");
  await page.getByLabel("Role", { exact: true }).fill("X".repeat(200));
  await page.getByLabel("Status").selectOption("applied");
  await page.getByRole("button", { name: "Save application" }).click();
  await page.goto("/northstar/applications");
  await expectNoSidewaysScroll(page, "the board with a long title");
  const card = page.getByRole("link", { name: "X".repeat(200) });
  const [cardBox, columnBox] = await Promise.all([card.boundingBox(), card.locator("xpath=ancestor::li[1]").boundingBox()]);
  expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(columnBox!.x + columnBox!.width + 1);
});
