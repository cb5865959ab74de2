import Link from "next/link";
import { ROLE_LABEL } from "@/lib/vocabulary";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { signOutAction } from "../sign-in/actions";

type Props = { org: AppRouterOutputs["org"]["get"]; me: AppRouterOutputs["me"]["get"] };

export function OrgHeader({ org, me }: Props) {
  const nav =
    org.role === "client"
      ? [
          { href: `/${org.slug}`, label: "Dashboard" },
          { href: `/${org.slug}/applications`, label: "Applications" },
          { href: `/${org.slug}/contacts`, label: "Contacts" },
          { href: `/${org.slug}/commitments`, label: "Promises" },
          { href: `/${org.slug}/drafts`, label: "Drafts" },
          { href: `/${org.slug}/profile`, label: "Profile" },
          { href: `/${org.slug}/data`, label: "Your data" },
        ]
      : [
          { href: `/${org.slug}/coach`, label: "Clients" },
          ...(org.role === "owner" ? [{ href: `/${org.slug}/admin`, label: "Admin" }] : []),
        ];
  const others = me.memberships.filter((m) => m.slug !== org.slug);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={`/${org.slug}`} className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: org.brandColor }} />
          {org.name}
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {nav.map((item) => (
            <Link key={item.href} href={item.href} className="text-slate-700 hover:text-brand">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <details className="relative">
            <summary className="flex max-w-[16rem] cursor-pointer list-none flex-col rounded-md border border-slate-300 px-3 py-1 text-right leading-tight hover:bg-slate-50">
              <span className="sr-only">Account menu. Signed in as </span>
              <span className="truncate font-medium">{me.user.name ?? me.user.email}</span>
              <span className="truncate text-xs text-slate-600" data-testid="current-org-role">
                {ROLE_LABEL[org.role]} at {org.name}
              </span>
            </summary>
            <div className="absolute right-0 z-10 mt-2 w-72 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
              <p className="truncate px-2 py-1 text-xs text-slate-500">{me.user.email}</p>
              <p className="px-2 py-1 text-xs font-semibold uppercase text-slate-500">Your organisations</p>
              <ul>
                <li className="rounded px-2 py-1.5 font-medium" aria-current="true">
                  {org.name} <span className="text-slate-500">({ROLE_LABEL[org.role]}, current)</span>
                </li>
                {others.map((m) => (
                  <li key={m.slug}>
                    <Link href={`/${m.slug}`} className="block rounded px-2 py-1.5 hover:bg-slate-50">
                      {m.name} <span className="text-slate-500">({ROLE_LABEL[m.role]})</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <Link href="/onboarding" className="mt-1 block rounded px-2 py-1.5 text-brand hover:bg-slate-50">
                Create an organisation
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="mt-1 w-full rounded px-2 py-1.5 text-left hover:bg-slate-50">
                  Sign out
                </button>
              </form>
            </div>
          </details>
        </div>
      </div>
    </header>
  );
}
