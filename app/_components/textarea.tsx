import type { ComponentProps } from "react";
import { Labelled } from "./ui";

/** A labelled multi-line input with its error beneath it, like `Field`. */
export function TextArea({ label, name, error, hint, id, ...props }: ComponentProps<"textarea"> & { label: string; name: string; error?: string; hint?: string }) {
  return (
    <Labelled
      {...{ label, name, error, hint, id }}
      control={({ borderClass, ...attributes }) => (
        <textarea {...attributes} className={`block w-full rounded-lg border px-3 py-2 text-sm shadow-sm ${borderClass}`} {...props} />
      )}
    />
  );
}
