import { Worker } from "node:worker_threads";
import { renderEmailHere, renderEmailsWith, type EmailName, type EmailPropsMap, type RenderedEmail } from "@/emails";
import type { RenderReply, RenderRequest } from "./render-worker";

type Thread = { worker: Worker; inFlight: Map<number, { resolve: (email: RenderedEmail) => void; reject: (error: Error) => void }>; alive: boolean };

export type RenderWorkers = {
  size: number;
  /** Renders the threads have completed (those that fell back to this thread not counted). */
  rendered: () => number;
  stop: () => Promise<void>;
};

/**
 * Moves email rendering (react-email's render plus the plain-text conversion, a few ms of CPU per
 * email) onto worker threads, so that preparing a batch of 100 uses every core and leaves the
 * event loop to the database and the provider. Installs itself as renderEmail's renderer for the
 * whole process; the output is the same as on the main thread (the worker runs renderEmailHere).
 *
 * Used by the reminder benchmark only (scripts/bench-reminders.ts, `--render-workers`): the
 * worker loads TypeScript sources, which `tsx` provides and a bundler may not. A thread that
 * dies fails its renders (the reminders back off and are retried) and the rest render here.
 */
export function startRenderWorkers(size: number): RenderWorkers {
  const entry = new URL("./render-worker.ts", import.meta.url);
  let rendered = 0;
  const threads: Thread[] = Array.from({ length: size }, () => {
    const thread: Thread = { worker: spawn(entry), inFlight: new Map(), alive: true };
    thread.worker.unref();
    thread.worker.on("message", (reply: RenderReply) => {
      const job = thread.inFlight.get(reply.id);
      thread.inFlight.delete(reply.id);
      if (!job) return;
      if (reply.ok) {
        rendered++;
        job.resolve(reply.email);
      }
      else job.reject(new Error(`render worker: ${reply.error}`));
    });
    const die = (error: Error) => {
      thread.alive = false;
      for (const job of thread.inFlight.values()) job.reject(error);
      thread.inFlight.clear();
    };
    thread.worker.on("error", die);
    thread.worker.on("exit", (code) => die(new Error(`render worker exited with code ${code}`)));
    return thread;
  });

  let nextId = 0;
  const render = <N extends EmailName>(name: N, props: EmailPropsMap[N]): Promise<RenderedEmail> => {
    // The least busy live thread; none left: render here.
    const thread = threads.filter((t) => t.alive).sort((a, b) => a.inFlight.size - b.inFlight.size)[0];
    if (!thread) return renderEmailHere(name, props);
    const id = ++nextId;
    return new Promise<RenderedEmail>((resolve, reject) => {
      thread.inFlight.set(id, { resolve, reject });
      thread.worker.postMessage({ id, name, props } satisfies RenderRequest);
    });
  };
  renderEmailsWith(render);

  return {
    size,
    rendered: () => rendered,
    stop: async () => {
      renderEmailsWith(null);
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}

/**
 * A worker on the TypeScript entry. Under tsx the loader is not inherited by worker threads
 * (Node 20), so the worker registers it before importing the entry; without tsx the spawn fails
 * and the renders stay on this thread.
 */
function spawn(entry: URL): Worker {
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve("tsx/esm/api");
  } catch {
    return new Worker(entry);
  }
  const boot = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true });
}
