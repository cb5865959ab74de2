"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { fieldErrors, useTRPC } from "../../_components/trpc";
import { Card, Field, Notice, useConfirm } from "../../_components/ui";
import { readTextFile } from "./read-text-file";

/** Restoring a whole JSON export (from this or another Followthrough account) into an empty account. */
export function AccountImportPanel({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [inputKey, setInputKey] = useState(0);
  const restore = useMutation(
    trpc.transfer.importAccount.mutationOptions({
      onSuccess: async (result) => {
        if (result.imported) {
          setInputKey((k) => k + 1);
          await queryClient.invalidateQueries();
        }
      },
    }),
  );
  const error = fieldErrors(restore.error);
  const result = restore.data;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const { text } = await readTextFile(file);
    const yes = await confirm({
      title: `Restore everything in ${file.name} into this account?`,
      description: "Its applications, interviews, contacts, promises and drafts are added to this account.",
      confirmLabel: "Restore",
      tone: "default",
    });
    if (yes) restore.mutate({ orgSlug, json: text });
  }

  return (
    <Card title="Restore a full export">
      <div className="space-y-3">
        <p className="text-sm text-slate-600">
          Moving from another Followthrough account? Choose the JSON file of its export: applications with their history, interviews and debriefs,
          contacts and who knows whom, promises and drafts are restored here. This works in an account that has no applications or contacts yet.
        </p>
        <Field key={inputKey} type="file" name="accountFile" label="Export file (.json)" accept=".json,application/json" onChange={onFile} disabled={restore.isPending} />
        {restore.isPending ? <p className="text-sm text-slate-500" aria-live="polite">Restoring…</p> : null}
        {error.message ? <Notice tone="error">{error.message}</Notice> : null}
        {error.fields.json ? <Notice tone="error">{error.fields.json}</Notice> : null}
        {result && !result.imported ? <Notice tone="error">{result.reason}</Notice> : null}
        {result?.imported ? (
          <Notice tone="success">
            Restored {result.counts.applications} applications, {result.counts.interviews} interviews, {result.counts.contacts} contacts, {result.counts.commitments} promises and{" "}
            {result.counts.drafts} drafts.
          </Notice>
        ) : null}
      </div>
    </Card>
  );
}
