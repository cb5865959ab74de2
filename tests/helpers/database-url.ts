/** The same server URL pointed at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A URL for administrative statements (create/drop database) on the same server. */
export const adminUrl = (url: string) => withDatabase(url, "postgres");
