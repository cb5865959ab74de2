"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, type ComponentProps } from "react";
import { FormProvider, get, useForm, type FieldErrors, type FieldValues, type Path, type SubmitHandler, type UseFormProps, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { useHydrated } from "./hydrated-form";
import { fieldErrors } from "./trpc";

/*
 * Every form is a react-hook-form form validated by a zod schema — the API's own input schema
 * where the fields are the API's fields, or a form schema beside the component where the form
 * asks differently (a date and a time that become one instant). The browser checks what it can
 * before sending; what only the server can judge comes back as field errors on the same fields
 * (`useServerErrors`). Values live in the form, so a refetch after saving never wipes what the
 * user is typing; a form that should show the saved values calls `form.reset(saved)` itself.
 */

/** `useForm` with a zod schema as its resolver; the submit handler receives the parsed output. */
export function useZodForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
  options: Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, "resolver"> = {},
): UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>> {
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({ ...options, resolver: zodResolver(schema) });
}

/**
 * A field checked by the API's own schema for it but sent as typed: for a field the API
 * transforms on arrival (a blank becomes null), whose transformed value it would not take again.
 */
export function checkedBy<TSchema extends z.ZodType>(schema: TSchema) {
  return z.custom<z.input<TSchema>>(() => true).superRefine((value, ctx) => {
    const result = schema.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });
}

/**
 * Puts a failed mutation's field errors on the form's fields (by path, "promises.1.description")
 * and returns what is left to show above the submit button: the message of an error that names
 * no field or a field the form does not have, or null. `rename` maps an API field to the form's field where the two differ (a
 * function for paths with an index: a list of strings held as objects, "tags.2" → "tags.2.text").
 */
export function useServerErrors<T extends FieldValues, TOutput>(
  form: UseFormReturn<T, unknown, TOutput>,
  error: unknown,
  rename: Record<string, Path<T>> | ((path: string) => string) = {},
): string | null {
  const { setError, getValues } = form;
  const formPath = (path: string) => (typeof rename === "function" ? rename(path) : (rename[path] ?? path));
  useEffect(() => {
    if (!error) return;
    const { fields: byPath } = fieldErrors(error);
    // Nested paths and their top-level names both arrive; set the most precise one of each.
    const paths = Object.keys(byPath).filter((path) => !Object.keys(byPath).some((other) => other !== path && other.startsWith(`${path}.`)));
    for (const path of paths) setError(formPath(path) as Path<T>, { type: "server", message: byPath[path] });
    // Runs once per failed attempt: the error object is what changes (`rename` is a literal).
  }, [error, setError]);
  const { message, fields } = fieldErrors(error);
  if (message) return message;
  // An error naming a field this form does not have ("interviewId": it has not ended yet) would show nowhere else.
  const orphan = Object.entries(fields).find(([path]) => !path.includes(".") && getValues(formPath(path) as Path<T>) === undefined);
  return orphan?.[1] ?? null;
}

/** The message of the error at a field's path, for a `Field`'s `error` prop. */
export function errorAt<T extends FieldValues>(errors: FieldErrors<T>, path: Path<T> | string): string | undefined {
  const found = get(errors, path) as { message?: unknown } | undefined;
  return typeof found?.message === "string" ? found.message : undefined;
}

/**
 * The error at a path or, failing that, the first one beneath it: for one input that holds a
 * list ("remote, dream job" becomes tags.0, tags.1), whose errors name an item.
 */
export function errorWithin<T extends FieldValues>(errors: FieldErrors<T>, path: Path<T> | string): string | undefined {
  return firstMessage(get(errors, path));
}

function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === "string") return message;
  // `ref` is the input element, not an error.
  for (const [key, inner] of Object.entries(error)) {
    const found = key === "ref" ? undefined : firstMessage(inner);
    if (found) return found;
  }
  return undefined;
}

/**
 * The form element for a `useZodForm` form. Its fields stay disabled until the page has
 * hydrated: the form library sets each field to its default when React takes over the server's
 * HTML, so anything typed earlier (a slow phone, a big bundle) would vanish; a disabled field
 * cannot be typed into, so nothing is lost. `display: contents` keeps the form's own layout.
 * It also provides the form to `useFormContext`, for a block of fields shared by two forms.
 */
export function Form<TInput extends FieldValues, TOutput>({
  form,
  onSubmit,
  children,
  ...props
}: Omit<ComponentProps<"form">, "onSubmit"> & { form: UseFormReturn<TInput, unknown, TOutput>; onSubmit: SubmitHandler<TOutput> }) {
  const hydrated = useHydrated();
  return (
    <FormProvider {...form}>
      <form noValidate {...props} onSubmit={form.handleSubmit(onSubmit)}>
        <fieldset disabled={!hydrated} aria-busy={!hydrated} className="contents">
          {children}
        </fieldset>
      </form>
    </FormProvider>
  );
}

/**
 * A select whose empty option ("Assign later", "None") means no value: "" becomes undefined,
 * anything else must pass the API's own field schema.
 */
export function emptyAsNone<T extends z.ZodType<string, string>>(field: T) {
  return z.union([z.literal(""), field]).transform((value) => value || undefined);
}
