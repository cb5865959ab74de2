/** Small text helpers for the sentences of emails: counts, lists of names, one-line subjects. */

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Priya", "Priya and Sam", "Priya, Sam and Lee" */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Subjects and the preheader are single-line text: collapse whitespace, keep them short. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** "10 days", "3 months": rough on purpose, for sentences like "we'll remind you in …". */
export function formatDuration(days: number): string {
  if (days >= 60) return plural(Math.round(days / 30), "month");
  if (days >= 14 && days % 7 === 0) return plural(days / 7, "week");
  return plural(days, "day");
}
