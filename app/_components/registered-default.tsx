"use client";

import { get, useFormContext } from "react-hook-form";

/**
 * The saved value a form field starts with, for the server's HTML. A react-hook-form field is
 * uncontrolled: the library writes its value into the input only once the page runs, so without
 * this the page would arrive with every field blank until then (the fields are disabled until
 * hydration, so nothing typed is lost either way). Only inside a `Form` and only for a field
 * that does not set its own value; checkboxes and radios carry `checked`, not a value, and are
 * left alone.
 */
export function useRegisteredDefault(name: string, props: { value?: unknown; defaultValue?: unknown; type?: string }): { defaultValue?: string | number } {
  const form = useFormContext();
  if (!form || props.value !== undefined || props.defaultValue !== undefined || props.type === "checkbox" || props.type === "radio" || props.type === "file") return {};
  const saved: unknown = get(form.formState.defaultValues ?? {}, name);
  return typeof saved === "string" || typeof saved === "number" ? { defaultValue: saved } : {};
}
