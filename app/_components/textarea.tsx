import type { ComponentProps } from "react";
import { FieldMessage } from "./ui";

/** A labelled multi-line input with its error beneath it, like `Field`. */
export function TextArea({ label, name, error, hint, id, ...props }: ComponentProps<"textarea"> & { label: string; name: string; error?: string; hint?: string }) {
  const inputId = id ?? name;
  const describedBy = error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        name={name}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-lg border px-3 py-2 text-sm shadow-sm ${error ? "border-red-500" : "border-slate-300"}`}
        {...props}
      />
      <FieldMessage id={inputId} error={error} hint={hint} />
    </div>
  );
}
