import { desc, eq, ilike } from "drizzle-orm";
import type { Database } from "@/db";
import { outboxEmails } from "@/db/schema";

/**
 * The local outbox, across every organisation: a development tool only, never reachable where
 * `devOutboxEnabled()` is false. Hence `unsafe`.
 */
export async function unsafeListOutbox(db: Database, options: { to?: string; limit?: number } = {}) {
  return db
    .select({ id: outboxEmails.id, to: outboxEmails.to, subject: outboxEmails.subject, createdAt: outboxEmails.createdAt, tags: outboxEmails.tags })
    .from(outboxEmails)
    .where(options.to ? ilike(outboxEmails.to, `%${options.to.replace(/[%_\\]/g, "\\$&")}%`) : undefined)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(options.limit ?? 100);
}

export async function unsafeGetOutboxEmail(db: Database, id: string) {
  const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  return email;
}
