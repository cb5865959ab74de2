"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { extractPosting, type CapturedPosting, type PageData } from "@/server/services/capture/extract";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { errorAt, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, Card, Field, Notice, TextArea } from "../../../_components/ui";
import { BOOKMARKLET_MESSAGES } from "../capture/bookmarklet";

/** The link or the text; the server checks the rest (a public web address, a length it can read) and says so on the field. */
const ZFromUrlForm = z.object({ url: z.string().trim().min(1, "Paste the posting's link.") });
const ZFromTextForm = z.object({ text: z.string().trim().min(1, "Paste the posting's text.") });

/**
 * Three ways to fill the form from a posting: the bookmarklet (the page was read in the browser
 * and posted here), a link the server reads, or the posting's text pasted in.
 */
export function CapturePanel({ orgSlug, bookmarklet, initialUrl, onCaptured }: { orgSlug: string; bookmarklet: boolean; initialUrl: string; onCaptured: (posting: CapturedPosting) => void }) {
  const trpc = useTRPC();
  const urlForm = useZodForm(ZFromUrlForm, { defaultValues: { url: initialUrl } });
  const textForm = useZodForm(ZFromTextForm, { defaultValues: { text: "" } });
  const url = useWatch({ control: urlForm.control, name: "url" });
  const text = useWatch({ control: textForm.control, name: "text" });
  const [waiting, setWaiting] = useState(bookmarklet);
  const fromUrl = useMutation(trpc.capture.fromUrl.mutationOptions({ onSuccess: onCaptured }));
  const fromText = useMutation(trpc.capture.fromText.mutationOptions({ onSuccess: onCaptured }));
  // An error naming no field (the page could not be read) is still about what was pasted: it shows on the field.
  const urlMessage = useServerErrors(urlForm, fromUrl.error);
  const textMessage = useServerErrors(textForm, fromText.error);

  useBookmarkletPosting(bookmarklet, (page) => {
    setWaiting(false);
    onCaptured(extractPosting(page));
  });
  useEffect(() => {
    if (!waiting) return;
    // The page that opened us may have been closed or blocked the message: stop saying we wait.
    const timer = setTimeout(() => setWaiting(false), 5_000);
    return () => clearTimeout(timer);
  }, [waiting]);

  return (
    <Card title="Fill in from a job posting">
      <div className="space-y-4">
        {waiting ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            Reading the posting from the page you were on…
          </p>
        ) : null}
        <Form form={urlForm} className="flex flex-col gap-2 sm:flex-row sm:items-end" onSubmit={(values) => fromUrl.mutate({ orgSlug, ...values })}>
          <div className="flex-1">
            <Field label="Paste a link to the posting" type="url" inputMode="url" placeholder="https://" {...urlForm.register("url")} error={errorAt(urlForm.formState.errors, "url") ?? urlMessage ?? undefined} />
          </div>
          <Button type="submit" variant="secondary" disabled={url.trim() === "" || fromUrl.isPending}>
            {fromUrl.isPending ? "Reading…" : "Read the posting"}
          </Button>
        </Form>
        <details>
          <summary className="cursor-pointer text-sm font-medium">Or paste the posting&rsquo;s text</summary>
          <Form form={textForm} className="mt-3 space-y-2" onSubmit={(values) => fromText.mutate({ orgSlug, ...values })}>
            <TextArea
              label="Posting text"
              rows={6}
              {...textForm.register("text")}
              error={errorAt(textForm.formState.errors, "text") ?? textMessage ?? undefined}
              hint="Copy everything from the job page: title, company, location, salary and description."
            />
            <Button type="submit" variant="secondary" disabled={text.trim() === "" || fromText.isPending}>
              {fromText.isPending ? "Reading…" : "Fill in from the text"}
            </Button>
          </Form>
        </details>
        <Notice>
          Save postings in one click from any job site with the{" "}
          <Link href={`/${orgSlug}/applications/capture`} className="font-medium underline">
            &ldquo;Save to Followthrough&rdquo; button for your bookmarks bar
          </Link>
          .
        </Notice>
      </div>
    </Card>
  );
}

/**
 * The bookmarklet opened this page: say we are ready to the page that opened us, and take the
 * page data it sends back. Only messages from that very window count; the data only fills a form
 * the person checks before saving.
 */
function useBookmarkletPosting(enabled: boolean, onPage: (page: PageData) => void) {
  const latest = useRef(onPage);
  useEffect(() => {
    latest.current = onPage;
  });
  useEffect(() => {
    if (!enabled || !window.opener) return;
    const opener = window.opener as Window;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== opener) return;
      const data = event.data as { type?: string; page?: unknown };
      if (data?.type !== BOOKMARKLET_MESSAGES.posting || !isPageData(data.page)) return;
      window.removeEventListener("message", onMessage);
      latest.current(data.page);
    };
    window.addEventListener("message", onMessage);
    opener.postMessage({ type: BOOKMARKLET_MESSAGES.ready }, "*");
    return () => window.removeEventListener("message", onMessage);
  }, [enabled]);
}

function isPageData(value: unknown): value is PageData {
  const page = value as PageData;
  return (
    typeof page === "object" &&
    page !== null &&
    typeof page.url === "string" &&
    typeof page.title === "string" &&
    Array.isArray(page.jsonLd) &&
    page.jsonLd.every((s) => typeof s === "string") &&
    typeof page.meta === "object" &&
    Array.isArray(page.microdata)
  );
}
