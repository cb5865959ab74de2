import { Inngest } from "inngest";

/**
 * The app's Inngest client. The SDK reads its own configuration from the environment
 * (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_DEV); v4 defaults to cloud mode, so local
 * development sets INNGEST_DEV=1. The id is stable: renaming it orphans every function.
 */
export const inngest = new Inngest({ id: "followthrough" });
