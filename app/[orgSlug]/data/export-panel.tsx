"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { saveTextFile, type TextFile } from "../../_components/download";
import { useTRPC } from "../../_components/trpc";
import { Button, Card, Notice } from "../../_components/ui";

type Format = "json" | "csv";

/**
 * The full export. JSON is one file; CSV is one file per table (there is no zip here), saved one
 * after another, and listed afterwards so a file the browser held back can be saved on its own.
 */
export function ExportPanel({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [csvFiles, setCsvFiles] = useState<TextFile[]>([]);

  async function download(format: Format) {
    setBusy(format);
    setError(null);
    try {
      // Fetched on demand and never cached: an export should reflect the records right now.
      const result = await queryClient.fetchQuery({ ...trpc.transfer.exportData.queryOptions({ orgSlug, format }), staleTime: 0, gcTime: 0 });
      for (const [index, file] of result.files.entries()) {
        // A short pause between files: some browsers drop downloads started in the same instant.
        if (index > 0) await new Promise((resolve) => setTimeout(resolve, 300));
        saveTextFile(file);
      }
      setCsvFiles(format === "csv" ? result.files : []);
    } catch (caught) {
      setError((caught as { message?: string }).message ?? "The export could not be prepared. Try again.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title="Export your data">
      <p className="text-sm text-slate-600">
        A copy of everything you keep here in this organisation: profile, companies, applications and their history,
        interviews, contacts, promises, drafts, reminders, your timeline, and the notes and nudges your coach shared with
        you. Your coach&apos;s private notes are not part of it.
      </p>
      <div className="mt-4 flex flex-col gap-2 sm:flex-row">
        <Button type="button" onClick={() => download("json")} disabled={busy !== null}>
          {busy === "json" ? "Preparing…" : "Download JSON"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => download("csv")} disabled={busy !== null}>
          {busy === "csv" ? "Preparing…" : "Download CSV"}
        </Button>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        JSON is a single file for programs. CSV gives one spreadsheet file per kind of record; your browser may ask once
        whether to allow several downloads.
      </p>
      {error ? (
        <div className="mt-3">
          <Notice tone="error">{error}</Notice>
        </div>
      ) : null}
      {csvFiles.length > 0 ? (
        <div className="mt-4">
          <p className="text-sm font-medium">Files in your CSV export</p>
          <p className="text-xs text-slate-500">If one is missing from your downloads, save it here.</p>
          <ul className="mt-2 space-y-1">
            {csvFiles.map((file) => (
              <li key={file.fileName}>
                <button type="button" className="break-all text-left text-sm text-brand underline hover:no-underline" onClick={() => saveTextFile(file)}>
                  {file.fileName}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
