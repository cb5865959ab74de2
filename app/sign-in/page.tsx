import type { Metadata } from "next";
import { demoPeople } from "@/db/seed";
import { demoSignInEnabled } from "@/server/env";
import { signInAsDemoPerson } from "./actions";
import { safeCallbackPath } from "@/server/canonical-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const callback = safeCallbackPath(callbackUrl);
  const demo = demoSignInEnabled() ? demoPeople() : [];
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <a href="/" className="text-lg font-semibold text-brand">
        Followthrough
      </a>
      <h1 className="mt-8 text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600">
        Enter your email and we&apos;ll send you a link that signs you in. No password to remember.
      </p>
      <div className="mt-6">
        <SignInForm callbackUrl={callback} />
      </div>
      {demo.length > 0 ? (
        <section className="mt-10" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            Demo people
          </h2>
          <p className="mt-1 text-sm text-slate-600">This is a demo: sign in as anyone below with one click.</p>
          <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {demo.map((person) => (
              <li key={person.email}>
                <form action={signInAsDemoPerson} className="flex items-center justify-between gap-3 px-4 py-2">
                  <input type="hidden" name="email" value={person.email} />
                  {/* The person was chosen in one organisation: land there unless a link asked for a page. */}
                  <input type="hidden" name="callbackUrl" value={callback === "/" ? `/${person.orgSlug}` : callback} />
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium">{person.name}</span>
                    <span className="block truncate text-xs text-slate-500">{person.label}</span>
                  </span>
                  <button type="submit" className="shrink-0 rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50">
                    Sign in as {person.name.split(" ")[0]}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
