"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { ZCreateContactInput, ZLinkContactInput } from "@/server/services/contacts/schemas";
import { ZIsoDate } from "@/server/services/interviews/schemas";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { errorAt, Form, useServerErrors, useZodForm } from "../../_components/form";
import { useTRPC } from "../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, Select, TextArea } from "../../_components/ui";
import { When } from "../../_components/when";

type ListOutput = AppRouterOutputs["contact"]["list"];
type Contact = ListOutput["contacts"][number];
type Company = ListOutput["companies"][number];
type Role = Contact["role"];

const ROLES: Array<[Role, string]> = [
  ["interviewer", "Interviewer"],
  ["recruiter", "Recruiter"],
  ["referrer", "Referrer"],
  ["peer", "Peer"],
  ["other", "Other"],
];
const ROLE_LABEL = Object.fromEntries(ROLES) as Record<Role, string>;

type Props = { orgSlug: string; clientId?: string; canEdit: boolean; viewerTimeZone: string };

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.contact.list.queryKey() });
}

export function ContactsPanel({ orgSlug, clientId, canEdit, viewerTimeZone }: Props) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const deferredSearch = useDeferredValue(search.trim());
  const filtered = deferredSearch !== "" || role !== "";
  // The page prefetched everyone; a search keeps the list on screen until its answer arrives.
  const query = useQuery(
    trpc.contact.list.queryOptions({ orgSlug, clientId, search: deferredSearch || undefined, role: role || undefined }, { placeholderData: keepPreviousData }),
  );
  const [adding, setAdding] = useState(false);
  const data = query.data;
  if (!data) {
    return query.isError ? (
      <Notice tone="error">{query.error.message}</Notice>
    ) : (
      <p className="text-sm text-slate-500" aria-live="polite">
        Loading your contacts…
      </p>
    );
  }

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="min-w-0 space-y-4 lg:col-span-2">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Field label="Search contacts" name="search" type="search" value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} hint="Name, email, title or company." />
          </div>
          <div className="sm:w-48">
            <Select label="Role" name="roleFilter" value={role} onChange={(e) => setRole(e.target.value as Role | "")}>
              <option value="">Everyone</option>
              {ROLES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
        </div>
        {query.isError ? <Notice tone="error">{query.error.message}</Notice> : null}
        <p className="sr-only" aria-live="polite">
          {query.isFetching ? "Searching…" : `${data.contacts.length} contacts shown`}
        </p>
        {data.contacts.length === 0 ? (
          filtered ? (
            <EmptyState title="No one matches">Try another name, or clear the role filter.</EmptyState>
          ) : (
            <EmptyState title="No contacts yet" action={canEdit ? <Button onClick={() => setAdding(true)}>Add your first contact</Button> : undefined}>
              Interviewers you schedule are added here automatically. Add recruiters and friends who could introduce you.
            </EmptyState>
          )
        ) : (
          <ul className="space-y-3">
            {data.contacts.map((contact) => (
              <ContactItem
                key={contact.id}
                orgSlug={orgSlug}
                contact={contact}
                everyone={data.contacts}
                companies={data.companies}
                canEdit={canEdit}
                viewerTimeZone={viewerTimeZone}
              />
            ))}
          </ul>
        )}
      </div>
      {canEdit ? (
        <div>
          <Card title="Add a contact">
            {adding || data.contacts.length > 0 ? (
              <ContactForm orgSlug={orgSlug} companies={data.companies} onDone={() => setAdding(false)} />
            ) : (
              <Button onClick={() => setAdding(true)}>Add a contact</Button>
            )}
          </Card>
        </div>
      ) : null}
    </div>
  );
}

function ContactItem({
  orgSlug,
  contact,
  everyone,
  companies,
  canEdit,
  viewerTimeZone,
}: {
  orgSlug: string;
  contact: Contact;
  everyone: Contact[];
  companies: Company[];
  canEdit: boolean;
  viewerTimeZone: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [mode, setMode] = useState<"view" | "edit" | "link">("view");
  const unlink = useMutation(trpc.contact.unlink.mutationOptions({ onSuccess: refresh }));
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 className="font-semibold">{contact.name}</h2>
          <p className="text-sm text-slate-600">
            {[contact.title, contact.companyName].filter(Boolean).join(" at ") || "No title or company yet"} · {ROLE_LABEL[contact.role]}
          </p>
          <p className="mt-1 break-words text-sm">
            {contact.email ? (
              <a href={`mailto:${contact.email}`} className="text-brand hover:underline">
                {contact.email}
              </a>
            ) : null}
            {contact.email && contact.phone ? " · " : null}
            {contact.phone ? <a href={`tel:${contact.phone}`} className="text-brand hover:underline">{contact.phone}</a> : null}
          </p>
          {contact.howWeKnow ? <p className="mt-1 text-sm text-slate-600">How you know them: {contact.howWeKnow}</p> : null}
          <p className="mt-1 text-xs text-slate-500">
            Last in touch: {contact.lastContactedAt ? <When date={contact.lastContactedAt} timeZone={viewerTimeZone} dateOnly /> : "not recorded"}
          </p>
          {contact.notes ? <p className="mt-2 whitespace-pre-line text-sm">{contact.notes}</p> : null}
        </div>
        {canEdit && mode === "view" ? (
          <div className="flex shrink-0 gap-2">
            <Button variant="secondary" onClick={() => setMode("edit")} aria-label={`Edit ${contact.name}`}>
              Edit
            </Button>
            <Button variant="secondary" onClick={() => setMode("link")} aria-label={`Record who ${contact.name} knows`}>
              Knows…
            </Button>
          </div>
        ) : null}
      </div>

      {contact.knows.length > 0 ? (
        <div className="mt-3">
          <p className="text-xs font-semibold uppercase text-slate-500">Knows</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {contact.knows.map((link) => (
              <li key={link.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm">
                <span>
                  {link.knowsCompanyId ? `someone at ${link.name}` : link.name}
                  {link.note ? <span className="text-slate-600"> · {link.note}</span> : null}
                </span>
                {canEdit ? (
                  <button
                    type="button"
                    className="ml-1 rounded px-1 text-slate-600 hover:text-red-700"
                    aria-label={`Remove the link between ${contact.name} and ${link.name}`}
                    onClick={() => unlink.mutate({ orgSlug, linkId: link.id })}
                  >
                    ×
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {unlink.error ? <Notice tone="error">{unlink.error.message}</Notice> : null}

      {mode === "edit" ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <ContactForm orgSlug={orgSlug} companies={companies} contact={contact} onDone={() => setMode("view")} />
        </div>
      ) : null}
      {mode === "link" ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <LinkForm orgSlug={orgSlug} contact={contact} everyone={everyone} companies={companies} onDone={() => setMode("view")} />
        </div>
      ) : null}
    </li>
  );
}

const contactApi = ZCreateContactInput.shape;

/** A contact as the form holds it: the API's fields, with "none" for a blank company and a day for the last contact. */
const ZContactForm = z.object({
  name: contactApi.name,
  email: contactApi.email,
  phone: contactApi.phone,
  title: contactApi.title,
  role: contactApi.role.unwrap(),
  howWeKnow: contactApi.howWeKnow,
  notes: contactApi.notes,
  companyId: z.uuid().or(z.literal("")).transform((value) => value || null),
  // A date is enough here; noon UTC keeps it the same day wherever it is read.
  lastContactedAt: ZIsoDate.or(z.literal("")).transform((day) => (day ? new Date(`${day}T12:00:00Z`) : null)),
});
type ContactValues = z.input<typeof ZContactForm>;

function ContactForm({ orgSlug, companies, contact, onDone }: { orgSlug: string; companies: Company[]; contact?: Contact; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const blank: ContactValues = { name: "", email: "", phone: "", title: "", companyId: "", role: "other", howWeKnow: "", lastContactedAt: "", notes: "" };
  const form = useZodForm(ZContactForm, {
    defaultValues: contact
      ? {
          name: contact.name,
          email: contact.email ?? "",
          phone: contact.phone ?? "",
          title: contact.title ?? "",
          companyId: contact.companyId ?? "",
          role: contact.role,
          howWeKnow: contact.howWeKnow ?? "",
          lastContactedAt: contact.lastContactedAt ? contact.lastContactedAt.toISOString().slice(0, 10) : "",
          notes: contact.notes ?? "",
        }
      : blank,
  });
  const { errors } = form.formState;
  const onSuccess = async () => {
    await refresh();
    // The add form is ready for the next person; its role and company often repeat.
    if (!contact) form.reset({ ...blank, role: form.getValues("role"), companyId: form.getValues("companyId") });
    onDone();
  };
  const create = useMutation(trpc.contact.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.contact.update.mutationOptions({ onSuccess }));
  const pending = create.isPending || update.isPending;
  const message = useServerErrors(form, contact ? update.error : create.error);

  function submit(values: z.output<typeof ZContactForm>) {
    if (contact) update.mutate({ orgSlug, ...values, contactId: contact.id });
    else create.mutate({ orgSlug, ...values });
  }

  return (
    <Form form={form} onSubmit={submit} className="space-y-3">
      <Field label="Name" maxLength={120} {...form.register("name")} error={errorAt(errors, "name")} required />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Email" type="email" maxLength={254} {...form.register("email")} error={errorAt(errors, "email")} />
        <Field label="Phone" type="tel" maxLength={40} {...form.register("phone")} error={errorAt(errors, "phone")} />
        <Field label="Job title" maxLength={120} {...form.register("title")} error={errorAt(errors, "title")} />
        <Select label="Role" {...form.register("role")} error={errorAt(errors, "role")}>
          {ROLES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Select label="Company" {...form.register("companyId")} error={errorAt(errors, "companyId")}>
          <option value="">None</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </Select>
        <Field label="Last in touch" type="date" {...form.register("lastContactedAt")} error={errorAt(errors, "lastContactedAt")} />
      </div>
      <Field label="How you know them" maxLength={500} {...form.register("howWeKnow")} error={errorAt(errors, "howWeKnow")} />
      <TextArea label="Notes" rows={3} maxLength={5000} {...form.register("notes")} error={errorAt(errors, "notes")} />
      {message ? <Notice tone="error">{message}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : contact ? "Save changes" : "Add contact"}
        </Button>
        {contact ? (
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </Form>
  );
}

/** One list of people and companies ("person:…", "company:…") that becomes the API's two fields. */
const ZLinkForm = z
  .object({
    target: z.string().regex(/^(person|company):/, "Choose either a person or a company they know."),
    note: ZLinkContactInput.shape.note,
  })
  .transform(({ target, note }) => {
    const [kind, id = ""] = target.split(":");
    return { knowsContactId: kind === "person" ? id : null, knowsCompanyId: kind === "company" ? id : null, note };
  });

function LinkForm({ orgSlug, contact, everyone, companies, onDone }: { orgSlug: string; contact: Contact; everyone: Contact[]; companies: Company[]; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useZodForm(ZLinkForm, { defaultValues: { target: "", note: "" } });
  const { errors } = form.formState;
  const target = useWatch({ control: form.control, name: "target" });
  const link = useMutation(trpc.contact.link.mutationOptions({ onSuccess: async () => { await refresh(); onDone(); } }));
  // Whom they know is one choice here, two fields in the API.
  const message = useServerErrors(form, link.error, { knowsContactId: "target", knowsCompanyId: "target" });
  const others = everyone.filter((c) => c.id !== contact.id);

  return (
    <Form form={form} onSubmit={(values) => link.mutate({ orgSlug, contactId: contact.id, ...values })} className="space-y-3">
      <Select label={`${contact.name} knows`} {...form.register("target")} error={errorAt(errors, "target")}>
        <option value="">Choose a person or a company…</option>
        {others.length > 0 ? (
          <optgroup label="People">
            {others.map((c) => (
              <option key={c.id} value={`person:${c.id}`}>
                {c.name}
                {c.companyName ? ` (${c.companyName})` : ""}
              </option>
            ))}
          </optgroup>
        ) : null}
        {companies.length > 0 ? (
          <optgroup label="Companies">
            {companies.map((c) => (
              <option key={c.id} value={`company:${c.id}`}>
                Someone at {c.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </Select>
      <Field label="How they know each other" maxLength={500} {...form.register("note")} error={errorAt(errors, "note")} />
      {message ? <Notice tone="error">{message}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={!target || link.isPending}>
          {link.isPending ? "Saving…" : "Save"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
