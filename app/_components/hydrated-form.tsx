"use client";

import { useSyncExternalStore, type ComponentProps } from "react";

const subscribe = () => () => {};

/** False in the server's HTML and during hydration, true once React owns the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A form whose fields stay disabled until the page has hydrated. React sets controlled inputs to
 * their state when it takes over the server's HTML, so anything typed before then (a slow phone,
 * a big bundle) would be wiped without a trace; disabled fields cannot be typed into, so nothing
 * is lost. `display: contents` keeps the form's own grid or spacing.
 */
export function HydratedForm({ children, ...props }: ComponentProps<"form">) {
  const hydrated = useHydrated();
  return (
    <form {...props}>
      <fieldset disabled={!hydrated} aria-busy={!hydrated} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
