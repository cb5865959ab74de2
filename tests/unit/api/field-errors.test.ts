import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { Database } from "../../../db";
import { appRouter } from "../../../server/trpc/root";

/** Any query fails: the refusals below must come before the database is reached. */
const unreachableDb = new Proxy({} as Database, {
  get() {
    throw new Error("the database was reached");
  },
});

async function mutate(path: string, input: unknown) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: appRouter,
    createContext: async () => ({ db: unreachableDb, session: { userId: "u1", email: "u1@test.example" }, ip: null, requestId: "req-1" }),
  });
  return { status: response.status, error: (JSON.parse(await response.text()) as { error: { json: { data: Record<string, unknown> } } }).error.json };
}

describe("field errors in the API's answer", () => {
  it("name the full path of a nested field the database could not store, so a form puts it on that input", async () => {
    const { status, error } = await mutate("interview.debrief", {
      orgSlug: "acme",
      interviewId: "00000000-0000-4000-8000-000000000001",
      promises: [{ description: "fine" }, { description: "bad \u0000 byte" }],
    });
    expect(status).toBe(400);
    expect(error.data.fieldErrors).toEqual({ "promises.1.description": expect.any(String) });
    expect(error.data.zodError).toMatchObject({ fieldErrors: { promises: [expect.any(String)] } });
  });
});
