import { expect, test } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/**
 * The profile form: the page arrives with the saved values already in the fields (loaded in the
 * server render and handed to the browser's cache, no second request), the browser refuses what
 * the schema refuses next to the field, and a save keeps what the user typed while the saved
 * profile is fetched again.
 */
test("a client edits the profile: errors next to the field, saved values survive a reload", async ({ page }) => {
  await signInWithMagicLink(page, "nina@clients.example");
  // The server's HTML already carries the saved values (not blank fields until the page runs).
  const html = await (await page.request.get("/harbor/profile")).text();
  expect(html).toContain('value="UX researcher who brings customers into every product decision"');
  await page.goto("/harbor/profile");

  const name = page.getByLabel("Name", { exact: true });
  const headline = page.getByLabel("Headline");
  await expect(headline).toHaveValue("UX researcher who brings customers into every product decision");
  await expect(name).toBeEnabled();

  // The schema the API validates with also checks the form: an empty name is refused in place.
  await name.fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Give your name.")).toBeVisible();

  await name.fill("Nina Costa");
  await headline.fill("Researcher who turns customer interviews into roadmap decisions");
  await page.getByLabel("Accomplishment 3").fill("coached eight product managers to run their own interviews");
  await page.getByRole("checkbox", { name: /Reconnect/i }).uncheck();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Saved. Your reminders follow the new settings.", { exact: true })).toBeVisible();
  // The refetch after saving does not put the old values back into the form.
  await expect(headline).toHaveValue("Researcher who turns customer interviews into roadmap decisions");
  await expect(name).not.toHaveAttribute("aria-invalid", "true");

  await page.reload();
  await expect(page.getByLabel("Headline")).toHaveValue("Researcher who turns customer interviews into roadmap decisions");
  await expect(page.getByLabel("Accomplishment 3")).toHaveValue("coached eight product managers to run their own interviews");
  await expect(page.getByRole("checkbox", { name: /Reconnect/i })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Check-in|check in/i }).first()).toBeChecked();
});
