"use client";

import { useEffect, useRef } from "react";

/**
 * React refuses `javascript:` links in `href` (rightly: it blocks injected script), so the
 * bookmarklet's address, which we build ourselves, is set on the element after it renders.
 */
export function BookmarkletLink({ href }: { href: string }) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    link.current?.setAttribute("href", href);
  }, [href]);
  return (
    <div className="space-y-3">
      <a
        ref={link}
        onClick={(event) => event.preventDefault()}
        className="inline-flex min-h-10 cursor-grab items-center rounded-lg bg-brand px-4 py-2 text-sm font-medium text-white shadow"
        title="Drag me to your bookmarks bar"
      >
        ★ Save to Followthrough
      </a>
      <details>
        <summary className="cursor-pointer text-sm text-slate-600">Copy the link instead</summary>
        <textarea readOnly rows={3} value={href} aria-label="Bookmarklet link" className="mt-2 block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs" onFocus={(event) => event.target.select()} />
      </details>
    </div>
  );
}
