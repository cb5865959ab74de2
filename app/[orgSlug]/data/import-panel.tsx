"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { APPLICATION_STATUS_LABEL } from "@/lib/vocabulary";
import Link from "next/link";
import { useState, type ChangeEvent } from "react";
import { formatSalary, JOB_TYPE_LABEL, WORKPLACE_LABEL } from "@/server/services/applications/values";
import type { AppRouterInputs, AppRouterOutputs } from "@/server/trpc/types";
import { fieldErrors, useTRPC } from "../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, Select } from "../../_components/ui";
import { readTextFile } from "./read-text-file";

type Preview = AppRouterOutputs["transfer"]["previewImport"];
type Options = Omit<AppRouterInputs["transfer"]["previewImport"], "orgSlug" | "csv">;
type ImportField = Preview["fields"][number]["field"];
type StatusTarget = NonNullable<Preview["statuses"][number]["target"]>;
type Done = Extract<AppRouterOutputs["transfer"]["importApplications"], { imported: true }>;

/** Matches the server's limit, so a file that is too big is refused before it is read. */
const MAX_BYTES = 2 * 1024 * 1024;

const TARGET_LABEL: Record<StatusTarget, string> = { ...APPLICATION_STATUS_LABEL, archive: "Archive it (keep out of the board)" };
const TARGETS = Object.keys(TARGET_LABEL) as StatusTarget[];

/** The text sent for preview and import, and what it came from. */
type Source = { csv: string; label: string; note: string | null };

export function ImportPanel({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [options, setOptions] = useState<Options>({});
  const [preview, setPreview] = useState<(Preview & { csv: string }) | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const previewing = useMutation(trpc.transfer.previewImport.mutationOptions());
  const importing = useMutation(
    trpc.transfer.importApplications.mutationOptions({
      onSuccess: async (result) => {
        if (!result.imported) {
          setRefused(result.reason);
          return;
        }
        setDone(result);
        reset();
        await Promise.all([queryClient.invalidateQueries(trpc.application.pathFilter()), queryClient.invalidateQueries(trpc.dashboard.pathFilter())]);
      },
    }),
  );

  function reset() {
    setSource(null);
    setPasted("");
    setPreview(null);
    setOptions({});
    setRefused(null);
    setFileError(null);
    setFileInputKey((key) => key + 1);
  }

  function runPreview(next: Source, nextOptions: Options) {
    setSource(next);
    setOptions(nextOptions);
    setRefused(null);
    setDone(null);
    previewing.mutate(
      { orgSlug, csv: next.csv, ...nextOptions },
      { onSuccess: (result) => setPreview({ ...result, csv: next.csv }), onError: () => setPreview(null) },
    );
  }

  /** A choice changed: the preview is re-read with the choices so far plus this one. */
  function choose(change: Partial<Options>) {
    if (!source || !current) return;
    runPreview(source, {
      ...options,
      mapping: current.mapping,
      dateOrder: current.dateOrder,
      emptyValues: current.emptyValues,
      unmappedToNotes: current.unmappedToNotes,
      ...change,
    });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError("This file is larger than 2 MB. Split it into smaller files and import each one.");
      return;
    }
    try {
      const { text, encoding } = await readTextFile(file);
      setPasted("");
      const note = encoding === "windows-1252" ? "This file was saved as Windows-1252 (\"ANSI\"), not UTF-8; we converted it. Check accented letters in the preview." : null;
      runPreview({ csv: text, label: file.name, note }, {});
    } catch {
      setFileError("The file could not be read. Check that it is a CSV file and try again.");
    }
  }

  /** A field moved to another column; a column holds one field, so whichever field had it lets go. */
  function remap(field: ImportField, value: string) {
    if (!current) return;
    const next: NonNullable<Options["mapping"]> = {};
    for (const [key, column] of Object.entries(current.mapping) as Array<[ImportField, number | undefined]>) {
      if (key !== field && column !== undefined && String(column) !== value) next[key] = column;
    }
    if (value !== "") next[field] = Number(value);
    choose({ mapping: next });
  }

  const current = preview && source && preview.csv === source.csv ? preview : null;
  const busy = previewing.isPending || importing.isPending;
  const requestError = fieldErrors(previewing.error ?? importing.error);
  const canImport = current !== null && current.canImport && !busy;

  return (
    <Card title="Import applications">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">
          Bring your applications from another tracker: we recognise exports of JobSync, Huntr, Teal, LinkedIn (&ldquo;Job Applications.csv&rdquo;
          from your data archive) and our own, and any spreadsheet saved as CSV with at least a company and a role.
        </p>

        {done ? (
          <Notice tone="success">
            Imported {done.created} application{done.created === 1 ? "" : "s"}
            {done.updated > 0 ? `, updated ${done.updated}` : ""}
            {done.skipped > 0 ? `, skipped ${done.skipped}` : ""} ({done.companiesCreated} new {done.companiesCreated === 1 ? "company" : "companies"}).{" "}
            <Link href={`/${orgSlug}/applications`} className="font-medium underline">
              See your applications
            </Link>
          </Notice>
        ) : null}

        <Field key={fileInputKey} type="file" name="csvFile" label="CSV file" accept=".csv,text/csv" onChange={onFile} error={fileError ?? undefined} hint="Up to 2 MB and 5,000 rows." />

        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-800">Or paste the CSV text</span>
          <textarea
            name="csvText"
            rows={4}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            placeholder={"Company,Role,Status,Date applied\nAcme,Product designer,applied,2026-03-02"}
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm"
          />
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button type="button" variant="secondary" disabled={pasted.trim() === "" || busy} onClick={() => runPreview({ csv: pasted, label: "Pasted text", note: null }, {})}>
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
        {source?.note ? <Notice>{source.note}</Notice> : null}
        {previewing.isPending ? (
          <p className="text-sm text-slate-500" aria-live="polite">
            Reading {source?.label ?? "the file"}…
          </p>
        ) : null}

        {current ? <PreviewSection preview={current} source={source!} busy={busy} choose={choose} remap={remap} /> : null}

        {refused ? <Notice tone="error">{refused}</Notice> : null}

        {current ? (
          <div className="flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:items-center">
            <Button
              type="button"
              disabled={!canImport}
              onClick={() =>
                importing.mutate({
                  orgSlug,
                  csv: current.csv,
                  ...options,
                  preset: current.preset.id,
                  mapping: current.mapping,
                  dateOrder: current.dateOrder,
                  emptyValues: current.emptyValues,
                  unmappedToNotes: current.unmappedToNotes,
                })
              }
            >
              {importing.isPending ? "Importing…" : "Import applications"}
            </Button>
            <p className="text-sm text-slate-600" aria-live="polite">
              {current.summary}
            </p>
          </div>
        ) : !source && !done ? (
          <EmptyState title="No file chosen yet">Choose a CSV file or paste its text to see what will be imported.</EmptyState>
        ) : null}
      </div>
    </Card>
  );
}

type SectionProps = {
  preview: Preview;
  source: Source;
  busy: boolean;
  choose: (change: Partial<Options>) => void;
  remap: (field: ImportField, value: string) => void;
};

function PreviewSection({ preview, source, busy, choose, remap }: SectionProps) {
  const { counts } = preview;
  return (
    <section aria-labelledby="import-preview-heading" className="space-y-5 border-t border-slate-100 pt-4">
      <div>
        <h3 id="import-preview-heading" className="font-medium">
          Check what will be imported
        </h3>
        <p className="text-sm text-slate-600">
          {source.label}: {counts.total} row{counts.total === 1 ? "" : "s"}, read as{" "}
          <strong>{preview.preset.id === "generic" ? "a spreadsheet" : `a ${preview.preset.label} export`}</strong>.
        </p>
      </div>

      <Select
        label="The file comes from"
        name="preset"
        value={preview.preset.id}
        disabled={busy}
        onChange={(event) => choose({ preset: event.target.value as Preview["preset"]["id"], mapping: undefined, emptyValues: undefined })}
      >
        {preview.presets.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.label}
          </option>
        ))}
      </Select>

      {preview.fileErrors.length > 0 ? (
        <div role="alert" className="space-y-1">
          {preview.fileErrors.map((error, index) => (
            <Notice key={index} tone="error">
              {error.row > 0 ? `Row ${error.row}: ` : ""}
              {error.message}
            </Notice>
          ))}
        </div>
      ) : null}

      {preview.statuses.length > 0 ? <StatusChoices preview={preview} busy={busy} choose={choose} /> : null}

      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Values that mean empty"
          name="emptyValues"
          defaultValue={preview.emptyValues.join(", ")}
          key={preview.emptyValues.join("\u0000")}
          hint="Separated by commas, e.g. N/A, -, none."
          disabled={busy}
          onBlur={(event) => {
            const values = event.target.value.split(",").map((v) => v.trim()).filter(Boolean);
            if (values.join(",") !== preview.emptyValues.join(",")) choose({ emptyValues: values });
          }}
        />
        <Select label="Dates like 03/04/2026 mean" name="dateOrder" value={preview.dateOrder} disabled={busy} onChange={(event) => choose({ dateOrder: event.target.value as Preview["dateOrder"] })}>
          <option value="DMY">day/month/year (3 April 2026)</option>
          <option value="MDY">month/day/year (March 4, 2026)</option>
        </Select>
      </div>

      {preview.problemGroups.length > 0 ? <ProblemGroups preview={preview} busy={busy} choose={choose} /> : null}
      {preview.extraCellRows > 0 ? (
        <Notice>
          {preview.extraCellRows} row{preview.extraCellRows === 1 ? " has" : "s have"} more cells than the header has columns; the extra cells are not imported. Check those rows
          for a comma that should have been quoted.
        </Notice>
      ) : null}

      {counts.duplicatesExisting + counts.duplicatesInFile > 0 ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">
            {counts.duplicatesExisting > 0 ? `${counts.duplicatesExisting} row${counts.duplicatesExisting === 1 ? " is" : "s are"} already in your applications` : ""}
            {counts.duplicatesExisting > 0 && counts.duplicatesInFile > 0 ? "; " : ""}
            {counts.duplicatesInFile > 0 ? `${counts.duplicatesInFile} row${counts.duplicatesInFile === 1 ? " repeats" : "s repeat"} another in the file` : ""} (same company, role and link).
          </legend>
          {(["skip", "update"] as const).map((policy) => (
            <label key={policy} className="flex items-center gap-2 text-sm">
              <input type="radio" name="duplicates" value={policy} checked={preview.duplicates === policy} disabled={busy} onChange={() => choose({ duplicates: policy })} />
              {policy === "skip" ? "Skip them" : "Update the application with what the file says"}
            </label>
          ))}
        </fieldset>
      ) : null}

      {preview.unmappedColumns.length > 0 ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={preview.unmappedToNotes} disabled={busy} onChange={(event) => choose({ unmappedToNotes: event.target.checked })} />
          <span>
            Add the other columns to each application&rsquo;s notes ({preview.unmappedColumns.join(", ")})
          </span>
        </label>
      ) : null}

      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium">Columns ({Object.keys(preview.mapping).length} used)</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {preview.fields.map(({ field, label, required }) => {
            const column = preview.mapping[field];
            return (
              <Select
                key={field}
                label={required ? `${label} (required)` : label}
                name={`mapping-${field}`}
                value={column === undefined ? "" : String(column)}
                disabled={busy}
                onChange={(event) => remap(field, event.target.value)}
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
      </details>

      <PreviewTable preview={preview} />
    </section>
  );
}

function StatusChoices({ preview, busy, choose }: Omit<SectionProps, "source" | "remap">) {
  // Choices made so far (a status still waiting for a choice is left out).
  const current = Object.fromEntries(preview.statuses.flatMap((s) => (s.target ? [[s.value, s.target] as const] : [])));
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-800">What each status in the file becomes</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {preview.statuses.map((status) => (
          <Select
            key={status.value}
            label={`“${status.value}” (${status.count} row${status.count === 1 ? "" : "s"})`}
            name={`status-${status.value}`}
            value={status.target ?? ""}
            disabled={busy}
            error={status.target ? undefined : "Choose what this status means."}
            onChange={(event) => choose({ statusMap: { ...current, [status.value]: event.target.value as StatusTarget } })}
          >
            {status.target ? null : <option value="">Choose…</option>}
            {TARGETS.map((target) => (
              <option key={target} value={target}>
                {TARGET_LABEL[target]}
              </option>
            ))}
          </Select>
        ))}
      </div>
    </fieldset>
  );
}

function ProblemGroups({ preview, busy, choose }: Omit<SectionProps, "source" | "remap">) {
  return (
    <div role="alert" className="space-y-2">
      <p className="text-sm font-medium text-red-800">
        {preview.counts.invalid} row{preview.counts.invalid === 1 ? " has" : "s have"} problems. Row 1 is the first row below the column names.
      </p>
      <ul className="space-y-2">
        {preview.problemGroups.map((group, index) => (
          <li key={index} className="flex flex-col gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
            <span>
              {group.message} <span className="text-slate-600">(rows {group.rows.join(", ")}{group.count > group.rows.length ? ", …" : ""})</span>
            </span>
            {group.fix?.kind === "treatAsEmpty" ? (
              <Button type="button" variant="secondary" disabled={busy} onClick={() => choose({ emptyValues: [...preview.emptyValues, group.fix!.value] })}>
                Treat “{group.fix.value}” as empty
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={preview.skipInvalidRows} disabled={busy} onChange={(event) => choose({ skipInvalidRows: event.target.checked })} />
        Skip the rows with problems and import the rest
      </label>
    </div>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  if (preview.preview.length === 0) return null;
  return (
    <div>
      <p className="mb-2 text-sm font-medium">First {preview.preview.length} rows as they will be stored</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              {["Row", "Company", "Role", "Status", "Applied", "Saved", "Where", "Salary", "Note"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.preview.map(({ row, application: a, problems, duplicate }) => (
              <tr key={row} className={a ? undefined : "bg-red-50"}>
                <td className="px-3 py-2 text-slate-500">{row}</td>
                {a ? (
                  <>
                    <td className="max-w-48 truncate px-3 py-2" title={a.company}>
                      {a.company}
                    </td>
                    <td className="max-w-48 truncate px-3 py-2" title={a.roleTitle}>
                      {a.roleTitle}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {APPLICATION_STATUS_LABEL[a.status]}
                      {a.archived ? ", archived" : ""}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{a.appliedOn ?? "—"}</td>
                    <td className="whitespace-nowrap px-3 py-2">{a.savedOn ?? "—"}</td>
                    <td className="max-w-40 truncate px-3 py-2">
                      {[a.location, a.workplaceType && WORKPLACE_LABEL[a.workplaceType], a.jobType && JOB_TYPE_LABEL[a.jobType]].filter(Boolean).join(" · ") || "—"}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{formatSalary({ min: a.salaryMin, max: a.salaryMax, currency: a.salaryCurrency }) || "—"}</td>
                    <td className="px-3 py-2 text-slate-600">{duplicate === "existing" ? "Already in your applications" : duplicate === "file" ? "Repeats an earlier row" : ""}</td>
                  </>
                ) : (
                  <td colSpan={8} className="px-3 py-2 text-red-800">
                    {problems.join(" ")}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
