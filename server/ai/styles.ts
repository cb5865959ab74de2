/** The rewrite buttons a draft offers; kept apart from the model code so forms can import it. */
export const REWRITE_STYLES = ["rewrite", "shorter", "warmer", "formal"] as const;
export type RewriteStyle = (typeof REWRITE_STYLES)[number];
