import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentSession } from "@/server/auth";
import { unsafeMarkOrganizationUsed } from "@/server/services/org/organizations";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../_components/server";
import { OrgHeader } from "./org-header";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${orgSlug}`)}`);
  const api = await serverApi();
  const org = await orNotFound(api.org.get({ orgSlug }));
  const me = await api.me.get();
  await unsafeMarkOrganizationUsed(getDb(), session.userId, org.id);
  return (
    <>
      <OrgHeader org={org} me={me} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:py-8">{children}</main>
    </>
  );
}
