"use server";

import { randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getDb } from "@/db";
import { sessions } from "@/db/schema";
import { demoPeople } from "@/db/seed";
import { signIn, signOut } from "@/server/auth";
import { clientIp } from "@/server/auth/client-ip";
import { signInAllowed, SIGN_IN_LIMITS } from "@/server/auth/rate-limit";
import { demoSignInEnabled, env } from "@/server/env";
import { ZEmail } from "@/server/services/org/schemas";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { safeCallbackPath } from "@/server/canonical-url";

export type SignInState = { error?: string; email?: string };

export async function requestSignInLink(_previous: SignInState, form: FormData): Promise<SignInState> {
  const raw = String(form.get("email") ?? "");
  const parsed = ZEmail.safeParse(raw);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter a valid email address.", email: raw };
  const email = parsed.data;
  if (!(await signInAllowed(getDb(), { email, ip: clientIp(await headers()) }))) {
    return {
      error: `Too many sign-in emails were requested. Wait ${SIGN_IN_LIMITS.windowMinutes} minutes, then try again.`,
      email: raw,
    };
  }
  try {
    await signIn("email", { email, redirectTo: safeCallbackPath(form.get("callbackUrl")) });
  } catch (error) {
    // signIn ends in a redirect, which Next implements by throwing: only Auth.js errors are ours.
    if (error instanceof AuthError) return { error: "We could not send the email just now. Please try again.", email: raw };
    throw error;
  }
  return {};
}

/**
 * Demo mode only: signs in as one of the seeded people without an email round trip, by creating
 * a database session exactly as Auth.js would after a magic link.
 */
export async function signInAsDemoPerson(form: FormData) {
  const email = String(form.get("email") ?? "");
  if (!demoSignInEnabled() || !demoPeople().some((p) => p.email === email)) redirect("/sign-in");
  const db = getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) redirect("/sign-in");
  const sessionToken = randomBytes(32).toString("hex");
  const expires = addDays(new Date(), 30);
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires });
  const secure = env().APP_URL.startsWith("https://");
  (await cookies()).set(secure ? "__Secure-authjs.session-token" : "authjs.session-token", sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    expires,
  });
  redirect(safeCallbackPath(form.get("callbackUrl")));
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
