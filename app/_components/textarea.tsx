import type { ComponentProps } from "react";

/** A labelled multi-line input with its error beneath it, like `Field`. */
export function TextArea({ label, name, error, hint, ...props }: ComponentProps<"textarea"> & { label: string; name: string; error?: string; hint?: string }) {
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium text-slate-800">{label}</span>
      <textarea
        name={name}
        id={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-lg border px-3 py-2 text-sm shadow-sm ${error ? "border-red-500" : "border-slate-300"}`}
        {...props}
      />
      {error ? (
        <span id={`${name}-error`} role="alert" className="mt-1 block text-sm text-red-700">
          {error}
        </span>
      ) : hint ? (
        <span id={`${name}-hint`} className="mt-1 block text-xs text-slate-500">
          {hint}
        </span>
      ) : null}
    </label>
  );
}
