import { captureFromText, captureFromUrl, ZCaptureFromTextInput, ZCaptureFromUrlInput } from "../../services/capture/capture";
import { clientSelfProcedure, router } from "../init";

/**
 * Reading a job posting into the new-application form. Only the client adds applications, so only
 * the client may make the server fetch a page for them; nothing is written here.
 */
export const captureRouter = router({
  // Mutations: fetching a page on someone's behalf is an action, and pasted text can be long.
  fromUrl: clientSelfProcedure.input(ZCaptureFromUrlInput).mutation(({ input }) => captureFromUrl(input)),
  fromText: clientSelfProcedure.input(ZCaptureFromTextInput).mutation(({ input }) => captureFromText(input)),
});
