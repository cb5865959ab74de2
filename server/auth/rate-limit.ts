import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { signInAttempts } from "@/db/schema";
import { env } from "../env";

/** At most this many sign-in emails per window, per address and per IP. */
export const SIGN_IN_LIMITS = {
  /** 3 unless SIGN_IN_MAX_PER_ADDRESS says otherwise. */
  get perEmail() {
    return env().SIGN_IN_MAX_PER_ADDRESS;
  },
  windowMinutes: 15,
  /** 10 unless SIGN_IN_MAX_PER_IP says otherwise. */
  get perIp() {
    return env().SIGN_IN_MAX_PER_IP;
  },
};

type Attempt = { email: string; ip: string | null; now?: Date };

const windowStart = (now: Date) => new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);

/** Read-only: would another sign-in email be allowed now? */
export async function signInAllowed(db: Database, { email, ip, now = new Date() }: Attempt): Promise<boolean> {
  const since = windowStart(now);
  const [byEmail] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email.toLowerCase()), gt(signInAttempts.createdAt, since)));
  if ((byEmail?.n ?? 0) >= SIGN_IN_LIMITS.perEmail) return false;
  if (!ip) return true;
  const [byIp] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), gt(signInAttempts.createdAt, since)));
  return (byIp?.n ?? 0) < SIGN_IN_LIMITS.perIp;
}

/**
 * Checks and records one sign-in email in a transaction. Applied to every address alike, known
 * or not, so the limit itself reveals nothing about who has an account.
 */
export async function consumeSignInAllowance(db: Database, attempt: Attempt): Promise<boolean> {
  const now = attempt.now ?? new Date();
  return db.transaction(async (tx) => {
    // Serialise attempts for one address so two parallel requests cannot both take the last slot.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${attempt.email.toLowerCase()}`}))`);
    const allowed = await signInAllowed(tx as unknown as Database, { ...attempt, now });
    if (allowed) {
      await tx.insert(signInAttempts).values({ email: attempt.email.toLowerCase(), ip: attempt.ip, createdAt: now });
    }
    // Old attempts are only needed for the window; prune them as we go.
    await tx.delete(signInAttempts).where(lt(signInAttempts.createdAt, new Date(now.getTime() - 24 * 3600_000)));
    return allowed;
  });
}
