import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { load, trpc } from "@/server/trpc/server";

/**
 * Layouts and pages render in parallel, so each page handles a signed-out visitor itself.
 * Pages answer 404 for anything the API refuses as not found, forbidden or malformed, so a
 * non-member cannot tell a private page from a missing one.
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in");
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
}

/**
 * Owner-only pages: loads something only owners may read (the organisation's settings, one row),
 * which the API refuses to anyone else, so the page is a 404 for them. The settings stay in the
 * render's cache, so an admin screen showing them reads the same answer.
 */
export async function notFoundUnlessOwner(orgSlug: string): Promise<void> {
  await orNotFound(load(trpc.settings.get.queryOptions({ orgSlug })));
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** `?clientId=` on a client page: a coach or owner reading one client's records. */
export const clientIdFrom = (query: SearchParams): string | undefined =>
  typeof query.clientId === "string" ? query.clientId : undefined;

export type OrgPageProps = { params: Promise<{ orgSlug: string }>; searchParams: Promise<SearchParams> };

/**
 * What a page of the client workspace is about: the organisation, the query string and, for a
 * coach or owner reading one client's records, that client (`?clientId=`; the API decides whether
 * they may).
 */
export async function clientPageParams({ params, searchParams }: OrgPageProps) {
  const [{ orgSlug }, query] = await Promise.all([params, searchParams]);
  return { orgSlug, query, clientId: clientIdFrom(query) };
}
