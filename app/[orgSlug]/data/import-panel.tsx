"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ChangeEvent } from "react";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { fieldErrors, useTRPC } from "../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, Select } from "../../_components/ui";

type Preview = AppRouterOutputs["transfer"]["previewImport"];
type Mapping = Preview["mapping"];
type ImportField = Preview["fields"][number]["field"];
type DateOrder = Preview["dateOrder"];
type ImportProblem = Preview["errors"][number];
type Done = Extract<AppRouterOutputs["transfer"]["importApplications"], { imported: true }>;

/** Matches the server's limit, so a file that is too big is refused before it is read. */
const MAX_BYTES = 2 * 1024 * 1024;

/** The text sent for preview and import, and what it came from. */
type Source = { csv: string; label: string };

export function ImportPanel({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [preview, setPreview] = useState<(Preview & { csv: string }) | null>(null);
  const [refused, setRefused] = useState<{ errors: ImportProblem[]; errorCount: number } | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const previewing = useMutation(trpc.transfer.previewImport.mutationOptions());
  const importing = useMutation(
    trpc.transfer.importApplications.mutationOptions({
      onSuccess: async (result) => {
        if (!result.imported) {
          setRefused({ errors: result.errors, errorCount: result.errorCount });
          return;
        }
        setDone(result);
        reset();
        await Promise.all([
          queryClient.invalidateQueries(trpc.application.pathFilter()),
          queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
        ]);
      },
    }),
  );

  function reset() {
    setSource(null);
    setPasted("");
    setPreview(null);
    setRefused(null);
    setFileError(null);
    setFileInputKey((key) => key + 1);
  }

  function runPreview(csv: string, label: string, mapping?: Mapping, dateOrder?: DateOrder) {
    setSource({ csv, label });
    setRefused(null);
    setDone(null);
    previewing.mutate(
      { orgSlug, csv, mapping, dateOrder },
      { onSuccess: (result) => setPreview({ ...result, csv }), onError: () => setPreview(null) },
    );
  }

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError("This file is larger than 2 MB. Split it into smaller files and import each one.");
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setPasted("");
      runPreview(String(reader.result ?? ""), file.name);
    };
    reader.onerror = () => setFileError("The file could not be read. Check that it is a CSV file and try again.");
    reader.readAsText(file);
  }

  /** A field moved to another column; a column holds one field, so whichever field had it lets go. */
  function remap(field: ImportField, value: string) {
    if (!preview || !source) return;
    const next: Mapping = {};
    for (const [key, column] of Object.entries(preview.mapping) as Array<[ImportField, number | undefined]>) {
      if (key !== field && column !== undefined && String(column) !== value) next[key] = column;
    }
    if (value !== "") next[field] = Number(value);
    runPreview(source.csv, source.label, next, preview.dateOrder);
  }

  const current = preview && source && preview.csv === source.csv ? preview : null;
  const requestError = fieldErrors(previewing.error ?? importing.error);
  const canImport = current !== null && current.errorCount === 0 && current.validCount > 0 && !previewing.isPending && !importing.isPending;
  const problems = refused ?? (current && current.errorCount > 0 ? current : null);

  return (
    <Card title="Import applications from a spreadsheet">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">
          Export your tracker as CSV (in Excel or Google Sheets: File, then Download or Save as, then CSV). The first row
          should name the columns; we need at least the company and the role. Status, date applied, job link, source and
          notes are used when present.
        </p>

        {done ? (
          <Notice tone="success">
            Imported {done.applicationCount} application{done.applicationCount === 1 ? "" : "s"} ({done.companiesCreated} new{" "}
            {done.companiesCreated === 1 ? "company" : "companies"}, {done.companiesReused} already in your list).{" "}
            <Link href={`/${orgSlug}/applications`} className="font-medium underline">
              See your applications
            </Link>
          </Notice>
        ) : null}

        <Field
          key={fileInputKey}
          type="file"
          name="csvFile"
          label="CSV file"
          accept=".csv,text/csv"
          onChange={onFile}
          error={fileError ?? undefined}
          hint="Up to 2 MB and 5,000 rows."
        />

        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-800">Or paste the CSV text</span>
          <textarea
            name="csvText"
            rows={5}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            placeholder={"Company,Role,Status,Date applied\nAcme,Product designer,applied,2026-03-02"}
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm"
          />
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button
            type="button"
            variant="secondary"
            disabled={pasted.trim() === "" || previewing.isPending}
            onClick={() => runPreview(pasted, "Pasted text")}
          >
            Preview pasted text
          </Button>
          {source ? (
            <Button type="button" variant="secondary" onClick={reset} disabled={importing.isPending}>
              Start over
            </Button>
          ) : null}
        </div>

        {requestError.message ? <Notice tone="error">{requestError.message}</Notice> : null}
        {requestError.fields.csv ? <Notice tone="error">{requestError.fields.csv}</Notice> : null}
        {previewing.isPending ? (
          <p className="text-sm text-slate-500" aria-live="polite">
            Reading {source?.label ?? "the file"}…
          </p>
        ) : null}

        {current ? (
          <section aria-labelledby="mapping-heading" className="space-y-4 border-t border-slate-100 pt-4">
            <div>
              <h3 id="mapping-heading" className="font-medium">
                Check the columns
              </h3>
              <p className="text-sm text-slate-600">
                From {source?.label}: {current.validCount} row{current.validCount === 1 ? "" : "s"} ready
                {current.invalidRowCount > 0 ? `, ${current.invalidRowCount} with problems` : ""}. Change a column below if we
                guessed wrong.
              </p>
            </div>
            <MappingSelects preview={current} onChange={remap} disabled={previewing.isPending} />
            <Select
              label="Dates like 03/04/2026 mean"
              name="dateOrder"
              value={current.dateOrder}
              disabled={previewing.isPending}
              onChange={(event) => source && runPreview(source.csv, source.label, current.mapping, event.target.value as DateOrder)}
            >
              <option value="DMY">day/month/year (3 April 2026)</option>
              <option value="MDY">month/day/year (March 4, 2026)</option>
            </Select>
            <PreviewTable preview={current} />
          </section>
        ) : null}

        {problems ? <ProblemTable errors={problems.errors} total={problems.errorCount} /> : null}

        {current ? (
          <div className="flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:items-center">
            <Button
              type="button"
              disabled={!canImport}
              onClick={() => importing.mutate({ orgSlug, csv: current.csv, mapping: current.mapping, dateOrder: current.dateOrder })}
            >
              {importing.isPending ? "Importing…" : "Import applications"}
            </Button>
            <p className="text-sm text-slate-600">
              {current.errorCount > 0
                ? "Fix the problems listed above in your file, then choose it again. Nothing is imported until every row is right."
                : `All ${current.validCount} row${current.validCount === 1 ? "" : "s"} will be added as new applications.`}
            </p>
          </div>
        ) : !source && !done ? (
          <EmptyState title="No file chosen yet">Choose a CSV file or paste its text to see what will be imported.</EmptyState>
        ) : null}
      </div>
    </Card>
  );
}

function MappingSelects({ preview, onChange, disabled }: { preview: Preview; onChange: (field: ImportField, value: string) => void; disabled: boolean }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {preview.fields.map(({ field, label, required }) => {
        const column = preview.mapping[field];
        return (
          <Select
            key={field}
            label={required ? `${label} (required)` : label}
            name={`mapping-${field}`}
            value={column === undefined ? "" : String(column)}
            disabled={disabled}
            onChange={(event) => onChange(field, event.target.value)}
          >
            <option value="">{required ? "Choose a column" : "Not imported"}</option>
            {preview.headers.map((header, index) => (
              <option key={index} value={index}>
                {header || `Column ${index + 1}`}
              </option>
            ))}
          </Select>
        );
      })}
    </div>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const fields = preview.fields.filter(({ field }) => preview.mapping[field] !== undefined);
  if (preview.preview.length === 0 || fields.length === 0) return null;
  return (
    <div>
      <p className="mb-2 text-sm font-medium">First {preview.preview.length} rows as they will be read</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">
                Row
              </th>
              {fields.map(({ field, label }) => (
                <th key={field} scope="col" className="px-3 py-2">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.preview.map((row) => (
              <tr key={row.row}>
                <td className="px-3 py-2 text-slate-500">{row.row}</td>
                {fields.map(({ field }) => (
                  <td key={field} className="max-w-64 truncate px-3 py-2" title={row.values[field]}>
                    {row.values[field] || <span className="text-slate-400">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ProblemTable({ errors, total }: { errors: ImportProblem[]; total: number }) {
  return (
    <div role="alert" className="space-y-2">
      <p className="text-sm font-medium text-red-800">
        {total} problem{total === 1 ? "" : "s"} to fix before importing
        {errors.length < total ? ` (the first ${errors.length} are listed)` : ""}. Row 1 is the first row below the column
        names.
      </p>
      <div className="overflow-x-auto rounded-lg border border-red-200">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-red-50 text-xs uppercase text-red-800">
            <tr>
              <th scope="col" className="px-3 py-2">
                Row
              </th>
              <th scope="col" className="px-3 py-2">
                Column
              </th>
              <th scope="col" className="px-3 py-2">
                Problem
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-red-100">
            {errors.map((error, index) => (
              <tr key={`${error.row}-${error.column ?? ""}-${index}`}>
                <td className="whitespace-nowrap px-3 py-2">{error.row === 0 ? "Whole file" : error.row}</td>
                <td className="whitespace-nowrap px-3 py-2">{error.column ?? "—"}</td>
                <td className="px-3 py-2">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
