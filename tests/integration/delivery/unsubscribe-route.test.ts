import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "../../../db/schema";
import { signUnsubscribeToken } from "../../../server/delivery/unsubscribe";
import { createMember, createOrg } from "../../factories";
import { useTestDatabase } from "../../helpers/db";

const test = useTestDatabase();

// The route reads the process-wide database; point it at this file's test database.
vi.mock("@/db", async (original) => {
  const actual = await original<typeof import("../../../db")>();
  return { ...actual, getDb: () => test.db };
});

describe("the unsubscribe link", () => {
  let route: typeof import("../../../app/unsubscribe/[token]/route");
  beforeAll(async () => {
    route = await import("../../../app/unsubscribe/[token]/route");
  });
  afterAll(() => vi.restoreAllMocks());

  const call = (method: "GET" | "POST", token: string) =>
    route[method](new Request(`http://localhost/unsubscribe/${token}`, { method }), { params: Promise.resolve({ token }) });

  it("switches a kind off only on POST, never on the GET a link scanner makes", async () => {
    const org = await createOrg(test.db);
    const { user, membership } = await createMember(test.db, org.id, "client");
    const token = signUnsubscribeToken(membership.id, "check_in");

    const shown = await call("GET", token);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("<form method=\"post\">");
    const [untouched] = await test.db.select().from(s.users).where(eq(s.users.id, user.id));
    expect(untouched!.reminderPreferences).toEqual({});

    expect((await call("POST", token)).status).toBe(200);
    const [after] = await test.db.select().from(s.users).where(eq(s.users.id, user.id));
    expect(after!.reminderPreferences).toEqual({ check_in: false });
  });

  it("answers 404 to a forged token and changes nothing", async () => {
    const org = await createOrg(test.db);
    const { user, membership } = await createMember(test.db, org.id, "client");
    const forged = signUnsubscribeToken(membership.id, "check_in").slice(0, -2) + "xx";
    expect((await call("POST", forged)).status).toBe(404);
    expect((await call("GET", forged)).status).toBe(404);
    const [after] = await test.db.select().from(s.users).where(eq(s.users.id, user.id));
    expect(after!.reminderPreferences).toEqual({});
  });
});
