import { getDb } from "@/db";
import { currentSession } from "../auth";
import { clientIp } from "../auth/client-ip";
import { requestIdFrom } from "../http/request-headers";
import type { Context } from "./init";

/** The context of one API request or server render: the database, who is asking, and the request's id. */
export async function createContext(headers: Headers): Promise<Context> {
  const session = await currentSession();
  return {
    db: getDb(),
    session: session && { userId: session.userId, email: session.email },
    ip: clientIp(headers),
    requestId: requestIdFrom(headers),
  };
}
