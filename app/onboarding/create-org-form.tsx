"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useWatch } from "react-hook-form";
import { ZCreateOrgInput } from "@/server/services/org/schemas";
import { errorAt, Form, useServerErrors, useZodForm } from "../_components/form";
import { useTRPC } from "../_components/trpc";
import { Button, Field, Notice } from "../_components/ui";

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);

/** What the person types; the practice's time zone is their device's. */
const ZCreateOrgForm = ZCreateOrgInput.pick({ name: true, slug: true });

export function CreateOrgForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZCreateOrgForm, { defaultValues: { name: "", slug: "" } });
  const slug = useWatch({ control: form.control, name: "slug" });
  const slugEdited = useRef(false);
  const create = useMutation(trpc.org.create.mutationOptions({ onSuccess: (org) => router.push(`/${org.slug}/admin`) }));
  const message = useServerErrors(form, create.error);
  const { errors } = form.formState;
  return (
    <Form
      form={form}
      className="space-y-4"
      onSubmit={(values) => create.mutate({ ...values, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
    >
      <Field
        label="Practice name"
        required
        {...form.register("name", {
          // The web address follows the name until the person edits it.
          onChange: (event: { target: { value: string } }) => {
            if (!slugEdited.current) form.setValue("slug", slugify(event.target.value));
          },
        })}
        error={errorAt(errors, "name")}
      />
      <Field label="Web address" required {...form.register("slug", { onChange: () => (slugEdited.current = true) })} error={errorAt(errors, "slug")} hint={`Your practice will live at /${slug || "your-practice"}`} />
      {message ? <Notice tone="error">{message}</Notice> : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organisation"}
      </Button>
    </Form>
  );
}
