import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/server/http/request-headers";
import { log } from "@/server/log";
import { OVERVIEW_CSV_COLUMNS, outcomesCsv } from "@/server/services/coach/export";
import { toCsv } from "@/server/services/imports/to-csv";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

type Params = { params: Promise<{ orgSlug: string; report: string }> };

/** Query-string filters as the procedures take them ("true"/"false" become booleans). */
function filtersFrom(url: URL): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    filters[key] = value === "true" ? true : value === "false" ? false : key === "limit" ? Number(value) : value;
  }
  return filters;
}

/**
 * CSV downloads for an organisation's staff: `overview` (every row of the filtered overview, not
 * only a page) and `outcomes` (per cohort and per coach). Every batch goes through the tRPC
 * procedures (`coach.overviewExport`, `coach.outcomes`), so sign-in, membership, role, the
 * coach's visibility and row-level security are exactly the API's. The overview streams in
 * batches of 1,000 rows (one query each, the next one asked for only when the browser has taken
 * the last), so memory stays flat at 20,000 clients. Each batch is its own transaction: a client
 * changed during a long download shows its newest numbers, and keyset paging never repeats or
 * skips a row whose sort value stays put.
 */
export async function GET(request: Request, { params }: Params) {
  const { orgSlug, report } = await params;
  const requestId = requestIdFrom(request.headers);
  const api = createCaller({ ...(await createContext(request.headers)), requestId });
  const url = new URL(request.url);
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = (name: string) => ({
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}-${stamp}.csv"`,
    "cache-control": "private, no-store",
    [REQUEST_ID_HEADER]: requestId,
  });
  try {
    if (report === "outcomes") {
      const outcomes = await api.coach.outcomes({ orgSlug, ...filtersFrom(url) });
      return new Response(outcomesCsv(outcomes), { headers: headers(`outcomes-${orgSlug}`) });
    }
    if (report !== "overview") return Response.json({ error: "Not found." }, { status: 404 });
    const filters = { orgSlug, ...filtersFrom(url) } as Parameters<typeof api.coach.overviewExport>[0];
    // The first batch before answering, so a refusal is a status code and not a broken file.
    let batch = await api.coach.overviewExport(filters);
    let first = true;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const csv = toCsv(batch.rows, OVERVIEW_CSV_COLUMNS, { bom: first, header: first });
          if (csv) controller.enqueue(encoder.encode(first ? csv : `\r\n${csv}`));
          first = false;
          if (!batch.nextCursor) return controller.close();
          batch = await api.coach.overviewExport({ ...filters, cursor: batch.nextCursor });
          if (batch.rows.length === 0) controller.close();
        } catch (error) {
          log.error({ requestId, err: error }, "overview export failed mid-stream");
          controller.error(error);
        }
      },
    });
    return new Response(stream, { headers: headers(`clients-${orgSlug}`) });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const status = getHTTPStatusCodeFromError(error);
    if (status >= 500) log.error({ requestId, err: error }, "export failed");
    return Response.json({ error: status >= 500 ? "Something went wrong on our side." : error.message, requestId }, { status });
  }
}
