import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/** A seeded client of the demo practice; the journey works on an application of its own. */
const CLIENT = "sam@clients.example";

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would (at most `max` presses). */
async function tabTo(page: Page, target: Locator, max = 80, key: "Tab" | "Shift+Tab" = "Tab") {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reached by Tab within ${max} presses`).toBeFocused();
}

/** Presses ArrowDown in an open menu until the item named `name` has the focus. */
async function arrowTo(page: Page, name: string, max = 10) {
  const item = page.getByRole("menuitem", { name, exact: true });
  for (let i = 0; i < max && !(await item.evaluate((el) => el === document.activeElement).catch(() => false)); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(item).toBeFocused();
}

test("a client adds an application and moves it across the board with the keyboard only", async ({ page }) => {
  const company = `Keyboard Co ${Date.now()}`;
  const role = "Accessibility Engineer";
  await signInWithMagicLink(page, CLIENT);

  // A new application, typed and submitted from the keyboard.
  await page.goto("/northstar/applications/new");
  await tabTo(page, page.getByLabel("Company", { exact: true }));
  await page.keyboard.type(company);
  await tabTo(page, page.getByLabel("Role", { exact: true }));
  await page.keyboard.type(role);
  await tabTo(page, page.getByRole("button", { name: "Save application" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: new RegExp(role) })).toBeVisible();

  // On the board, the card's menu: arrowing through the choices moves nothing, Escape closes it.
  await page.goto("/northstar/applications");
  // Once the board has loaded everything it fetches on arrival.
  await page.waitForLoadState("networkidle");
  const saved = page.getByRole("region", { name: /^Saved:/ });
  const interviewing = page.getByRole("region", { name: /^Interviewing:/ });
  const moveName = `Move ${role} at ${company} to…`;
  const moveInSaved = saved.getByRole("button", { name: moveName });
  await tabTo(page, moveInSaved, 200);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(moveInSaved).toBeFocused();
  await expect(saved.getByText(company, { exact: true })).toBeVisible();

  // An explicit choice moves it, and the focus stays on the moved card.
  await page.keyboard.press("Enter");
  await arrowTo(page, "Interviewing");
  await page.keyboard.press("Enter");
  await expect(interviewing.getByText(company, { exact: true })).toBeVisible();
  await expect(saved.getByText(company, { exact: true })).toHaveCount(0);
  const moveInInterviewing = interviewing.getByRole("button", { name: moveName });
  await expect(moveInInterviewing).toBeFocused();
  // Announced once the server has it (until then the card's choices are held).
  await expect(page.getByText("Moved to Interviewing.")).toBeAttached();

  // "Rejected" asks first; Escape keeps the card where it is and returns focus to its button.
  await page.keyboard.press("Enter");
  await arrowTo(page, "Rejected");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Mark this application as rejected?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  const scan = await new AxeBuilder({ page }).include('[role="alertdialog"]').analyze();
  expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(moveInInterviewing).toBeFocused();
  await expect(interviewing.getByText(company, { exact: true })).toBeVisible();

  // The account menu opens from the keyboard and Escape closes it.
  await tabTo(page, page.getByRole("button", { name: /Account menu/ }), 200, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeFocused();
});
