import js from "@eslint/js";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

// Every delete and update through a database handle must carry a WHERE clause: a missing one
// would touch every row of a tenant (or, outside a tenant transaction, of every tenant).
const drizzleHandles = { drizzleObjectName: ["db", "tx", "database"] };

export default tseslint.config(
  {
    ignores: [".next/", "node_modules/", ".data/", "db/migrations/", "next-env.d.ts", "playwright-report/", "test-results/", "bench/.tmp/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", drizzleHandles],
      "drizzle/enforce-update-with-where": ["error", drizzleHandles],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
);
