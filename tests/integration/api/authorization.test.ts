import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../../server/trpc/root";
import { createWorld, fingerprint, ROLES } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { matrix } from "./matrix";

async function outcomeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("authorization matrix", () => {
  const test = useTestDatabase();

  it("covers every procedure of the app router", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(0);
    expect(procedures.filter((path) => !(path in matrix))).toEqual([]);
  });

  describe.each(Object.entries(matrix))("%s", (_path, entry) => {
    it.each(ROLES)("as %s", async (role) => {
      const world = await createWorld(test.db);
      const expected = entry.expect[role];
      const before = await fingerprint(test.db);
      const outcome = await outcomeOf(entry.call(world.as(role), world));
      expect(outcome).toBe(expected);
      if (expected !== "ok") {
        // A refused call leaves the database exactly as it was.
        expect(await fingerprint(test.db)).toBe(before);
      }
    });
  });
});
