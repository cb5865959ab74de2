"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, type ComponentProps } from "react";
import { get, useForm, type FieldErrors, type FieldValues, type Path, type SubmitHandler, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
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
 * Puts a failed mutation's field errors on the form's fields (by path, "promises.1.description")
 * and returns what is left to show above the submit button: the message of an error that names
 * no field, or null. `rename` maps an API field to the form's field where the two differ.
 */
export function useServerErrors<T extends FieldValues, TOutput>(form: UseFormReturn<T, unknown, TOutput>, error: unknown, rename: Record<string, Path<T>> = {}): string | null {
  const { setError } = form;
  useEffect(() => {
    if (!error) return;
    const { fields: byPath } = fieldErrors(error);
    // Nested paths and their top-level names both arrive; set the most precise one of each.
    const paths = Object.keys(byPath).filter((path) => !Object.keys(byPath).some((other) => other !== path && other.startsWith(`${path}.`)));
    for (const path of paths) setError((rename[path] ?? path) as Path<T>, { type: "server", message: byPath[path] });
    // Runs once per failed attempt: the error object is what changes (`rename` is a literal).
  }, [error, setError]);
  return fieldErrors(error).message;
}

/** The message of the error at a field's path, for a `Field`'s `error` prop. */
export function errorAt<T extends FieldValues>(errors: FieldErrors<T>, path: Path<T> | string): string | undefined {
  const found = get(errors, path) as { message?: unknown } | undefined;
  return typeof found?.message === "string" ? found.message : undefined;
}

/**
 * The form element for a `useZodForm` form. Its fields stay disabled until the page has
 * hydrated: the form library sets each field to its default when React takes over the server's
 * HTML, so anything typed earlier (a slow phone, a big bundle) would vanish; a disabled field
 * cannot be typed into, so nothing is lost. `display: contents` keeps the form's own layout.
 */
export function Form<TInput extends FieldValues, TOutput>({
  form,
  onSubmit,
  children,
  ...props
}: Omit<ComponentProps<"form">, "onSubmit"> & { form: UseFormReturn<TInput, unknown, TOutput>; onSubmit: SubmitHandler<TOutput> }) {
  const hydrated = useHydrated();
  return (
    <form noValidate {...props} onSubmit={form.handleSubmit(onSubmit)}>
      <fieldset disabled={!hydrated} aria-busy={!hydrated} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
