import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../../db";
import { log } from "../../../server/log";
import { appRouter } from "../../../server/trpc/root";

/** A database whose every query fails the way drizzle reports a refused statement: SQL and parameters in the message. */
const failingDb = new Proxy({} as Database, {
  get() {
    throw new Error('Failed query: insert into "contacts" ("org_id", "name") values ($1, $2)\nparams: 6b1d-secret-org, a\u0000b');
  },
});

async function call(path: string, requestId = "req-0123456789abcdef") {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`),
    router: appRouter,
    createContext: async () => ({ db: failingDb, session: { userId: "u1", email: "u1@test.example" }, ip: null, requestId }),
  });
  return { status: response.status, body: await response.text() };
}

describe("unexpected errors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reach the client as a generic message with the request id, never the SQL or its parameters", async () => {
    const { status, body } = await call("me.get");
    expect(status).toBe(500);
    expect(body).not.toContain("Failed query");
    expect(body).not.toContain("secret-org");
    expect(body).not.toContain("contacts");
    expect(body).toContain("req-0123456789abcdef");
    expect(JSON.parse(body)).toMatchObject({
      error: { json: { message: expect.stringContaining("reference req-0123456789abcdef"), data: { requestId: "req-0123456789abcdef" } } },
    });
  });

  it("are logged on the server with the request id and the stack", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    await call("me.get", "req-logged-0000000001");
    expect(logged).toHaveBeenCalledTimes(1);
    const [fields, message] = logged.mock.calls[0] as unknown as [{ requestId: string; path: string; err: Error }, string];
    expect(message).toMatch(/unexpectedly/);
    expect(fields.requestId).toBe("req-logged-0000000001");
    expect(fields.path).toBe("me.get");
    expect(fields.err.stack).toContain("Failed query");
  });
});
