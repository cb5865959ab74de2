import { describe, expect, it } from "vitest";
import { connectServer, directDatabaseUrl, poolModeFromEnv } from "../../../db";

const pooled = "postgres://app@pooler.example:6432/followthrough";
const direct = "postgres://app@db.example:5432/followthrough";

/** postgres.js keeps its parsed options on the client; no connection is opened until a query runs. */
const preparesStatements = (poolMode?: "session" | "transaction") => {
  const connection = connectServer(pooled, poolMode ? { poolMode } : {});
  const client = (connection.db as unknown as { $client: { options: { prepare: boolean } } }).$client;
  return client.options.prepare;
};

describe("database pool mode", () => {
  it("prepares statements on a direct connection and never through a transaction-mode pooler", () => {
    expect(preparesStatements()).toBe(true);
    expect(preparesStatements("session")).toBe(true);
    expect(preparesStatements("transaction")).toBe(false);
  });

  it("reads DATABASE_POOL_MODE, defaulting to session for anything else", () => {
    expect(poolModeFromEnv({ DATABASE_POOL_MODE: "transaction" })).toBe("transaction");
    expect(poolModeFromEnv({})).toBe("session");
    expect(poolModeFromEnv({ DATABASE_POOL_MODE: "session" })).toBe("session");
  });

  it("runs migrations on DATABASE_URL_UNPOOLED when set, else on DATABASE_URL", () => {
    expect(directDatabaseUrl({ DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: direct })).toBe(direct);
    expect(directDatabaseUrl({ DATABASE_URL: direct })).toBe(direct);
    expect(directDatabaseUrl({ DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: "" })).toBe(pooled);
    expect(directDatabaseUrl({})).toBeUndefined();
  });
});
