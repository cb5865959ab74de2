import type { OrgBrand } from "./types";

/** Used when there is no organisation yet (a sign-in link) and as the fallback colour. */
export const PRODUCT_BRAND: OrgBrand = { name: "Followthrough", brandColor: "#0f766e", logoUrl: null };

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * The colour goes into inline `style` attributes. React escapes the attribute but not CSS, so a
 * value like `red; background:url(…)` would add declarations: only plain hex colours pass.
 */
export function brandColor(org: OrgBrand): string {
  return HEX_COLOUR.test(org.brandColor) ? org.brandColor.toLowerCase() : PRODUCT_BRAND.brandColor;
}

function channel(hex: string, index: number): number {
  const full =
    hex.length === 4
      ? hex
          .slice(1)
          .split("")
          .map((c) => c + c)
          .join("")
      : hex.slice(1);
  const value = Number.parseInt(full.slice(index * 2, index * 2 + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** Text colour that stays readable on the brand colour (WCAG relative luminance). */
export function textOnBrand(org: OrgBrand): string {
  const hex = brandColor(org);
  const luminance = 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
  // Contrast against white vs. against near-black; pick the larger.
  const onWhite = 1.05 / (luminance + 0.05);
  const onDark = (luminance + 0.05) / 0.0592;
  return onWhite >= onDark ? "#ffffff" : "#111827";
}

/** Only absolute http(s) URLs are used as a logo source. */
export function logoUrl(org: OrgBrand): string | null {
  if (!org.logoUrl) return null;
  try {
    const url = new URL(org.logoUrl);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The organisation the preview server (`npm run email:preview`) shows every email on behalf of. */
export const PREVIEW_ORG: OrgBrand = { name: "Northbound Careers", brandColor: "#2563eb", logoUrl: null };
