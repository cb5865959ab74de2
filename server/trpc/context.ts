import { getDb } from "@/db";
import { currentSession } from "../auth";
import { clientIp } from "../auth/rate-limit";
import type { Context } from "./init";

/** The context of one API request or server render: the database and who is asking. */
export async function createContext(headers: Headers): Promise<Context> {
  const session = await currentSession();
  return { db: getDb(), session: session && { userId: session.userId, email: session.email }, ip: clientIp(headers) };
}
