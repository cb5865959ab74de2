import { getConnection } from "../db";
import { runMigrations } from "../db/migrate";

const connection = getConnection();
await runMigrations(connection);
console.log(`Migrations applied (${connection.mode} database).`);
await connection.close();
