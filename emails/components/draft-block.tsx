import { Link, Section, Text } from "@react-email/components";
import { brandColor } from "./brand";
import { Paragraphs } from "./paragraphs";
import * as s from "./styles";
import type { DraftRef, OrgBrand } from "./types";

export type DraftBlockProps = {
  org: OrgBrand;
  draft: DraftRef;
  /** e.g. "Thank-you note"; shown above the recipient. */
  kindLabel?: string | undefined;
  /** The edit link below the block; omit when the email's main button already edits it. */
  editLabel?: string | null | undefined;
};

export function DraftBlock({ org, draft, kindLabel, editLabel = "Edit this draft" }: DraftBlockProps) {
  return (
    <Section style={{ margin: "16px 0" }}>
      {kindLabel ? <Text style={{ ...s.calloutLabel, color: brandColor(org) }}>{kindLabel}</Text> : null}
      <Text style={s.draftMeta}>To: {draft.recipientName}</Text>
      <Text style={s.draftMeta}>Subject: {draft.subject}</Text>
      <Section style={{ ...s.draftBody, borderLeft: `3px solid ${brandColor(org)}` }}>
        <Paragraphs text={draft.body} style={s.draftParagraph} />
      </Section>
      {editLabel ? (
        <Text style={s.small}>
          <Link href={draft.editUrl} style={{ ...s.link, color: brandColor(org) }}>
            {editLabel}
          </Link>
        </Text>
      ) : null}
    </Section>
  );
}
