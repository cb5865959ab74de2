/**
 * Throwaway database servers for scripts that must break them on purpose (the two-instance fault
 * test restarts PostgreSQL) or need a pooler in front of them: a PostgreSQL cluster of its own in
 * a temporary folder, and PgBouncer in transaction mode. Neither touches a server anyone else
 * uses. Both refuse to run as root, so as root they run as the `postgres` system user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const asRoot = process.getuid?.() === 0;

/** Runs a server binary, as `postgres` when we are root (initdb, pg_ctl and pgbouncer refuse root). */
function run(command: string, args: string[], options: { allowFailure?: boolean } = {}): string {
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** A folder the server user can write to. */
export function makeServerFolder(folder: string): void {
  execFileSync("mkdir", ["-p", folder]);
  chmodSync(folder, 0o777);
  if (asRoot) execFileSync("chown", ["postgres:postgres", folder]);
}

/** PostgreSQL's binaries: pg_config's bindir, else the newest Debian version folder. */
function postgresBin(name: string): string {
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0 && existsSync(path.join(pgConfig.stdout.trim(), name))) return path.join(pgConfig.stdout.trim(), name);
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, "bin", name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`PostgreSQL's ${name} was not found (install the postgresql package)`);
}

export type LocalPostgres = {
  /** postgres://postgres@127.0.0.1:<port>/postgres: trust authentication, superuser. */
  url: string;
  port: number;
  /** Restart; `immediate` is a crash (no checkpoint, clients cut off, WAL recovery at start). */
  restart: (mode?: "fast" | "immediate") => void;
  stop: () => void;
};

/** A fresh cluster in `folder`, listening on 127.0.0.1:`port` only, with trust authentication. */
export function startLocalPostgres(folder: string, port: number): LocalPostgres {
  makeServerFolder(folder);
  const data = path.join(folder, "data");
  const pgCtl = postgresBin("pg_ctl");
  run(postgresBin("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  // Sized for two app instances, a pooler and the test's own checks; no fsync: the data is thrown
  // away, and an immediate restart (a crash of the server process, not of the machine) keeps
  // everything the kernel already holds.
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${folder} -c max_connections=120 -c fsync=off`;
  const logFile = path.join(folder, "postgres.log");
  const start = () => run(pgCtl, ["-D", data, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: (mode = "immediate") => {
      run(pgCtl, ["-D", data, "-m", mode, "-w", "stop"]);
      start();
    },
    stop: () => void run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"], { allowFailure: true }),
  };
}

function waitForLog(file: string, ready: RegExp, fatal: RegExp, timeoutMs = 5_000): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = existsSync(file) ? readFileSync(file, "utf8") : "";
    if (fatal.test(text)) throw new Error(`${path.basename(file)} reports a failure:\n${text}`);
    if (ready.test(text)) return;
    if (Date.now() > deadline) throw new Error(`${path.basename(file)} did not report readiness within ${timeoutMs} ms:\n${text}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

export type LocalPgBouncer = {
  /** The pooler's URL for database `postgres` (any database name is routed to the target). */
  url: string;
  stop: () => void;
};

/**
 * PgBouncer (Debian's `pgbouncer` package) in transaction mode in front of 127.0.0.1:`targetPort`:
 * every database name is routed to the same name on the target, the `postgres` user is trusted
 * (CI only), and server connections are shared between transactions, as a managed pooler does.
 */
export function startPgBouncer(folder: string, options: { port: number; targetPort: number; poolSize?: number }): LocalPgBouncer {
  makeServerFolder(folder);
  const config = path.join(folder, "pgbouncer.ini");
  const users = path.join(folder, "users.txt");
  const pidFile = path.join(folder, "pgbouncer.pid");
  const logFile = path.join(folder, "pgbouncer.log");
  writeFileSync(users, '"postgres" ""\n');
  writeFileSync(
    config,
    [
      "[databases]",
      `* = host=127.0.0.1 port=${options.targetPort}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${options.port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${users}`,
      "pool_mode = transaction",
      "max_client_conn = 1000",
      `default_pool_size = ${options.poolSize ?? 20}`,
      // postgres.js sends none of these today; drivers that do would otherwise be refused.
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${logFile}`,
      `pidfile = ${pidFile}`,
      "",
    ].join("\n"),
  );
  run("pgbouncer", ["-d", config]);
  // The daemon detaches before it binds: a busy port shows only in its log.
  waitForLog(logFile, /process up/, /FATAL/);
  return {
    url: `postgres://postgres@127.0.0.1:${options.port}/postgres`,
    stop: () => {
      if (!existsSync(pidFile)) return;
      const pid = Number(readFileSync(pidFile, "utf8").trim());
      if (pid > 0) process.kill(pid, "SIGTERM");
    },
  };
}
