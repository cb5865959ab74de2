import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          // One migrated template database for the run; each file gets a fresh copy of it.
          globalSetup: [path.join(root, "tests/helpers/global-setup.ts")],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
