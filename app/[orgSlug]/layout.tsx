import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentSession } from "@/server/auth";
import { safeCallbackPath } from "@/server/canonical-url";
import { REQUESTED_PATH_HEADER } from "@/server/http/request-headers";
import { load, trpc } from "@/server/trpc/server";
import { orNotFound } from "../_components/server";
import { MarkOrganizationUsed } from "./mark-organization-used";
import { OrgHeader } from "./org-header";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const session = await currentSession();
  if (!session) {
    // Back to the very page asked for (an email's link to one interview, with its query), not the org's home.
    const requested = safeCallbackPath((await headers()).get(REQUESTED_PATH_HEADER) ?? `/${orgSlug}`);
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(requested)}`);
  }
  // The pages below load the same two queries from the same render's cache.
  const [org, me] = await Promise.all([orNotFound(load(trpc.org.get.queryOptions({ orgSlug }))), load(trpc.me.get.queryOptions())]);
  return (
    <>
      <MarkOrganizationUsed orgSlug={org.slug} />
      <OrgHeader org={org} me={me} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:py-8">{children}</main>
    </>
  );
}
