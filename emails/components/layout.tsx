import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { brandColor, logoUrl, PRODUCT_BRAND } from "./brand";
import { oneLine } from "./text";
import * as s from "./styles";
import type { OrgBrand } from "./types";

export type LayoutProps = {
  org: OrgBrand;
  /** The line inbox lists show after the subject. */
  preheader: string;
  /** One sentence: why this person received this email. */
  reason: string;
  /** Reminder kinds only: a link that switches this kind of email off. */
  unsubscribe?: { url: string; label: string } | undefined;
  children: ReactNode;
};

export function Layout({ org, preheader, reason, unsubscribe, children }: LayoutProps) {
  const accent = brandColor(org);
  const logo = logoUrl(org);
  return (
    <Html lang="en">
      <Head />
      <Preview>{oneLine(preheader, 140)}</Preview>
      <Body style={s.body}>
        <Container style={{ ...s.container, borderTop: `4px solid ${accent}` }}>
          <Section style={s.header}>
            <Text style={s.orgName}>
              {logo ? <Img src={logo} alt="" height="32" style={{ ...s.logo, verticalAlign: "middle" }} /> : null}
              <span style={{ verticalAlign: "middle" }}>{org.name}</span>
            </Text>
          </Section>
          <Section style={s.content}>{children}</Section>
          <Section style={s.footer}>
            <Hr style={s.hr} />
            <Text style={s.small}>{reason}</Text>
            {unsubscribe ? (
              <Text style={s.small}>
                <Link href={unsubscribe.url} style={{ ...s.link, color: s.colors.muted }}>
                  {unsubscribe.label}
                </Link>
              </Text>
            ) : null}
            <Text style={s.small}>
              {org.name === PRODUCT_BRAND.name ? "Sent by Followthrough." : `Sent by Followthrough for ${org.name}.`}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
