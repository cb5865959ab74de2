import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { schema, type Database } from "../db";
import { refreshClientMetrics } from "../server/services/coach/metrics";
const client = postgres(process.env.BENCH_URL!, { max: 1, onnotice: () => {} });
const db = drizzle({ client, schema }) as unknown as Database;
const [{ id }] = (await client`select bench_id('org1')::text as id`) as unknown as [{ id: string }];
const times: number[] = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit','off',true)`);
    await refreshClientMetrics(tx, { orgId: id, visible: sql`true` });
  });
  times.push(Math.round(performance.now() - t));
}
console.log(times.join(" "));
await client.end();
