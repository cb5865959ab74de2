import { afterAll, describe, expect, it } from "vitest";
import { emailNames, renderEmail, renderEmailHere, templates, type EmailName } from "../../../emails";
import { startRenderWorkers, type RenderWorkers } from "../../../scripts/lib/render-pool";

/** The benchmark's render threads produce exactly what the main thread does. */
describe("rendering on worker threads", () => {
  let workers: RenderWorkers | undefined;
  afterAll(async () => workers?.stop());

  it("renders every email exactly as on the main thread, and gives rendering back when stopped", async () => {
    const names = emailNames as readonly EmailName[];
    const props = (name: EmailName) => templates[name].PreviewProps as never;
    const here = await Promise.all(names.map((name) => renderEmailHere(name, props(name))));

    workers = startRenderWorkers(2);
    const threaded = await Promise.all(names.map((name) => renderEmail(name, props(name))));
    expect(threaded).toEqual(here);
    expect(workers.rendered()).toBe(names.length);

    await workers.stop();
    workers = undefined;
    expect(await renderEmail(names[0]!, props(names[0]!))).toEqual(here[0]);
  });
});
