import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time, and
  // postgres.js opens raw sockets: both must stay plain Node packages, not bundled. pino loads
  // its pieces (and pino-pretty, in development) at run time too.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "pino-pretty"],
  poweredByHeader: false,
  // The Dockerfile builds a self-contained server (.next/standalone); `npm start` keeps `next start`,
  // which warns when this is on.
  ...(process.env.NEXT_OUTPUT_STANDALONE === "1" ? { output: "standalone" as const } : {}),
};

export default config;
