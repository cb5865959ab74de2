import type { CSSProperties } from "react";

// Inline styles only: most mail clients drop <style> blocks or rewrite them.
export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const colors = {
  text: "#1f2937",
  muted: "#6b7280",
  border: "#e5e7eb",
  page: "#f4f5f7",
  card: "#ffffff",
  subtle: "#f9fafb",
  warning: "#b45309",
} as const;

export const body: CSSProperties = {
  backgroundColor: colors.page,
  fontFamily,
  color: colors.text,
  margin: 0,
  padding: "24px 0",
};

export const container: CSSProperties = {
  backgroundColor: colors.card,
  maxWidth: "560px",
  margin: "0 auto",
  borderRadius: "8px",
  overflow: "hidden",
  border: `1px solid ${colors.border}`,
};

export const header: CSSProperties = { padding: "20px 32px 0" };
export const orgName: CSSProperties = { fontSize: "15px", fontWeight: 600, margin: 0, lineHeight: "32px" };
export const logo: CSSProperties = { display: "inline-block", height: "32px", width: "auto", marginRight: "10px" };
export const content: CSSProperties = { padding: "8px 32px 24px" };
export const footer: CSSProperties = { padding: "0 32px 24px" };

export const title: CSSProperties = { fontSize: "22px", lineHeight: "30px", fontWeight: 700, margin: "16px 0 8px" };
export const sectionTitle: CSSProperties = { fontSize: "16px", lineHeight: "24px", fontWeight: 600, margin: "24px 0 4px" };
export const paragraph: CSSProperties = { fontSize: "15px", lineHeight: "24px", margin: "12px 0" };
export const small: CSSProperties = { fontSize: "13px", lineHeight: "20px", margin: "8px 0", color: colors.muted };
export const list: CSSProperties = { paddingLeft: "20px", margin: "8px 0 12px" };
export const listItem: CSSProperties = { fontSize: "15px", lineHeight: "24px", margin: "4px 0" };
export const hr: CSSProperties = { borderColor: colors.border, margin: "24px 0 16px" };
/** Long links (a sign-in address written out) wrap instead of widening the email past a phone's screen. */
export const link: CSSProperties = { textDecoration: "underline", overflowWrap: "anywhere", wordBreak: "break-word" };

export const callout: CSSProperties = {
  backgroundColor: colors.subtle,
  borderRadius: "6px",
  padding: "12px 16px",
  margin: "16px 0",
};
export const calloutLabel: CSSProperties = {
  fontSize: "12px",
  lineHeight: "16px",
  fontWeight: 700,
  letterSpacing: "0.04em",
  textTransform: "uppercase",
  margin: "0 0 4px",
};

export const factLabel: CSSProperties = {
  fontSize: "13px",
  lineHeight: "20px",
  color: colors.muted,
  padding: "2px 12px 2px 0",
  verticalAlign: "top",
  whiteSpace: "nowrap",
};
export const factValue: CSSProperties = { fontSize: "15px", lineHeight: "22px", padding: "2px 0", verticalAlign: "top" };

export const draftMeta: CSSProperties = { fontSize: "13px", lineHeight: "20px", margin: "0", color: colors.muted };
export const draftBody: CSSProperties = {
  backgroundColor: colors.subtle,
  border: `1px solid ${colors.border}`,
  borderRadius: "6px",
  padding: "16px 20px",
  margin: "8px 0 12px",
};
export const draftParagraph: CSSProperties = {
  fontSize: "15px",
  lineHeight: "24px",
  margin: "0 0 12px",
  // Keeps runs of spaces the client typed; line breaks are rendered as <br>.
  whiteSpace: "pre-wrap",
};

export const card: CSSProperties = {
  border: `1px solid ${colors.border}`,
  borderRadius: "6px",
  padding: "12px 16px",
  margin: "12px 0",
};
