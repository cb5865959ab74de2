import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession } from "@/server/auth";
import { CreateOrgForm } from "./create-org-form";

export const metadata: Metadata = { title: "Create your organisation" };

export default async function OnboardingPage() {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/onboarding");
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <h1 className="text-2xl font-semibold">Create your coaching practice</h1>
      <p className="mt-2 text-sm text-slate-600">
        You&apos;ll be its owner: invite coaches and clients, and set the follow-up policy. Joining someone else&apos;s practice? Use
        the link in your invitation email instead.
      </p>
      <div className="mt-6">
        <CreateOrgForm />
      </div>
    </main>
  );
}
