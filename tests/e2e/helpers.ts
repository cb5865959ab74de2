import { expect, type Page } from "@playwright/test";

export const uniqueEmail = (who: string) => `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;

/** Opens the newest email to `to` in the development outbox whose subject matches. */
export async function openLatestEmail(page: Page, to: string, subject: RegExp) {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: subject }).first().click();
  await expect(page.getByTestId("email-text")).toBeVisible();
}

/** The first link in the open email's plain text that contains `fragment`. */
export async function linkInEmail(page: Page, fragment: string) {
  const href = await page.getByTestId("email-text").locator(`a[href*="${fragment}"]`).first().getAttribute("href");
  if (!href) throw new Error(`No link containing ${fragment} in the email`);
  return href;
}

/** Signs in the way a person does: request a link, open it from the outbox. */
export async function signInWithMagicLink(page: Page, email: string) {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await openLatestEmail(page, email, /sign-in link/i);
  await page.goto(await linkInEmail(page, "/api/auth/callback/email"));
}
