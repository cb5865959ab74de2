import { expect, test } from "@playwright/test";
import { linkInEmail, openLatestEmail, signInWithMagicLink, uniqueEmail } from "./helpers";

test("an owner signs in, creates an organisation and invites a client who accepts", async ({ browser }) => {
  const ownerEmail = uniqueEmail("owner");
  const clientEmail = uniqueEmail("client");
  const slug = `e2e-practice-${Date.now()}`;

  const owner = await (await browser.newContext()).newPage();
  await signInWithMagicLink(owner, ownerEmail);
  await expect(owner).toHaveURL(/\/onboarding$/);
  await owner.getByLabel("Practice name").fill("E2E Career Coaching");
  await owner.getByLabel("Web address").fill(slug);
  await owner.getByRole("button", { name: "Create organisation" }).click();
  await expect(owner).toHaveURL(new RegExp(`/${slug}/admin$`));

  await owner.getByLabel("Email", { exact: true }).fill(clientEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("client");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${clientEmail}.`)).toBeVisible();

  // The client follows the invitation email, signs in from it and accepts.
  const client = await (await browser.newContext()).newPage();
  await openLatestEmail(client, clientEmail, /join|invit/i);
  await client.goto(await linkInEmail(client, "/invite/"));
  await expect(client.getByRole("heading", { name: "Join E2E Career Coaching" })).toBeVisible();
  await client.getByRole("link", { name: /Sign in as/ }).click();
  await expect(client).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signInWithMagicLink(client, clientEmail);
  await expect(client).toHaveURL(/\/invite\//);
  await client.getByRole("button", { name: "Accept invitation" }).click();
  await expect(client).toHaveURL(new RegExp(`/${slug}$`));
  // A new client is asked for what their drafts depend on before the dashboard, in their browser's zone.
  await expect(client.getByRole("heading", { name: "Let's set you up" })).toBeVisible();
  await client.getByRole("button", { name: "Save and open my dashboard" }).click();
  await expect(client.getByText("Give your name: it signs your drafts.")).toBeVisible();
  await client.getByLabel("Your name").fill("Robin Newcomer");
  await client.getByLabel("Headline").fill("Support lead who turns angry customers into loyal ones");
  await client.getByLabel("An accomplishment").fill("raised CSAT from 71% to 93% in a year");
  await client.getByLabel("Another accomplishment").fill("cut first response time by half");
  await client.getByRole("button", { name: "Save and open my dashboard" }).click();
  await expect(client.getByRole("heading", { name: "Hello, Robin" })).toBeVisible();

  await owner.reload();
  await expect(owner.getByText(clientEmail).first()).toBeVisible();
  await expect(owner.getByText(/Client · accepted/)).toBeVisible();
});

test("a non-member gets a 404 for an organisation's pages", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("stranger"));
  const response = await page.goto("/northstar-does-not-exist/admin");
  expect(response?.status()).toBe(404);
});
