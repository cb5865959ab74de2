import { Button as EmailButton, Section } from "@react-email/components";
import type { ReactNode } from "react";
import { brandColor, textOnBrand } from "./brand";
import { fontFamily } from "./styles";
import type { OrgBrand } from "./types";

export type ButtonProps = { org: OrgBrand; href: string; children: ReactNode };

/** The one call to action of an email, in the organisation's colour. */
export function Button({ org, href, children }: ButtonProps) {
  return (
    <Section style={{ margin: "20px 0 8px" }}>
      <EmailButton
        href={href}
        style={{
          backgroundColor: brandColor(org),
          color: textOnBrand(org),
          fontFamily,
          fontSize: "15px",
          fontWeight: 600,
          lineHeight: "20px",
          textDecoration: "none",
          borderRadius: "6px",
          padding: "12px 20px",
        }}
      >
        {children}
      </EmailButton>
    </Section>
  );
}
