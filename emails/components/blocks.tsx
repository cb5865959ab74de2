import { Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { brandColor } from "./brand";
import { Paragraphs } from "./paragraphs";
import * as s from "./styles";
import type { OrgBrand } from "./types";

// Small building blocks so every template reads the same: what it is about, why now, what to do.

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={s.title}>
      {children}
    </Heading>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={s.sectionTitle}>
      {children}
    </Heading>
  );
}

export function P({ children }: { children: ReactNode }) {
  return <Text style={s.paragraph}>{children}</Text>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <Text style={s.small}>{children}</Text>;
}

/** The "why now" of a reminder, set apart so it is easy to find. */
export function WhyNow({ org, children }: { org: OrgBrand; children: ReactNode }) {
  return (
    <Section style={s.callout}>
      <Text style={{ ...s.calloutLabel, color: brandColor(org) }}>Why now</Text>
      <Text style={{ ...s.paragraph, margin: 0 }}>{children}</Text>
    </Section>
  );
}

/** What to do, as a short list. */
export function Steps({ items }: { items: readonly ReactNode[] }) {
  return (
    <ul style={s.list}>
      {items.map((item, i) => (
        <li key={i} style={s.listItem}>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** Label / value rows: when, where, with whom. */
export function Facts({ rows }: { rows: ReadonlyArray<readonly [label: string, value: ReactNode]> }) {
  return (
    <table role="presentation" data-text-format="dataTable" cellPadding={0} cellSpacing={0} style={{ margin: "12px 0", borderCollapse: "collapse" }}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <td style={s.factLabel}>{label}</td>
            <td style={s.factValue}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BrandLink({ org, href, children }: { org: OrgBrand; href: string; children: ReactNode }) {
  return (
    <Link href={href} style={{ ...s.link, color: brandColor(org) }}>
      {children}
    </Link>
  );
}

/** "Quote" a short piece of the user's own text (research notes, a coach's message). */
export function Quote({ org, text }: { org: OrgBrand; text: string }) {
  return (
    <Section style={{ ...s.callout, borderLeft: `3px solid ${brandColor(org)}` }}>
      <Paragraphs text={text} style={{ ...s.paragraph, margin: "0 0 12px" }} />
    </Section>
  );
}
