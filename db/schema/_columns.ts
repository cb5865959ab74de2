import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key shared by every table: random UUIDs, so ids never reveal counts or order. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/** `timestamptz` everywhere: instants are stored in UTC and shown in a person's own zone. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => instant("created_at").notNull().defaultNow();
export const updatedAt = () =>
  instant("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Used in check constraints that need "now" without repeating the SQL. */
export const now = sql`now()`;
