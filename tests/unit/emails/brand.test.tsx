import { describe, expect, it } from "vitest";
import { PRODUCT_BRAND, renderEmail, templates } from "@/emails";
import { brandColor, logoUrl, textOnBrand } from "@/emails/components/brand";

const base = templates["reminder-debrief"].PreviewProps;

describe("branding", () => {
  it("uses the brand colour for the accent and the button", async () => {
    const { html } = await renderEmail("reminder-debrief", { ...base, org: { name: "Teal Co", brandColor: "#0E7490" } });
    expect(html).toContain("border-top:4px solid #0e7490");
    expect(html).toMatch(/<a href="[^"]+\/debrief"[^>]*background-color:#0e7490/);
  });

  it("falls back to the product colour when the stored colour isn't a hex colour", async () => {
    const org = { name: "Sneaky", brandColor: "red;background:url(https://evil.example/x)" };
    expect(brandColor(org)).toBe(PRODUCT_BRAND.brandColor);
    const { html } = await renderEmail("reminder-debrief", { ...base, org });
    expect(html).not.toContain("evil.example");
    expect(html).toContain(PRODUCT_BRAND.brandColor);
  });

  it("picks readable button text for light and dark brand colours", () => {
    expect(textOnBrand({ name: "x", brandColor: "#fde047" })).toBe("#111827");
    expect(textOnBrand({ name: "x", brandColor: "#fff" })).toBe("#111827");
    expect(textOnBrand({ name: "x", brandColor: "#1e3a8a" })).toBe("#ffffff");
    expect(textOnBrand({ name: "x", brandColor: "#0f766e" })).toBe("#ffffff");
  });

  it("shows an https logo and ignores any other kind of URL", async () => {
    const withLogo = { name: "Logo Co", brandColor: "#2563eb", logoUrl: "https://cdn.example.com/logo.png" };
    const { html } = await renderEmail("reminder-debrief", { ...base, org: withLogo });
    expect(html).toContain(`src="https://cdn.example.com/logo.png"`);

    expect(logoUrl({ ...withLogo, logoUrl: "javascript:alert(1)" })).toBeNull();
    expect(logoUrl({ ...withLogo, logoUrl: "not a url" })).toBeNull();
    expect(logoUrl({ ...withLogo, logoUrl: null })).toBeNull();
    const { html: without } = await renderEmail("reminder-debrief", { ...base, org: { ...withLogo, logoUrl: "data:x" } });
    expect(without).not.toContain("<img");
  });

  it("signs a sign-in link without an organisation as the product itself", async () => {
    const { text } = await renderEmail("sign-in-link", templates["sign-in-link"].PreviewProps);
    expect(text).toContain("Sent by Followthrough.");
    expect(text).not.toContain("for Followthrough.");
  });
});
