"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "../../_components/trpc";
import { Button, Notice } from "../../_components/ui";
import { signOutAction } from "../../sign-in/actions";

export function AcceptInvitation({ token, invitedEmail, signedInEmail }: { token: string; invitedEmail: string; signedInEmail: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.invitation.accept.mutationOptions({ onSuccess: (result) => router.push(`/${result.orgSlug}`) }));
  if (invitedEmail !== signedInEmail.toLowerCase()) {
    return (
      <div className="space-y-4">
        <Notice tone="error">
          You are signed in as {signedInEmail}, but this invitation is for {invitedEmail}. Sign out, then sign in with the invited
          address.
        </Notice>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </form>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {accept.error ? <Notice tone="error">{accept.error.message}</Notice> : null}
      <Button type="button" onClick={() => accept.mutate({ token })} disabled={accept.isPending}>
        {accept.isPending ? "Joining…" : "Accept invitation"}
      </Button>
    </div>
  );
}
