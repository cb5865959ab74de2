import { openMigrationConnection } from "../db";
import { runMigrations } from "../db/migrate";

const connection = openMigrationConnection();
await runMigrations(connection);
console.log(`Migrations applied (${connection.mode} database).`);
await connection.close();
