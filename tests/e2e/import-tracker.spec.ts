import { expect, test } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/** A seeded client of the demo practice (see db/seed.ts). */
const CLIENT = "sam@clients.example";

test("a client brings their JobSync export: preview, map Expired to withdrawn, import, see the board", async ({ page }) => {
  const stamp = Date.now();
  // JobSync's export as it comes: its columns, "N/A" for empty, a Yes/No applied column, an Expired status.
  const csv = [
    "index,createdAt,applied,appliedDate,Company,JobTitle,jobType,workplaceType,Location,JobSource,Status",
    `1,2026-01-05,Yes,2026-01-06,"Umbrella ${stamp}, Inc.",Site Reliability Engineer,FT,Remote,N/A,Referral,Expired`,
    `2,2026-01-07,Yes,2026-01-09,Globex ${stamp},"Engineer, Platform",C,Hybrid,"Berlin, DE",LinkedIn,Applied`,
    `3,2026-01-10,No,N/A,Zürich ${stamp},Data Analyst,FT,N/A,Zürich,N/A,Draft`,
  ].join("\n");

  await signInWithMagicLink(page, CLIENT);
  await expect(page).toHaveURL(/\/northstar$/);
  await page.goto("/northstar/data");
  await page.getByLabel("CSV file").setInputFiles({ name: "jobsync-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  // Recognised at once; the preview shows what will be stored, not the raw cells.
  await expect(page.getByText("a JobSync export")).toBeVisible();
  const preview = page.getByRole("table").filter({ hasText: "Site Reliability Engineer" });
  await expect(preview.getByRole("row", { name: /Site Reliability Engineer/ })).toContainText("Applied, archived");
  await expect(preview.getByRole("row", { name: /Data Analyst/ })).toContainText("Saved");
  await expect(page.getByText("3 new applications will be added.")).toBeVisible();

  // Expired means they withdrew, here.
  await page.getByLabel("“Expired” (1 row)").selectOption("withdrawn");
  await expect(preview.getByRole("row", { name: /Site Reliability Engineer/ })).toContainText("Withdrawn");
  await expect(page.getByText("3 new applications will be added.")).toBeVisible();

  await page.getByRole("button", { name: "Import applications" }).click();
  await expect(page.getByText(/Imported 3 applications/)).toBeVisible();

  // The board shows them where they belong.
  await page.getByRole("link", { name: "See your applications" }).click();
  await expect(page.getByRole("region", { name: /^Withdrawn:/ }).getByText(`Umbrella ${stamp}, Inc.`, { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Applied:/ }).getByText(`Globex ${stamp}`, { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Saved:/ }).getByText(`Zürich ${stamp}`, { exact: true })).toBeVisible();

  // The same file again adds nothing.
  await page.goto("/northstar/data");
  await page.getByLabel("CSV file").setInputFiles({ name: "jobsync-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText(/Nothing to import: every row is already in your applications/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Import applications" })).toBeDisabled();
});
