import Link from "next/link";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { AccountMenu } from "./account-menu";

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
          <AccountMenu org={org} me={me} />
        </div>
      </div>
    </header>
  );
}
