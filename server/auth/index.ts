import NextAuth from "next-auth";
import { getDb } from "@/db";
import { buildAuthConfig } from "./config";

// A lazy config: the database is opened on the first request, not when the build imports this.
export const { handlers, auth, signIn, signOut } = NextAuth(() => buildAuthConfig(getDb()));

/** The signed-in person, or null. */
export async function currentSession(): Promise<{ userId: string; email: string; name: string | null } | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id || !user.email) return null;
  return { userId: user.id, email: user.email, name: user.name ?? null };
}
