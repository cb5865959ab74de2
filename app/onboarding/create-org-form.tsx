"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrors, useTRPC } from "../_components/trpc";
import { Button, Field, Notice } from "../_components/ui";
import { HydratedForm } from "../_components/hydrated-form";

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);

export function CreateOrgForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useMutation(trpc.org.create.mutationOptions({ onSuccess: (org) => router.push(`/${org.slug}/admin`) }));
  const { message, fields } = fieldErrors(create.error);
  const timeZone = typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined;
  return (
    <HydratedForm
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ name, slug, timeZone });
      }}
    >
      <Field
        label="Practice name"
        name="name"
        value={name}
        required
        error={fields.name}
        onChange={(event) => {
          setName(event.target.value);
          if (!slugEdited) setSlug(slugify(event.target.value));
        }}
      />
      <Field
        label="Web address"
        name="slug"
        value={slug}
        required
        error={fields.slug}
        hint={`Your practice will live at /${slug || "your-practice"}`}
        onChange={(event) => {
          setSlugEdited(true);
          setSlug(event.target.value);
        }}
      />
      {message ? <Notice tone="error">{message}</Notice> : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organisation"}
      </Button>
    </HydratedForm>
  );
}
