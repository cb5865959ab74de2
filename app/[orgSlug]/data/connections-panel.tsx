"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ChangeEvent } from "react";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { fieldErrors, useTRPC } from "../../_components/trpc";
import { Button, Card, Field, Notice } from "../../_components/ui";
import { readTextFile } from "./read-text-file";

type Preview = AppRouterOutputs["contact"]["previewLinkedInConnections"];

/** LinkedIn's Connections.csv into contacts, so an application can say who you know there. */
export function ConnectionsPanel({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const previewing = useMutation(trpc.contact.previewLinkedInConnections.mutationOptions({ onSuccess: setPreview }));
  const importing = useMutation(
    trpc.contact.importLinkedInConnections.mutationOptions({
      onSuccess: async (result) => {
        if (!result.imported) return setDone(null);
        setDone(`Added ${result.created} contact${result.created === 1 ? "" : "s"}; ${result.matched} you already had${result.updated ? ` (${result.updated} filled in)` : ""}.`);
        setCsv(null);
        setPreview(null);
        setInputKey((k) => k + 1);
        await queryClient.invalidateQueries(trpc.contact.pathFilter());
      },
    }),
  );
  const error = fieldErrors(previewing.error ?? importing.error);
  const refused = importing.data && !importing.data.imported ? importing.data.reason : null;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setDone(null);
    if (!file) return;
    const { text } = await readTextFile(file);
    setCsv(text);
    previewing.mutate({ orgSlug, csv: text });
  }

  return (
    <Card title="Import your LinkedIn connections">
      <div className="space-y-3">
        <p className="text-sm text-slate-600">
          On LinkedIn: Settings, Data privacy, Get a copy of your data, Connections. Upload the Connections.csv file from the download; each application then
          shows who you know at that company.
        </p>
        {done ? (
          <Notice tone="success">
            {done}{" "}
            <Link href={`/${orgSlug}/contacts`} className="font-medium underline">
              See your contacts
            </Link>
          </Notice>
        ) : null}
        <Field key={inputKey} type="file" name="connectionsFile" label="Connections.csv" accept=".csv,text/csv" onChange={onFile} />
        {error.message ? <Notice tone="error">{error.message}</Notice> : null}
        {error.fields.csv ? <Notice tone="error">{error.fields.csv}</Notice> : null}
        {refused ? <Notice tone="error">{refused}</Notice> : null}
        {previewing.isPending ? <p className="text-sm text-slate-500" aria-live="polite">Reading the file…</p> : null}
        {preview?.error ? <Notice tone="error">{preview.error}</Notice> : null}
        {preview && !preview.error ? (
          <div className="space-y-2" aria-live="polite">
            <p className="text-sm">
              {preview.total} connection{preview.total === 1 ? "" : "s"}: {preview.newCount} new, {preview.matchedCount} already in your contacts
              {preview.skipped ? `, ${preview.skipped} without a name skipped` : ""}.
            </p>
            {preview.sample.length > 0 ? (
              <ul className="list-disc pl-5 text-sm text-slate-700">
                {preview.sample.map((person, i) => (
                  <li key={i}>
                    {person.name}
                    {person.title || person.employer ? ` — ${[person.title, person.employer].filter(Boolean).join(" at ")}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            <Button type="button" disabled={!csv || importing.isPending || preview.newCount + preview.matchedCount === 0} onClick={() => csv && importing.mutate({ orgSlug, csv })}>
              {importing.isPending ? "Importing…" : `Import ${preview.newCount} connection${preview.newCount === 1 ? "" : "s"}`}
            </Button>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
