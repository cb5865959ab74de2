import pino, { type Logger } from "pino";

export type { Logger };

/**
 * The one logger: JSON lines in production (one object per event, with the request id and the
 * organisation id where there is one), readable lines in development. Fields that can carry a
 * secret or a person's words are redacted wherever they appear: cookies and authorization headers,
 * tokens, email bodies. Log ids and counts, never the content itself.
 */
const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  "headers.cookie",
  "headers.authorization",
  "*.token",
  "*.sessionToken",
  "*.html",
  "*.text",
  "*.body",
  "*.password",
  "*.secret",
];

function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
  const options = {
    level,
    base: { service: "followthrough" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.err },
  };
  if (process.env.NODE_ENV === "development" && process.env.LOG_FORMAT !== "json") {
    try {
      // In process (not a worker-thread transport, which a bundled server cannot locate).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pretty = require("pino-pretty") as (options: object) => NodeJS.WritableStream;
      return pino(options, pretty({ colorize: true, ignore: "pid,hostname,service", translateTime: "SYS:HH:MM:ss" }));
    } catch {
      // pino-pretty is a development dependency: without it, plain JSON.
    }
  }
  return pino(options);
}

const globalForLog = globalThis as unknown as { followthroughLogger?: Logger };
export const log: Logger = (globalForLog.followthroughLogger ??= createLogger());

/**
 * The console-shaped logger that long-running parts (the delivery schedule, shutdown) take, so
 * they can run with `console` in scripts and tests and with the structured logger in the app.
 * An error argument becomes pino's `err` field (with its stack) instead of being lost.
 */
export function consoleLike(component: string): Pick<Console, "info" | "error"> {
  const child = log.child({ component });
  const split = (args: unknown[]) => {
    const err = args.find((arg) => arg instanceof Error);
    const text = args.filter((arg) => arg !== err).map(String).join(" ");
    return { err, text };
  };
  return {
    info: (...args: unknown[]) => child.info(split(args).text),
    error: (...args: unknown[]) => {
      const { err, text } = split(args);
      child.error(err ? { err } : {}, text);
    },
  };
}
