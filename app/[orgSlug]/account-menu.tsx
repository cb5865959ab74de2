"use client";

import Link from "next/link";
import { useTransition } from "react";
import { ROLE_LABEL } from "@/lib/vocabulary";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { signOutAction } from "../sign-in/actions";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "../_components/ui";

type Org = AppRouterOutputs["org"]["get"];
type Me = AppRouterOutputs["me"]["get"];


/**
 * Who is signed in and where, behind one button: the other organisations to switch to, a new
 * organisation, and signing out. A menu (Radix): arrow keys move, Escape or a click outside closes.
 */
export function AccountMenu({ org, me }: { org: Org; me: Me }) {
  const [signingOut, startSignOut] = useTransition();
  const others = me.memberships.filter((m) => m.slug !== org.slug);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex max-w-[16rem] flex-col rounded-md border border-slate-300 px-3 py-1 text-right leading-tight hover:bg-slate-50">
        <span className="sr-only">Account menu. Signed in as </span>
        <span className="truncate font-medium">{me.user.name ?? me.user.email}</span>
        <span className="truncate text-xs text-slate-600" data-testid="current-org-role">
          {ROLE_LABEL[org.role]} at {org.name}
        </span>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel className="truncate font-normal normal-case">{me.user.email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>Your organisations</DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <Link href={`/${org.slug}`} aria-current="page" className="font-medium">
            {org.name} <span className="font-normal text-slate-600">({ROLE_LABEL[org.role]}, current)</span>
          </Link>
        </DropdownMenuItem>
        {others.map((m) => (
          <DropdownMenuItem key={m.slug} asChild>
            <Link href={`/${m.slug}`}>
              {m.name} <span className="text-slate-600">({ROLE_LABEL[m.role]})</span>
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/onboarding" className="text-brand">
            Create an organisation
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem disabled={signingOut} onSelect={() => startSignOut(() => signOutAction())}>
          {signingOut ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
