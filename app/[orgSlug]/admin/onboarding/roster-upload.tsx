"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { fieldErrors, useTRPC } from "../../../_components/trpc";
import { Button, Card, EmptyState, Notice } from "../../../_components/ui";
import { formatDateTime } from "@/lib/dates";
import { readTextFile } from "../../data/read-text-file";

type Preview = AppRouterOutputs["onboarding"]["preview"];
type PreviewRow = Preview["problemRows"][number];
type Progress = AppRouterOutputs["onboarding"]["progress"];

/** Matches the server's limit, so a file that is too big is refused before it is read. */
const MAX_BYTES = 2 * 1024 * 1024;
const TEMPLATE_HEADER = "Name,Email,Cohort,Coach email";

export function RosterUpload({ orgSlug, viewerTimeZone }: { orgSlug: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [committedId, setCommittedId] = useState<string | null>(null);

  const previewing = useMutation(trpc.onboarding.preview.mutationOptions({ onSuccess: setPreview }));
  const committing = useMutation(
    trpc.onboarding.commit.mutationOptions({
      onSuccess: async (result) => {
        setCommittedId(result.importId);
        setPreview(null);
        setFile(null);
        setInputKey((k) => k + 1);
        await queryClient.invalidateQueries(trpc.onboarding.imports.pathFilter());
        await queryClient.invalidateQueries(trpc.cohort.pathFilter());
        await queryClient.invalidateQueries(trpc.invitation.pathFilter());
      },
    }),
  );

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFileError(null);
    setPreview(null);
    committing.reset();
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setFileError("That file is larger than 2 MB. Split it into smaller files.");
      return;
    }
    const { text } = await readTextFile(chosen);
    setFile({ name: chosen.name, csv: text });
    setCommittedId(null);
    previewing.mutate({ orgSlug, csv: text });
  }

  const previewError = fieldErrors(previewing.error).message;
  const commitError = fieldErrors(committing.error).message;
  const hasProblems = preview !== null && !preview.ok;

  return (
    <div className="space-y-6">
      <Card title={hasProblems ? "Upload the corrected file" : "1. Choose the roster"}>
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            A CSV with a header row. Columns: <strong>Name</strong>, <strong>Email</strong> (required), and optionally <strong>Cohort</strong> (created if new)
            and <strong>Coach email</strong> (one of your coaches). Up to 5,000 clients a file. For example: <code className="rounded bg-slate-100 px-1">{TEMPLATE_HEADER}</code>
          </p>
          <div>
            <label htmlFor="roster-file" className="mb-1 block text-sm font-medium">
              Roster CSV
            </label>
            <input
              key={inputKey}
              id="roster-file"
              type="file"
              accept=".csv,text/csv"
              onChange={choose}
              className="block w-full max-w-full text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm"
            />
          </div>
          {fileError ? <Notice tone="error">{fileError}</Notice> : null}
          {previewing.isPending ? (
            <p className="text-sm text-slate-600" aria-live="polite">
              Checking {file?.name}…
            </p>
          ) : null}
          {previewError ? <Notice tone="error">{previewError}</Notice> : null}
        </div>
      </Card>

      {preview ? <PreviewCard preview={preview} fileName={file?.name ?? "the file"} /> : null}

      {preview?.ok ? (
        <Card title="3. Send the invitations">
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              {preview.total.toLocaleString("en")} {preview.total === 1 ? "client is" : "clients are"} invited now. The emails go out in the background, paced to
              stay within the email provider&apos;s limits; you can follow them below and leave this page at any time.
            </p>
            {commitError ? <Notice tone="error">{commitError}</Notice> : null}
            <Button type="button" disabled={committing.isPending} onClick={() => file && committing.mutate({ orgSlug, csv: file.csv })}>
              {committing.isPending ? "Inviting…" : `Invite ${preview.total.toLocaleString("en")} ${preview.total === 1 ? "client" : "clients"}`}
            </Button>
          </div>
        </Card>
      ) : null}

      {committedId ? <Notice tone="success">Invitations created. Their emails are on their way.</Notice> : null}
      <UploadsCard orgSlug={orgSlug} highlight={committedId} viewerTimeZone={viewerTimeZone} />
    </div>
  );
}

const PROBLEM_SUMMARY: Record<string, string> = {
  missing_email: "without an email address",
  bad_email: "with an invalid email address",
  bad_name: "with a name that is too long",
  bad_cohort: "with a cohort name that is too long",
  duplicate_in_file: "repeating an address from an earlier line",
  already_member: "already members",
  already_invited: "already invited",
  unknown_coach: "naming someone who is not one of your coaches",
  archived_cohort: "in an archived cohort",
};

function PreviewCard({ preview, fileName }: { preview: Preview; fileName: string }) {
  if (preview.fileProblem) {
    return (
      <Card title="2. Check the file">
        <Notice tone="error">
          {fileName}: {preview.fileProblem}
        </Notice>
      </Card>
    );
  }
  const newCohorts = preview.cohorts.filter((c) => c.isNew);
  return (
    <Card title="2. Check the file">
      <div className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <Stat label="Rows" value={preview.total} />
          <Stat label="Ready" value={preview.valid} />
          <Stat label="With problems" value={preview.problemRowCount} tone={preview.problemRowCount > 0 ? "bad" : undefined} />
          <Stat label="Without a coach" value={preview.withoutCoach} />
        </dl>
        {preview.ok ? (
          <Notice tone="success">Every row is fine.</Notice>
        ) : (
          <Notice tone="error">
            {preview.problemRowCount} {preview.problemRowCount === 1 ? "row has a problem" : "rows have problems"}: nothing will be imported until every row is fine. Fix{" "}
            {preview.problemRowCount === 1 ? "it" : "them"} in your spreadsheet and upload the file again.
          </Notice>
        )}
        {Object.keys(preview.problemCounts).length > 0 ? (
          <ul className="list-inside list-disc text-sm text-slate-700">
            {Object.entries(preview.problemCounts).map(([kind, count]) => (
              <li key={kind}>
                {count} {PROBLEM_SUMMARY[kind] ?? kind}
              </li>
            ))}
          </ul>
        ) : null}
        {preview.cohorts.length > 0 ? (
          <div className="text-sm">
            <p className="font-medium">Cohorts</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {preview.cohorts.map((c) => (
                <li key={c.name} className="rounded-full bg-slate-100 px-3 py-1">
                  {c.name} · {c.clients} {c.isNew ? <strong className="text-emerald-800">(new: will be created)</strong> : null}
                </li>
              ))}
            </ul>
            {newCohorts.length > 0 ? (
              <p className="mt-1 text-slate-600">
                {newCohorts.length === 1 ? "One cohort is" : `${newCohorts.length} cohorts are`} not in your organisation yet and will be created.
              </p>
            ) : null}
          </div>
        ) : null}
        {preview.coaches.length > 0 ? (
          <div className="text-sm">
            <p className="font-medium">Coaches</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {preview.coaches.map((c) => (
                <li key={c.email} className="rounded-full bg-slate-100 px-3 py-1">
                  {c.name ?? c.email} · {c.clients}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {preview.problemRows.length > 0 ? (
          <RowsTable
            caption={
              preview.problemRowCount > preview.problemRows.length
                ? `The first ${preview.problemRows.length} of ${preview.problemRowCount} rows with problems`
                : "Rows with problems"
            }
            rows={preview.problemRows}
            showProblems
          />
        ) : null}
        {preview.sample.length > 0 ? <RowsTable caption={preview.ok ? "The first rows" : "Some rows that are fine"} rows={preview.sample} /> : null}
      </div>
    </Card>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: "bad" }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3">
      <dt className="text-slate-600">{label}</dt>
      <dd className={`text-xl font-semibold ${tone === "bad" ? "text-red-700" : ""}`}>{value.toLocaleString("en")}</dd>
    </div>
  );
}

const COLUMNS = [
  { field: "name", label: "Name" },
  { field: "email", label: "Email" },
  { field: "cohort", label: "Cohort" },
  { field: "coachEmail", label: "Coach" },
] as const;

function RowsTable({ caption, rows, showProblems = false }: { caption: string; rows: PreviewRow[]; showProblems?: boolean }) {
  const value = (row: PreviewRow, field: (typeof COLUMNS)[number]["field"]) =>
    field === "email" ? row.emailAsWritten : field === "name" ? row.name : field === "cohort" ? row.cohort : row.coachEmail;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full text-left text-sm">
        <caption className="px-3 py-2 text-left font-medium">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              Line
            </th>
            {COLUMNS.map((c) => (
              <th key={c.field} scope="col" className="px-3 py-2">
                {c.label}
              </th>
            ))}
            {showProblems ? (
              <th scope="col" className="px-3 py-2">
                What to fix
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const bad = new Set(row.problems.map((p) => p.field));
            return (
              <tr key={row.line} data-testid={showProblems ? `problem-line-${row.line}` : undefined}>
                <th scope="row" className="px-3 py-2 font-normal text-slate-700">
                  {row.line}
                </th>
                {COLUMNS.map((c) => (
                  <td key={c.field} className={`max-w-56 truncate px-3 py-2 ${bad.has(c.field) ? "bg-red-50 font-medium text-red-800" : ""}`}>
                    {value(row, c.field) || <span className="text-slate-600">—</span>}
                  </td>
                ))}
                {showProblems ? (
                  <td className="px-3 py-2 text-red-800">
                    <ul>
                      {row.problems.map((p, i) => (
                        <li key={i}>{p.message}</li>
                      ))}
                    </ul>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function UploadsCard({ orgSlug, highlight, viewerTimeZone }: { orgSlug: string; highlight: string | null; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const { data: uploads } = useSuspenseQuery({
    ...trpc.onboarding.imports.queryOptions({ orgSlug }),
    // While emails are still going out, look again every few seconds.
    refetchInterval: (query) => ((query.state.data ?? []).some((u) => u.waiting > 0) ? 3000 : false),
  });
  return (
    <Card title="Uploads and their emails">
      {uploads.length === 0 ? (
        <EmptyState title="No uploads yet">Choose a roster above: its invitations and their emails will be followed here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {uploads.map((upload) => (
            <UploadRow key={upload.importId} upload={upload} highlight={upload.importId === highlight} viewerTimeZone={viewerTimeZone} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function UploadRow({ upload, highlight, viewerTimeZone }: { upload: Progress; highlight: boolean; viewerTimeZone: string }) {
  const done = upload.sent + upload.failed + upload.cancelled;
  const percent = upload.invited > 0 ? Math.round((done / upload.invited) * 100) : 100;
  return (
    <li className={`space-y-2 py-3 ${highlight ? "rounded-lg bg-emerald-50 px-2" : ""}`} data-testid="roster-upload">
      <p className="text-sm">
        <span className="font-medium">{formatDateTime(upload.createdAt, viewerTimeZone)}</span> · {upload.invited.toLocaleString("en")} invited
      </p>
      <div
        role="progressbar"
        aria-label="Invitation emails sent"
        aria-valuemin={0}
        aria-valuemax={upload.invited}
        aria-valuenow={done}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {upload.waiting > 0 ? `Sending: ${upload.sent.toLocaleString("en")} of ${upload.invited.toLocaleString("en")} sent` : `All sent: ${upload.sent.toLocaleString("en")}`}
        {upload.failed > 0 ? ` · ${upload.failed} could not be delivered` : ""}
        {upload.cancelled > 0 ? ` · ${upload.cancelled} withdrawn before sending` : ""} · {upload.accepted.toLocaleString("en")} joined
      </p>
    </li>
  );
}
