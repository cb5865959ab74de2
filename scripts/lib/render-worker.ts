import { parentPort } from "node:worker_threads";
import { renderEmailHere, type EmailName, type EmailPropsMap } from "../../emails";

/** One render thread of the benchmark's pool (render-pool.ts): renders what it is sent, in order. */

export type RenderRequest = { id: number; name: EmailName; props: EmailPropsMap[EmailName] };
export type RenderReply =
  | { id: number; ok: true; email: { subject: string; html: string; text: string } }
  | { id: number; ok: false; error: string };

parentPort?.on("message", (request: RenderRequest) => {
  renderEmailHere(request.name, request.props).then(
    (email) => parentPort!.postMessage({ id: request.id, ok: true, email } satisfies RenderReply),
    (error: unknown) =>
      parentPort!.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies RenderReply),
  );
});
