import { Facts } from "./blocks";
import { formatLongDateTime } from "@/lib/dates";
import type { Instant } from "./types";

/** A promise the client made, as both commitment reminders describe it. */
export type CommitmentRef = {
  /** What was promised, in the client's words ("Send two references"). */
  description: string;
  dueAt: Instant;
  /** The recipient's time zone. */
  timeZone: string;
  /** Who it was promised to, when known. */
  promisedTo: string | null;
  companyName: string | null;
};

export function promisedToLabel(c: CommitmentRef): string | null {
  if (c.promisedTo && c.companyName) return `${c.promisedTo} at ${c.companyName}`;
  return c.promisedTo ?? c.companyName;
}

export function CommitmentFacts({ commitment }: { commitment: CommitmentRef }) {
  const to = promisedToLabel(commitment);
  const rows: Array<readonly [string, string]> = [["What", commitment.description]];
  if (to) rows.push(["For", to]);
  rows.push(["Due", formatLongDateTime(commitment.dueAt, commitment.timeZone)]);
  return <Facts rows={rows} />;
}
