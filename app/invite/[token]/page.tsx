import type { Metadata } from "next";
import { ROLE_WITH_ARTICLE } from "@/lib/vocabulary";
import { TRPCError } from "@trpc/server";
import { currentSession } from "@/server/auth";
import { load, trpc } from "@/server/trpc/server";
import { ButtonLink } from "../../_components/ui";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Shown by the server alone: the only thing to do here is one button.
  const invitation = await load(trpc.invitation.preview.queryOptions({ token })).catch((error: unknown) => {
    if (error instanceof TRPCError) return null;
    throw error;
  });
  const session = await currentSession();

  if (!invitation) {
    return (
      <Shell title="This invitation link is not valid">
        <p>Check that you used the whole link from the email, or ask the organisation to send a new invitation.</p>
      </Shell>
    );
  }
  if (invitation.state === "expired" || invitation.state === "revoked") {
    return (
      <Shell title={invitation.state === "expired" ? "This invitation has expired" : "This invitation was withdrawn"}>
        <p>Ask {invitation.orgName} to send you a new invitation.</p>
      </Shell>
    );
  }
  return (
    <Shell title={`Join ${invitation.orgName}`}>
      <p>
        You&apos;ve been invited to join {invitation.orgName} as {ROLE_WITH_ARTICLE[invitation.role]}. The invitation is for{" "}
        <strong>{invitation.email}</strong>.
      </p>
      <div className="mt-6">
        {session ? (
          <AcceptInvitation token={token} invitedEmail={invitation.email} signedInEmail={session.email} />
        ) : (
          <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Sign in as {invitation.email} to accept</ButtonLink>
        )}
      </div>
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <a href="/" className="text-lg font-semibold text-brand">
        Followthrough
      </a>
      <h1 className="mt-8 text-2xl font-semibold">{title}</h1>
      <div className="mt-3 text-slate-700">{children}</div>
    </main>
  );
}
