import { expect, test } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/** At a phone's width, the everyday screens fit without sideways scrolling of the page itself. */
test.use({ viewport: { width: 375, height: 740 } });

const pagesOf = {
  "sam@clients.example": ["/northstar", "/northstar/applications", "/northstar/contacts", "/northstar/commitments", "/northstar/drafts", "/northstar/profile", "/northstar/data"],
  "maya@northstar.example": ["/northstar/coach"],
  "priya@northstar.example": ["/northstar/admin"],
};

for (const [email, paths] of Object.entries(pagesOf)) {
  test(`${email.split("@")[0]}'s screens fit a 375px-wide phone`, async ({ page }) => {
    await signInWithMagicLink(page, email);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });
}
