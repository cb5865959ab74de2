"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { DRAFT_KIND_LABEL } from "@/lib/vocabulary";
import Link from "next/link";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { ZUpdateDraftInput } from "@/server/services/drafts/schemas";
import { errorAt, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, Card, Field, Notice, TextArea, useConfirm, useToast } from "../../../_components/ui";
import { When } from "../../../_components/when";
import { OpenInMail } from "./open-in-mail";

type RewriteInput = { style: "rewrite" | "shorter" | "warmer" | "formal" } | { commentId: string };

const REWRITE_BUTTONS = [
  ["rewrite", "Rewrite"],
  ["shorter", "Make it shorter"],
  ["warmer", "Warmer"],
  ["formal", "More formal"],
] as const;

/** "Maya Chen" → "Maya"; an address stays as it is. */
const firstNameOf = (name: string | null, email: string) => (name ? name.split(" ")[0]! : email);
type Props = { orgSlug: string; clientId?: string; draftId: string; canEdit: boolean; viewerTimeZone: string };

/** The subject and the message, checked as the API checks them. */
const ZDraftForm = ZUpdateDraftInput.pick({ subject: true, body: true }).required();

export function DraftEditor({ orgSlug, clientId, draftId, canEdit, viewerTimeZone }: Props) {
  const trpc = useTRPC();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.draft.byId.queryOptions({ orgSlug, clientId, draftId }));
  const { draft, contact, application, companyName, interview, comments, rewriting } = data;
  const form = useZodForm(ZDraftForm, { defaultValues: { subject: draft.subject, body: draft.body } });
  const [subject, body] = useWatch({ control: form.control, name: ["subject", "body"] });
  const { errors, isDirty: dirty } = form.formState;
  const [handwritten, setHandwritten] = useState(false);
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  const [rewriteNotice, setRewriteNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const editable = canEdit && draft.status === "draft";

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.draft.byId.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.draft.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.interview.byId.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.application.byId.queryKey() }),
    ]);
  const toast = useToast();
  const save = useMutation(
    trpc.draft.update.mutationOptions({
      onSuccess: async (saved) => {
        // The server trims the subject: show exactly what was stored, and count it as unchanged.
        form.reset({ subject: saved.subject, body: saved.body });
        toast("Draft saved.");
        await refresh();
      },
    }),
  );
  const markSent = useMutation(trpc.draft.markSent.mutationOptions({ onSuccess: refresh }));
  const rewrite = useMutation(trpc.draft.rewrite.mutationOptions());
  const canRewrite = editable && rewriting.available;
  const discard = useMutation(trpc.draft.discard.mutationOptions({ onSuccess: refresh }));
  const message = useServerErrors(form, save.error ?? markSent.error ?? discard.error ?? rewrite.error);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${subject}\n\n${body}`);
      setCopied("done");
    } catch {
      setCopied("failed");
    }
  }

  async function rewriteWith(input: RewriteInput) {
    setRewriteNotice(null);
    // The model rewrites what is stored: unsaved edits are saved first so none is lost.
    try {
      if (dirty) await save.mutateAsync({ orgSlug, draftId: draft.id, ...form.getValues() });
      const result = await rewrite.mutateAsync({ orgSlug, draftId: draft.id, ...input });
      if (result.outcome === "rewritten") {
        form.reset({ subject: form.getValues("subject"), body: result.draft.body });
        setRewriteNotice({ tone: "success", text: "Rewritten. Read it through before you send it." });
        await refresh();
      } else {
        setRewriteNotice({ tone: "error", text: result.message });
      }
    } catch {
      // The error is shown with the form's other errors.
    }
  }

  async function send() {
    // Unsaved edits are saved first, so what is recorded as sent is what the client sent.
    if (dirty) {
      try {
        await save.mutateAsync({ orgSlug, draftId: draft.id, ...form.getValues() });
      } catch {
        return; // The save error is shown next to its field.
      }
    }
    markSent.mutate({ orgSlug, draftId: draft.id, handwritten: draft.kind === "thank_you" && handwritten });
  }

  const clientQuery = clientId ? `?clientId=${encodeURIComponent(clientId)}` : "";
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${orgSlug}/drafts${clientQuery}`} className="text-brand hover:underline">
          ← All drafts
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">
          {DRAFT_KIND_LABEL[draft.kind]}
          {contact ? ` to ${contact.name}` : ""}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {application ? `${application.roleTitle} at ${companyName}` : null}
          {interview ? (
            <>
              {" · "}
              <Link href={`/${orgSlug}/interviews/${interview.id}${clientQuery}`} className="text-brand underline underline-offset-2">
                the interview on <When date={interview.startsAt} timeZone={viewerTimeZone} dateOnly />
              </Link>
            </>
          ) : null}
        </p>
      </header>

      {draft.status === "sent" ? (
        <Notice tone="success">
          Marked as sent{draft.handwritten ? " (written by hand)" : ""}
          {draft.sentAt ? (
            <>
              {" "}
              on <When date={draft.sentAt} timeZone={viewerTimeZone} />
            </>
          ) : null}
          .
        </Notice>
      ) : null}
      {draft.status === "discarded" ? <Notice>This draft was discarded. It is kept here for reference.</Notice> : null}
      {!canEdit ? <Notice>You are viewing this draft read-only: only the client edits and sends it.</Notice> : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <Form form={form} onSubmit={(values) => save.mutate({ orgSlug, draftId: draft.id, ...values })} className="min-w-0 space-y-4 lg:col-span-2">
          <Card>
            <div className="space-y-3">
              {contact?.email ? <p className="text-sm text-slate-600">To: {contact.email}</p> : null}
              <Field label="Subject" maxLength={300} readOnly={!editable} {...form.register("subject")} error={errorAt(errors, "subject")} />
              <TextArea label="Message" rows={16} maxLength={20_000} readOnly={!editable} {...form.register("body")} error={errorAt(errors, "body")} />
              <p className="text-xs text-slate-500" aria-live="polite">
                {body.length.toLocaleString("en-GB")} of 20,000 characters
              </p>
            </div>
          </Card>
          {message ? <Notice tone="error">{message}</Notice> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={copy}>
              Copy to clipboard
            </Button>
            {editable ? (
              <Button type="submit" variant="secondary" disabled={!dirty || save.isPending}>
                {save.isPending ? "Saving…" : "Save changes"}
              </Button>
            ) : null}
          </div>
          <p className="text-sm text-slate-600" aria-live="polite">
            {copied === "done" ? "Copied. Paste it into your email." : copied === "failed" ? "Your browser blocked copying; select the text and copy it instead." : ""}
          </p>
        </Form>

        <div className="space-y-4">
          {canRewrite ? (
            <Card title="Rewrite with AI">
              <p className="mb-3 text-sm text-slate-600">The assistant rewords your draft using only what your debrief says; you review the result.</p>
              <div className="flex flex-wrap gap-2" role="group" aria-label="Rewrite with AI">
                {REWRITE_BUTTONS.map(([style, label]) => (
                  <Button key={style} type="button" variant="secondary" disabled={rewrite.isPending || save.isPending} onClick={() => rewriteWith({ style })}>
                    {label}
                  </Button>
                ))}
              </div>
              <p className="mt-2 text-sm text-slate-600" aria-live="polite">
                {rewrite.isPending ? "Rewriting… this can take a few seconds." : ""}
              </p>
              {rewriteNotice ? <Notice tone={rewriteNotice.tone}>{rewriteNotice.text}</Notice> : null}
              {draft.rewrittenAt && draft.bodyBeforeRewrite !== null ? (
                <div className="mt-3 text-sm text-slate-600">
                  Rewritten with AI on <When date={draft.rewrittenAt} timeZone={viewerTimeZone} />.{" "}
                  <button type="button" className="text-brand underline" onClick={() => form.setValue("body", draft.bodyBeforeRewrite ?? body, { shouldDirty: true })}>
                    Put back the earlier text
                  </button>{" "}
                  (then save).
                </div>
              ) : null}
            </Card>
          ) : draft.rewrittenAt ? (
            <Notice>Rewritten with AI on <When date={draft.rewrittenAt} timeZone={viewerTimeZone} />.</Notice>
          ) : null}
          {editable ? (
            <Card title="Send it">
              <OpenInMail message={{ to: contact?.email, subject, body }} />
            </Card>
          ) : null}
          {editable ? (
            <Card title="Sent it?">
              <p className="mb-3 text-sm text-slate-600">Send it from your own email or phone, then record it here so your reminders stop.</p>
              {draft.kind === "thank_you" ? (
                <label className="mb-3 flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={handwritten} onChange={(e) => setHandwritten(e.target.checked)} />
                  I wrote it by hand
                </label>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button type="button" onClick={send} disabled={markSent.isPending || save.isPending}>
                  {markSent.isPending ? "Saving…" : "Mark sent"}
                </Button>
                <Button
                  type="button"
                  variant="danger"
                  disabled={discard.isPending}
                  onClick={async () => {
                    if (await confirm({ title: "Discard this draft?", description: "You can still read it later.", confirmLabel: "Discard draft" })) {
                      discard.mutate({ orgSlug, draftId: draft.id });
                    }
                  }}
                >
                  Discard
                </Button>
              </div>
            </Card>
          ) : null}
          <Card title="Coach comments">
            {comments.length === 0 ? (
              <p className="text-sm text-slate-600">No comments yet. Your coach can review this draft and leave suggestions.</p>
            ) : (
              <ul className="space-y-3 text-sm">
                {comments.map((c) => (
                  <li key={c.id}>
                    <p className="whitespace-pre-line">{c.body}</p>
                    <p className="text-xs text-slate-500">
                      {c.authorName ?? c.authorEmail} · <When date={c.createdAt} timeZone={viewerTimeZone} />
                    </p>
                    {canRewrite ? (
                      <Button type="button" variant="secondary" className="mt-2" disabled={rewrite.isPending || save.isPending} onClick={() => rewriteWith({ commentId: c.id })}>
                        Apply {firstNameOf(c.authorName, c.authorEmail)}&apos;s suggestion
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
