import { expect, test } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/** Seeded demo owner of Northstar (db/seed.ts), whose policy is the default one. */
const PRIYA = "priya@northstar.example";

test("the admin page shows a refusal only the server can judge next to its field, and a save keeps what is typed elsewhere", async ({ page }) => {
  await signInWithMagicLink(page, PRIYA);
  await page.goto("/northstar/admin");

  // Each time is well formed, so the browser sends it; only the whole policy is wrong (the
  // prepare reminder would fall in quiet hours), which the server names by its field.
  const prepare = page.getByLabel("Prepare reminder time");
  // The fields take their saved values once the page is interactive.
  await expect(prepare).toBeEnabled();
  const saved = await prepare.inputValue();
  expect(saved).toMatch(/^\d\d:\d\d$/);
  await prepare.fill("22:30");
  const refused = page.waitForResponse((response) => response.url().includes("settings.updatePolicy"));
  await page.getByRole("button", { name: "Save policy" }).click();
  expect((await refused).status()).toBe(400);
  await expect(prepare).toHaveAttribute("aria-invalid", "true");
  await expect(prepare).toHaveAccessibleDescription(/falls inside quiet hours/);
  // The refusal is on the field, not a banner, and the other fields keep their values.
  await expect(page.getByLabel("Quiet hours start")).not.toHaveAttribute("aria-invalid", "true");
  await expect(prepare).toHaveValue("22:30");

  // Something typed in another form, not saved...
  const practiceName = page.getByLabel("Practice name");
  const typed = `${await practiceName.inputValue()} (typing, not saved)`;
  await practiceName.fill(typed);

  // ...survives saving the policy, which refetches the settings both forms were filled from.
  await prepare.fill(saved);
  const refetched = page.waitForResponse((response) => response.url().includes("settings.get") && response.request().method() === "GET");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Policy saved. New reminders follow it from now on.", { exact: true })).toBeVisible();
  await refetched;
  await expect(prepare).not.toHaveAttribute("aria-invalid", "true");
  await expect(prepare).toHaveValue(saved);
  await expect(practiceName).toHaveValue(typed);
});
