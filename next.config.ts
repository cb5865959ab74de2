import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time, and
  // postgres.js opens raw sockets: both must stay plain Node packages, not bundled. pino loads
  // its pieces (and pino-pretty, in development) at run time too.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "pino-pretty"],
  poweredByHeader: false,
};

export default config;
