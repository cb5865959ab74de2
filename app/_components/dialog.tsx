"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { createContext, useCallback, useContext, useRef, useState, type ReactElement, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

const overlayClass = "fixed inset-0 z-40 bg-slate-900/40";
const contentClass =
  "fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl focus:outline-none";

/**
 * Radix returns focus to a dialog's own Trigger when it closes. A dialog opened without one (from
 * `useConfirm`, or controlled by `open`) would drop focus to the page: return it instead to what
 * had the focus when the dialog opened, if that is still on the page.
 */
function useReturnFocus(hasTrigger: boolean) {
  const returnTo = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event: Event) => {
      if (hasTrigger) return;
      event.preventDefault();
      const element = returnTo.current;
      returnTo.current = null;
      if (element?.isConnected) element.focus();
    },
  };
}

export type ConfirmOptions = {
  /** The question, as the dialog's title: "Delete this note?". */
  title: string;
  /** What follows from saying yes, beneath the title. */
  description?: ReactNode;
  /** The confirming button says what it does ("Delete note"), never just "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` (the default) for what cannot be undone: the confirming button is red. */
  tone?: "danger" | "default";
};

type ConfirmDialogProps = ConfirmOptions & {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  onConfirm: () => void;
  /** The button that opens the dialog; focus returns to it when the dialog closes. */
  trigger?: ReactElement;
};

/**
 * A modal question before a consequential action (Radix AlertDialog): focus moves into it and
 * stays there, Escape or "Cancel" closes it, and focus returns to where it was. The cancel button
 * takes the first focus, so Enter never confirms by accident.
 */
export function ConfirmDialog({ open, onOpenChange, onConfirm, trigger, title, description, confirmLabel, cancelLabel = "Cancel", tone = "danger" }: ConfirmDialogProps) {
  const returnFocus = useReturnFocus(Boolean(trigger));
  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <AlertDialogPrimitive.Trigger asChild>{trigger}</AlertDialogPrimitive.Trigger> : null}
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlayClass} />
        <AlertDialogPrimitive.Content className={contentClass} {...returnFocus} {...(description ? {} : { "aria-describedby": undefined })}>
          <AlertDialogPrimitive.Title className="text-lg font-semibold">{title}</AlertDialogPrimitive.Title>
          {description ? <AlertDialogPrimitive.Description className="mt-2 text-sm text-slate-700">{description}</AlertDialogPrimitive.Description> : null}
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialogPrimitive.Cancel asChild>
              <Button variant="secondary">{cancelLabel}</Button>
            </AlertDialogPrimitive.Cancel>
            <AlertDialogPrimitive.Action asChild>
              <Button variant={tone === "danger" ? "destructive" : "primary"} onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialogPrimitive.Action>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}

type Ask = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Ask | null>(null);

/** Lets any screen below it ask with `useConfirm()`; one dialog for the whole app. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<{ options: ConfirmOptions; resolve: (yes: boolean) => void } | null>(null);
  const ask = useCallback<Ask>((options) => new Promise<boolean>((resolve) => setRequest({ options, resolve })), []);
  // A promise settles once: after "confirm", the close that follows answers nothing more.
  const settle = (yes: boolean) => {
    request?.resolve(yes);
    setRequest(null);
  };
  return (
    <ConfirmContext value={ask}>
      {children}
      <ConfirmDialog
        {...(request?.options ?? { title: "", confirmLabel: "" })}
        open={request !== null}
        onOpenChange={(open) => {
          if (!open) settle(false);
        }}
        onConfirm={() => settle(true)}
      />
    </ConfirmContext>
  );
}

/**
 * `const confirm = useConfirm(); if (await confirm({ title: "Delete this note?", confirmLabel: "Delete note" })) …`:
 * the accessible replacement for `window.confirm`, answering true only on the confirming button.
 */
export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error("useConfirm needs a ConfirmProvider above it (the root layout has one).");
  return ask;
}

/**
 * A modal panel (Radix Dialog) with a title, an optional description and a "Close" button: focus
 * is trapped inside, Escape or a click outside closes it, focus returns to the trigger.
 */
export function Dialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  className,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  trigger?: ReactElement;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const returnFocus = useReturnFocus(Boolean(trigger));
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <DialogPrimitive.Trigger asChild>{trigger}</DialogPrimitive.Trigger> : null}
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlayClass} />
        <DialogPrimitive.Content className={cn(contentClass, className)} {...returnFocus} {...(description ? {} : { "aria-describedby": undefined })}>
          <div className="flex items-start justify-between gap-4">
            <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
            <DialogPrimitive.Close className="rounded-md px-2 py-1 text-sm text-slate-700 underline hover:bg-slate-100">Close</DialogPrimitive.Close>
          </div>
          {description ? <DialogPrimitive.Description className="mt-1 text-sm text-slate-700">{description}</DialogPrimitive.Description> : null}
          <div className="mt-4">{children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** Closes the surrounding `Dialog` (for a form's "Cancel" or after a save). */
export const DialogClose = DialogPrimitive.Close;
