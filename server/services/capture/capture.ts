import { z } from "zod";
import { env } from "../../env";
import { extractFromText, extractPosting, type CapturedPosting } from "./extract";
import { fetchPage, type FetchOptions } from "./fetch-page";
import { pageDataFromHtml } from "./page-data";

/** Filling the new-application form from a posting: a link the server reads, or pasted text. */

export const ZCaptureFromUrlInput = z.object({
  url: z.string().trim().min(1, "Paste the link to the job posting.").max(2000, "Use at most 2,000 characters."),
});
export type TCaptureFromUrlInput = z.infer<typeof ZCaptureFromUrlInput>;

export const ZCaptureFromTextInput = z.object({
  text: z.string().trim().min(20, "Paste the whole posting: title, company and description.").max(100_000, "Use at most 100,000 characters."),
});
export type TCaptureFromTextInput = z.infer<typeof ZCaptureFromTextInput>;

/** Test servers the fetch may reach although they are local: a test-only setting, empty otherwise. */
export function captureFetchOptions(): FetchOptions {
  const hosts = env().CAPTURE_FETCH_ALLOW_HOSTS;
  return { allowHosts: hosts ? hosts.split(",").map((h) => h.replace(/^\[(.*)\](:\d+)$/, "$1$2")) : [] };
}

export async function captureFromUrl(input: TCaptureFromUrlInput, options: FetchOptions = captureFetchOptions()): Promise<CapturedPosting> {
  const page = await fetchPage(/^[a-z][a-z0-9+.-]*:/i.test(input.url) ? input.url : `https://${input.url}`, options);
  return extractPosting(pageDataFromHtml(page.html, page.url));
}

export function captureFromText(input: TCaptureFromTextInput): CapturedPosting {
  return extractFromText(input.text);
}
