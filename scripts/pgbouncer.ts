/**
 * Starts PgBouncer in transaction mode as a daemon in front of a PostgreSQL server on this
 * machine, for CI and local checks that the app works through a pooler:
 *
 *   npx tsx scripts/pgbouncer.ts --port 6432 --target-port 5432 --dir /tmp/pgbouncer
 *
 * then point DATABASE_URL at postgres://postgres@127.0.0.1:6432/<db> with
 * DATABASE_POOL_MODE=transaction (and DATABASE_URL_UNPOOLED at the server itself).
 * Stop it with `kill $(cat <dir>/pgbouncer.pid)`.
 */
import { parseArgs } from "node:util";
import { startPgBouncer } from "./lib/local-servers";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "6432" },
    "target-port": { type: "string", default: "5432" },
    dir: { type: "string", default: "/tmp/followthrough-pgbouncer" },
  },
});

const pooler = startPgBouncer(values.dir, { port: Number(values.port), targetPort: Number(values["target-port"]) });
console.log(`PgBouncer (transaction mode) at ${pooler.url}, pid file ${values.dir}/pgbouncer.pid`);
