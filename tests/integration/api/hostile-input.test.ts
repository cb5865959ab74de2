import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "../../../server/trpc/root";
import { createWorld, fingerprint, ROLES, type Caller, type RoleName, type World } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { matrix } from "./matrix";

/**
 * Every procedure of the app router, called with hostile values in each of its input fields: the
 * characters and dates PostgreSQL refuses, 100 KB strings, wrong types, absurd nesting. Each call
 * must be refused with a typed 4xx error (never INTERNAL_SERVER_ERROR) and leave every row as it
 * was. The fields come from each procedure's own input schemas and the valid base input from the
 * authorization matrix, so a new procedure (or a new field) is covered without writing anything,
 * and a procedure missing from the matrix fails here too.
 */

type Kind = "string" | "isoDate" | "longText" | "date" | "number" | "boolean" | "other";
type Field = { path: Array<string | number>; kind: Kind };

type Check = { _zod: { def: { check: string; maximum?: number; format?: string; pattern?: RegExp } } };

/** A plain string, a YYYY-MM-DD date (by its pattern), or a text allowed to be 100 KB long (a CSV file). */
function stringKind(checks: Check[] = []): Kind {
  const defs = checks.map((check) => check._zod.def);
  if (defs.some((def) => def.format === "regex" && def.pattern?.source.includes("\\d{4}-\\d{2}-\\d{2}"))) return "isoDate";
  if (defs.some((def) => def.check === "max_length" && (def.maximum ?? 0) >= 100_000)) return "longText";
  return "string";
}

/** The leaf fields of a zod 4 schema, looking through optional/default/transform wrappers. */
function fieldsOf(schema: z.ZodType, path: Array<string | number> = []): Field[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) => fieldsOf(child, [...path, key]));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return fieldsOf(inner("innerType"), path);
    case "pipe": {
      const input = inner("in");
      const inputType = (input as unknown as { _zod: { def: { type: string } } })._zod.def.type;
      return fieldsOf(inputType === "transform" ? inner("out") : input, path);
    }
    case "array":
      return fieldsOf(inner("element"), [...path, 0]);
    case "union":
      return (def.options as z.ZodType[]).flatMap((option) => fieldsOf(option, path));
    case "intersection":
      return [...fieldsOf(inner("left"), path), ...fieldsOf(inner("right"), path)];
    case "string":
      return [{ path, kind: stringKind(def.checks as Check[] | undefined) }];
    case "enum":
    case "literal":
    case "template_literal":
      return [{ path, kind: "string" }];
    case "date":
      return [{ path, kind: "date" }];
    case "number":
    case "int":
    case "bigint":
      return [{ path, kind: "number" }];
    case "boolean":
      return [{ path, kind: "boolean" }];
    default:
      return [{ path, kind: "other" }];
  }
}

function uniqueFields(schemas: z.ZodType[]): Field[] {
  const byPath = new Map<string, Field>();
  for (const field of schemas.flatMap((schema) => fieldsOf(schema))) {
    if (field.path.length === 0) continue;
    const key = JSON.stringify(field.path);
    // A field seen as a string in one option and a date in another is tried with both.
    if (!byPath.has(key)) byPath.set(key, field);
    else if (byPath.get(key)!.kind !== field.kind) byPath.set(`${key}:${field.kind}`, field);
  }
  return [...byPath.values()];
}

const deeplyNested = (depth: number): unknown => (depth === 0 ? "x" : { a: deeplyNested(depth - 1) });

const UNSTORABLE_TEXT = ["a\u0000b", "a\uD800b", "\uDC00"];
const HOSTILE_ISO_DATES = ["9999-12-31", "0000-01-01", "275760-09-13", "2026-02-30", "+010000-01-01"];
const HOSTILE_DATES = [
  new Date(Date.UTC(0, 0, 1) - 1900 * 365.2425 * 86_400_000), // about year 0
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date(Date.UTC(9999, 11, 31, 23)),
  new Date(Number.NaN),
];
const ANY_FIELD: unknown[] = [deeplyNested(200), { $ne: null }, ["a\u0000"], -1e308];

function hostileValuesFor(kind: Kind): unknown[] {
  switch (kind) {
    case "string":
      return [...UNSTORABLE_TEXT, "x".repeat(100_000), 12345, ...ANY_FIELD];
    case "longText":
      return [...UNSTORABLE_TEXT, 12345, ...ANY_FIELD];
    case "isoDate":
      return [...HOSTILE_ISO_DATES, ...UNSTORABLE_TEXT, 12345, ...ANY_FIELD];
    case "date":
      return [...HOSTILE_DATES, "a\u0000b", ...ANY_FIELD];
    case "number":
      return [Number.NaN, Number.POSITIVE_INFINITY, 1e300, -1e300, "12", ...ANY_FIELD];
    case "boolean":
      return ["true", 1, ...ANY_FIELD];
    case "other":
      return ["a\u0000b", 12345, ...ANY_FIELD];
  }
}

/** A copy of `input` with `value` at `path`, making the objects and arrays on the way. */
function withValueAt(input: unknown, path: Array<string | number>, value: unknown): unknown {
  const root: Record<string | number, unknown> = structuredClone((input ?? {}) as Record<string, unknown>);
  let node = root;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    const nextIsIndex = typeof path[index + 1] === "number";
    if (node[key] === null || typeof node[key] !== "object") node[key] = nextIsIndex ? [{}] : {};
    if (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0) (node[key] as unknown[]).push({});
    node = node[key] as Record<string | number, unknown>;
  });
  return root;
}

const ROLE_PREFERENCE: RoleName[] = ["clientSelf", "owner", "assignedCoach", "otherClient", "unassignedCoach", "outsider", "anonymous"];

type Procedure = { _def: { type: string; inputs: z.ZodType[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;

type Outcome = { input: string; code: string };

/**
 * A caller whose every procedure, instead of running once, runs `attack` with the base input the
 * matrix entry passed and a function that calls the real procedure.
 */
function interceptingCaller(real: Caller, attack: (path: string, base: unknown, call: (input: unknown) => Promise<unknown>) => Promise<void>): Caller {
  const at = (segments: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (typeof key === "string" ? at([...segments, key]) : undefined),
      apply: (_target, _this, args: unknown[]) => {
        const procedure = segments.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], real) as (input: unknown) => Promise<unknown>;
        return attack(segments.join("."), args[0], (input) => procedure(input));
      },
    });
  return at([]) as Caller;
}

const describeValue = (value: unknown) => {
  if (value instanceof Date) return `Date(${value.getTime()})`;
  const text = typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}…(${value.length} chars)` : value) : JSON.stringify(value);
  return (text ?? String(value)).slice(0, 80);
};

describe("hostile input", () => {
  const test = useTestDatabase();

  it("has a base call in the authorization matrix for every procedure", () => {
    expect(Object.keys(procedures).filter((path) => !(path in matrix))).toEqual([]);
  });

  let totals = { procedures: 0, fields: 0, calls: 0 };

  describe.each(Object.keys(procedures).sort())("%s", (path) => {
    it("refuses every hostile value with a typed 4xx and changes nothing", async () => {
      const entry = matrix[path]!;
      const role = ROLE_PREFERENCE.find((candidate) => entry.expect[candidate] === "ok") ?? ROLES[1];
      const world: World = await createWorld(test.db);
      const fields = uniqueFields(procedures[path]!._def.inputs);
      const outcomes: Outcome[] = [];
      let attacked = false;

      const attack = async (calledPath: string, base: unknown, call: (input: unknown) => Promise<unknown>) => {
        // A matrix entry may call other procedures first to set up; only the one under test is attacked.
        if (calledPath !== path) return call(base) as Promise<void>;
        attacked = true;
        const variants: Array<{ label: string; input: unknown }> = [
          { label: "whole input nested 200 deep", input: deeplyNested(200) },
          { label: "NUL in an unknown key", input: { ...(base as object), "k\u0000": 1 } },
          ...fields.flatMap((field) =>
            hostileValuesFor(field.kind).map((value) => ({
              label: `${field.path.join(".")} = ${describeValue(value)}`,
              input: withValueAt(base, field.path, value),
            })),
          ),
        ];
        const before = await fingerprint(test.db);
        for (const variant of variants) {
          try {
            await call(variant.input);
            outcomes.push({ input: variant.label, code: "ok" });
          } catch (error) {
            outcomes.push({ input: variant.label, code: error instanceof TRPCError ? error.code : `untyped ${String(error).slice(0, 200)}` });
          }
        }
        // One comparison for all the calls (a digest per call would triple the run time); the
        // calls that answered "ok" above are where to look when this fails.
        if ((await fingerprint(test.db)) !== before) outcomes.push({ input: "(all of them)", code: "changed rows" });
      };

      await entry.call(interceptingCaller(world.as(role), attack), world);
      expect(attacked, `${path}: the matrix entry never called it`).toBe(true);

      const refusedAs4xx = new Set(["BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "CONFLICT", "TOO_MANY_REQUESTS", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_CONTENT"]);
      expect(outcomes.filter((outcome) => !refusedAs4xx.has(outcome.code))).toEqual([]);
      totals = { procedures: totals.procedures + 1, fields: totals.fields + fields.length, calls: totals.calls + outcomes.length };
    });
  });

  it("covered every procedure", () => {
    // Printed for the record: how much this file exercised.
    console.info(`hostile input: ${totals.procedures} procedures, ${totals.fields} fields, ${totals.calls} calls`);
    expect(totals.procedures).toBe(Object.keys(procedures).length);
  });
});
