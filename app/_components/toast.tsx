"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

export type ToastTone = "success" | "error" | "info";
type Toast = { id: number; message: string; tone: ToastTone };
type Show = (message: string, options?: { tone?: ToastTone }) => void;

const ToastContext = createContext<Show | null>(null);

const TONE: Record<ToastTone, string> = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  error: "border-red-200 bg-red-50 text-red-900",
  info: "border-sky-200 bg-sky-50 text-sky-900",
};

/**
 * Short messages after an action ("Saved."), shown at the bottom right for five seconds (longer
 * while hovered or focused) and announced to screen readers (Radix Toast; F8 moves focus to them).
 * An error toast interrupts the screen reader; the others wait their turn.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const show = useCallback<Show>((message, options) => {
    next.current += 1;
    const id = next.current;
    setToasts((all) => [...all, { id, message, tone: options?.tone ?? "success" }]);
  }, []);
  return (
    <ToastPrimitive.Provider label="Notification" duration={5000}>
      <ToastContext value={show}>{children}</ToastContext>
      {toasts.map((toast) => (
        <ToastPrimitive.Root
          key={toast.id}
          type={toast.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => {
            if (!open) setToasts((all) => all.filter((t) => t.id !== toast.id));
          }}
          className={cn("flex items-start justify-between gap-3 rounded-lg border px-4 py-3 text-sm shadow-md", TONE[toast.tone])}
        >
          <ToastPrimitive.Description>{toast.message}</ToastPrimitive.Description>
          <ToastPrimitive.Close className="rounded px-1 text-xs font-medium underline" aria-label="Dismiss notification">
            Dismiss
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className="fixed bottom-4 right-4 z-50 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2 outline-none" />
    </ToastPrimitive.Provider>
  );
}

/** `const toast = useToast(); toast("Saved.")` — or `toast(message, { tone: "error" })`. */
export function useToast(): Show {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a ToastProvider above it (the root layout has one).");
  return show;
}
