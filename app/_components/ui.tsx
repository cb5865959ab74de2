import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";
import { useRegisteredDefault } from "./registered-default";

/*
 * The one set of components the screens use. Interactive primitives come from Radix (focus
 * management, Escape, outside clicks, screen-reader semantics) styled with the Tailwind tokens:
 * ConfirmDialog / useConfirm (never window.confirm), Dialog, DropdownMenu, useToast. `cn()` merges
 * class names so a screen's className overrides a component's default.
 */
export { cn } from "./cn";
export { Button, ButtonLink, buttonClass, type ButtonVariant } from "./button";
export { ConfirmDialog, ConfirmProvider, Dialog, DialogClose, useConfirm, type ConfirmOptions } from "./dialog";
export {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./menu";
export { ToastProvider, useToast, type ToastTone } from "./toast";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ title, children, className }: { title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cn("rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5", className)}>
      {title ? <h2 className="mb-3 text-base font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}

/** What an empty list means and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center">
      <p className="font-medium">{title}</p>
      {children ? <p className="mt-1 text-sm text-slate-600">{children}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

type LabelledProps = { label: string; name: string; error?: string; hint?: ReactNode; id?: string };

/** What a labelled control carries: its id and name, and its error or hint wired for screen readers. */
export type ControlAttributes = {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  /** The border turns red on an error. */
  borderClass: string;
};

/**
 * The label above a control and its error (announced) or hint beneath it, shared by Field, Select
 * and TextArea. The label is only the label text (not wrapped around the hint or error), so its
 * accessible name is exact.
 */
export function Labelled({ label, name, error, hint, id, control }: LabelledProps & { control: (attributes: ControlAttributes) => ReactNode }) {
  // Unique per rendered field: two forms on one page may share a field name (both post
  // "coachMembershipId"), and a shared id would leave the second control without its label.
  const generated = useId();
  const controlId = id ?? `${name}-${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <div>
      <label htmlFor={controlId} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {control({
        id: controlId,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${controlId}-error` : hint ? `${controlId}-hint` : undefined,
        borderClass: error ? "border-red-500" : "border-slate-300",
      })}
      <FieldMessage id={controlId} error={error} hint={hint} />
    </div>
  );
}

/** A labelled input with its error shown beneath it and announced to screen readers. */
export function Field({ label, name, error, hint, id, className, ...props }: ComponentProps<"input"> & LabelledProps) {
  const saved = useRegisteredDefault(name, props);
  return (
    <Labelled
      {...{ label, name, error, hint, id }}
      control={({ borderClass, ...attributes }) => (
        <input {...attributes} className={cn("block w-full rounded-lg border px-3 py-2 text-sm shadow-sm", borderClass, className)} {...saved} {...props} />
      )}
    />
  );
}

export function Select({ label, name, error, hint, id, children, className, ...props }: ComponentProps<"select"> & LabelledProps) {
  const saved = useRegisteredDefault(name, props);
  return (
    <Labelled
      {...{ label, name, error, hint, id }}
      control={({ borderClass, ...attributes }) => (
        <select {...attributes} className={cn("block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm", borderClass, className)} {...saved} {...props}>
          {children}
        </select>
      )}
    />
  );
}

/** A labelled multi-line input with its error beneath it, like `Field`. */
export function TextArea({ label, name, error, hint, id, className, ...props }: ComponentProps<"textarea"> & LabelledProps) {
  const saved = useRegisteredDefault(name, props);
  return (
    <Labelled
      {...{ label, name, error, hint, id }}
      control={({ borderClass, ...attributes }) => (
        <textarea {...attributes} className={cn("block w-full rounded-lg border px-3 py-2 text-sm shadow-sm", borderClass, className)} {...saved} {...props} />
      )}
    />
  );
}

/** The error (announced) or the hint beneath a field. */
export function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  if (error) {
    return (
      <span id={`${id}-error`} role="alert" className="mt-1 block text-sm text-red-700">
        {error}
      </span>
    );
  }
  return hint ? (
    <span id={`${id}-hint`} className="mt-1 block text-xs text-slate-600">
      {hint}
    </span>
  ) : null;
}

export function Notice({ tone = "info", children }: { tone?: "info" | "error" | "success"; children: ReactNode }) {
  const styles = { info: "border-sky-200 bg-sky-50 text-sky-900", error: "border-red-200 bg-red-50 text-red-900", success: "border-emerald-200 bg-emerald-50 text-emerald-900" };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm ${styles[tone]}`}>
      {children}
    </div>
  );
}
