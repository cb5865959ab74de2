import type { Metadata } from "next";
import { usesLocalOutbox } from "@/server/env";
import { devOutboxEnabled } from "@/server/dev-tools";

export const metadata: Metadata = { title: "Check your email" };
// Reads the runtime configuration (is there an email provider?), so it cannot be prerendered.
export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-semibold">Check your email</h1>
      <p className="mt-3 text-slate-700">
        If the address is right, a sign-in link is on its way. It works once and expires in 30 minutes.
      </p>
      {usesLocalOutbox() && devOutboxEnabled() ? (
        <p className="mt-4 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
          No email provider is configured, so emails land in the{" "}
          <a className="font-medium underline" href="/dev/outbox">
            development outbox
          </a>
          .
        </p>
      ) : null}
      <p className="mt-6 text-sm">
        <a className="text-brand underline" href="/sign-in">
          Use a different address
        </a>
      </p>
    </main>
  );
}
