import { defineConfig } from "drizzle-kit";

// Generation needs no database; `npm run db:migrate` applies the SQL in both database modes.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
