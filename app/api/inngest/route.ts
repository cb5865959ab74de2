import { serve } from "inngest/next";
import { inngest } from "@/server/inngest/client";
import { functions } from "@/server/inngest/functions";
import { inngestConfigured } from "@/server/inngest/mode";

const served = serve({ client: inngest, functions });

/**
 * Inngest calls this endpoint to run the functions. Without Inngest configured (the in-process
 * schedule delivers reminders instead) there is nothing here: 404, not the SDK's 500 about a
 * missing signing key on every hit.
 */
const notInUse = () => new Response("Not found", { status: 404 });
type Handler = (typeof served)["GET"];
const whenConfigured =
  (handler: Handler): Handler =>
  (...args) =>
    inngestConfigured() ? handler(...args) : Promise.resolve(notInUse());

export const GET = whenConfigured(served.GET);
export const POST = whenConfigured(served.POST);
export const PUT = whenConfigured(served.PUT);
