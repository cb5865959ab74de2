/**
 * The "Save to Followthrough" bookmarklet. On a job page it collects the page's JSON-LD, meta tags
 * and microdata (the same shape `pageDataFromHtml` reads on the server), opens our new-application
 * page, and hands the data over with postMessage once that page says it is ready — addressed to our
 * origin only, so no other site receives it. Reading happens in our page with `extractPosting`.
 *
 * Kept as plain JavaScript text (not a compiled function) so what is dragged to the bookmarks bar
 * is exactly this.
 */

export const BOOKMARKLET_MESSAGES = { ready: "followthrough:ready", posting: "followthrough:posting" } as const;

const SOURCE = `(() => {
  const d = document;
  const value = (c) => {
    const t = c.tagName.toLowerCase();
    if (t === "meta") return c.getAttribute("content") || "";
    if (t === "a" || t === "link" || t === "area") return c.href;
    if (["img", "audio", "video", "source", "iframe", "embed"].includes(t)) return c.src;
    if (t === "time") return c.getAttribute("datetime") || c.textContent;
    if (c.hasAttribute("content")) return c.getAttribute("content");
    return (c.getAttribute("itemprop") || "").includes("description") ? c.innerHTML : c.textContent.trim();
  };
  const item = (el, depth) => {
    const o = { type: el.getAttribute("itemtype") || "", properties: {} };
    const walk = (n) => {
      for (const c of n.children) {
        const names = (c.getAttribute("itemprop") || "").split(/\\s+/).filter(Boolean);
        const nested = c.hasAttribute("itemscope");
        if (names.length) {
          const v = nested && depth < 5 ? item(c, depth + 1) : value(c);
          for (const p of names) (o.properties[p] = o.properties[p] || []).push(v);
        }
        if (!nested) walk(c);
      }
    };
    walk(el);
    return o;
  };
  const meta = {};
  d.querySelectorAll("meta[property],meta[name]").forEach((m) => {
    const k = (m.getAttribute("property") || m.getAttribute("name")).toLowerCase();
    if (!(k in meta)) meta[k] = m.getAttribute("content") || "";
  });
  const page = {
    url: location.href,
    title: d.title,
    jsonLd: [...d.querySelectorAll('script[type="application/ld+json"]')].slice(0, 20).map((s) => s.textContent),
    meta,
    microdata: [...d.querySelectorAll("[itemscope]")].filter((e) => !(e.parentElement && e.parentElement.closest("[itemscope]"))).slice(0, 50).map((e) => item(e, 0)),
  };
  const target = TARGET + encodeURIComponent(location.href);
  const w = window.open(target, "_blank");
  if (!w) { location.href = target; return; }
  const listen = (e) => {
    if (e.source === w && e.origin === ORIGIN && e.data && e.data.type === "${BOOKMARKLET_MESSAGES.ready}") {
      w.postMessage({ type: "${BOOKMARKLET_MESSAGES.posting}", page }, ORIGIN);
      removeEventListener("message", listen);
    }
  };
  addEventListener("message", listen);
})();`;

/** The bookmarklet for one organisation of this app; `appUrl` comes from configuration, never from a request. */
export function bookmarkletHref(appUrl: string, orgSlug: string): string {
  const origin = new URL(appUrl).origin;
  const target = `${origin}/${encodeURIComponent(orgSlug)}/applications/new?capture=bookmarklet&url=`;
  const code = SOURCE.replace("TARGET", JSON.stringify(target)).replaceAll("ORIGIN", JSON.stringify(origin));
  return `javascript:${encodeURIComponent(code.replace(/\n\s*/g, " "))}`;
}
