"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { APPLICATION_STATUS_LABEL } from "@/lib/vocabulary";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatIsoDay } from "@/lib/dates";
import { percent } from "../../_components/percent";
import { useTRPC } from "../../_components/trpc";
import { Card, Notice } from "../../_components/ui";
import { useCohortParam } from "./cohort-param";

const LINE_COLOURS = ["#0f766e", "#7c3aed", "#b45309", "#0369a1", "#be123c", "#4d7c0f"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "12 4"];
/** A week by its first day ("Mon 30 Nov"), formatted like every other date on the page. */
const weekLabel = (iso: string) => formatIsoDay(iso);

/**
 * Charts above the overview. Each chart is hidden from screen readers and paired with a table of
 * the same numbers (visually hidden, or shown on request), so nothing is only in a picture. Their
 * keyboard layer is off (`accessibilityLayer={false}`): a chart hidden from screen readers must not
 * take the keyboard's focus either.
 */
export function CoachCharts({ orgSlug, cohorts }: { orgSlug: string; cohorts: Array<{ id: string; name: string }> }) {
  const trpc = useTRPC();
  // The cohort chosen in the overview's filters below (one choice for the whole page).
  const [cohortId] = useCohortParam();
  const cohort = cohorts.find((c) => c.id === cohortId);
  const charts = useQuery({ ...trpc.coach.charts.queryOptions({ orgSlug, cohortId: cohort?.id }), placeholderData: keepPreviousData });
  const cohortNote = cohort ? (
    <p className="mb-3 text-sm text-slate-700" aria-live="polite">
      Charts for the cohort <strong>{cohort.name}</strong>; choose another in the clients overview&apos;s filters.
    </p>
  ) : null;
  if (charts.isPending) return <Card><p className="text-sm text-slate-600" aria-live="polite">Loading charts…</p></Card>;
  if (charts.isError) return <Notice tone="error">{charts.error.message}</Notice>;
  const data = charts.data;

  const funnel = data.funnel.map((f) => ({ stage: APPLICATION_STATUS_LABEL[f.status], count: f.count }));
  const series = data.followThrough.perCoach.slice(0, LINE_COLOURS.length - 1);
  const followThrough = data.weeks.map((week, index) => {
    const point: Record<string, string | number | null> = { week: weekLabel(week), Everyone: rateOrNull(data.followThrough.overall[index]!.rate) };
    for (const s of series) point[s.name] = rateOrNull(s.weeks[index]!.rate);
    return point;
  });
  const interviews = data.interviewsPerWeek.map((w) => ({ week: weekLabel(w.week), Interviews: w.count }));

  return (
    <div>
    {cohortNote}
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <Card title="Pipeline funnel">
        <div aria-hidden="true" className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={funnel} layout="vertical" margin={{ left: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="stage" width={90} />
              <Tooltip />
              <Bar dataKey="count" name="Applications" fill="#0f766e" />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <DataTable caption="Applications that reached each stage" headers={["Stage", "Applications"]} rows={funnel.map((f) => [f.stage, String(f.count)])} />
      </Card>
      <Card title="Follow-through by week">
        <div aria-hidden="true" className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            {/* Top margin and a wider axis so "100%" is not clipped. */}
            <LineChart data={followThrough} margin={{ top: 12, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" tick={{ fontSize: 11 }} />
              <YAxis domain={[0, 100]} unit="%" width={48} tick={{ fontSize: 11 }} />
              <Tooltip formatter={(value) => (value === null || value === undefined ? "nothing due" : `${value}%`)} />
              <Legend />
              {/* Lines that coincide stay distinguishable: "Everyone" is a wide pale band beneath, each
                  series has its own dash pattern and marker size on top. */}
              <Line type="monotone" dataKey="Everyone" stroke="#334155" strokeOpacity={0.45} strokeWidth={6} dot={{ r: 5 }} connectNulls />
              {series.map((s, i) => (
                <Line
                  key={s.id}
                  type="monotone"
                  dataKey={s.name}
                  stroke={LINE_COLOURS[i + 1]}
                  strokeWidth={2}
                  strokeDasharray={DASHES[i % DASHES.length]}
                  dot={{ r: 2 + (i % 3), strokeWidth: 2 }}
                  connectNulls
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <DataTable
          caption="Share of follow-ups done on time, by week"
          headers={["Week", "Everyone", ...series.map((s) => s.name)]}
          rows={data.weeks.map((week, index) => [
            weekLabel(week),
            percent(data.followThrough.overall[index]!.rate),
            ...series.map((s) => percent(s.weeks[index]!.rate)),
          ])}
        />
      </Card>
      <Card title="Interviews per week">
        <div aria-hidden="true" className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={interviews} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="week" tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} width={30} />
              <Tooltip />
              <Bar dataKey="Interviews" fill="#7c3aed" />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <DataTable caption="Interviews per week" headers={["Week", "Interviews"]} rows={interviews.map((w) => [w.week, String(w.Interviews)])} />
      </Card>
    </div>
    </div>
  );
}

const rateOrNull = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

function DataTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    <details className="mt-2 text-xs text-slate-600">
      <summary className="cursor-pointer">Show the numbers</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>{headers.map((h) => <th key={h} scope="col" className="pr-2 font-medium">{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[0]}>{row.map((cell, i) => (i === 0 ? <th key={i} scope="row" className="pr-2 font-normal">{cell}</th> : <td key={i} className="pr-2">{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
