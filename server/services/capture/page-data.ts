import { DomUtils, parseDocument } from "htmlparser2";
import type { MicrodataItem, PageData } from "./extract";

type Element = ReturnType<typeof DomUtils.findAll>[number];

/** Caps the work one page can cause: nested items, scripts read. */
const MAX_ITEMS = 50;
const MAX_SCRIPTS = 20;

/** A fetched page's HTML read into what the extractor needs (the server's side of the bookmarklet). */
export function pageDataFromHtml(html: string, url: string): PageData {
  const document = parseDocument(html);
  const all = (test: (e: Element) => boolean) => DomUtils.findAll(test, document.children);
  const jsonLd = all((e) => e.name === "script" && (e.attribs.type ?? "").toLowerCase().trim() === "application/ld+json")
    .slice(0, MAX_SCRIPTS)
    .map((e) => DomUtils.textContent(e));
  const meta: Record<string, string> = {};
  for (const e of all((e) => e.name === "meta")) {
    const key = (e.attribs.property ?? e.attribs.name ?? "").toLowerCase();
    if (key && e.attribs.content !== undefined && !(key in meta)) meta[key] = e.attribs.content;
  }
  const title = all((e) => e.name === "title")[0];
  const topItems = all((e) => "itemscope" in e.attribs && !hasItemScopeAncestor(e)).slice(0, MAX_ITEMS);
  return { url, title: title ? DomUtils.textContent(title) : "", jsonLd, meta, microdata: topItems.map((e) => readItem(e, 0)) };
}

function hasItemScopeAncestor(element: Element): boolean {
  for (let parent = element.parent; parent && "attribs" in parent; parent = parent.parent) {
    if ("itemscope" in (parent as Element).attribs) return true;
  }
  return false;
}

/** Microdata as the HTML spec reads it: itemprop values under an itemscope, nested scopes as items. */
function readItem(scope: Element, depth: number): MicrodataItem {
  const item: MicrodataItem = { type: scope.attribs.itemtype ?? "", properties: {} };
  const visit = (nodes: Element["children"]) => {
    for (const node of nodes) {
      if (node.type !== "tag" && node.type !== "script" && node.type !== "style") continue;
      const element = node as Element;
      const names = (element.attribs.itemprop ?? "").split(/\s+/).filter(Boolean);
      const nested = "itemscope" in element.attribs;
      if (names.length > 0) {
        const value = nested && depth < 5 ? readItem(element, depth + 1) : propertyValue(element);
        for (const name of names) (item.properties[name] ??= []).push(value);
      }
      if (!nested) visit(element.children);
    }
  };
  visit(scope.children);
  return item;
}

function propertyValue(element: Element): string {
  const a = element.attribs;
  if (element.name === "meta") return a.content ?? "";
  if (["a", "link", "area"].includes(element.name)) return a.href ?? "";
  if (["img", "audio", "video", "source", "embed", "iframe"].includes(element.name)) return a.src ?? "";
  if (element.name === "time") return a.datetime ?? DomUtils.textContent(element);
  if (a.content !== undefined) return a.content;
  // Descriptions keep their markup, so paragraphs survive htmlToText.
  return a.itemprop?.includes("description") ? DomUtils.getInnerHTML(element) : DomUtils.textContent(element).trim();
}
