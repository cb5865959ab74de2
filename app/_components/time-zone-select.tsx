"use client";

import { useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { canonicalTimeZone, timeZoneChoices, type TimeZoneChoice } from "@/server/validation/time-zone";
import { FieldMessage } from "./ui";

/**
 * The browser's zones, canonical (Asia/Kolkata, never Asia/Calcutta) and with UTC, each with its
 * current UTC offset. Read in the browser only: the server's list and clock can differ from the
 * browser's, and a different list would break hydration.
 */
let browserChoices: { zones: TimeZoneChoice[]; own: string | null } | null = null;
const readBrowserChoices = () =>
  (browserChoices ??= {
    zones: timeZoneChoices(new Date()),
    own: canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone),
  });
const noChoices = { zones: [] as TimeZoneChoice[], own: null };
const subscribe = () => () => {};

const MAX_SHOWN = 60;

/** Every word must match the name or the offset: "kolk", "new york", "+5:30", "utc-3", "london". */
function matches(choice: TimeZoneChoice, query: string): boolean {
  const ascii = choice.offset.replace("−", "-").replace("±", "+");
  const haystack = `${choice.id.replaceAll("_", " ")} ${ascii} ${ascii.replace(/([+-])0/, "$1")}`.toLowerCase();
  return query
    .toLowerCase()
    .replace("−", "-")
    .replace(/[_/]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * One picker for every place a zone is chosen: type to search, the browser's own zone first, then
 * UTC, then every zone by offset. A combobox (ARIA 1.2): arrows move, Enter picks, Escape leaves
 * the value as it was.
 */
export function TimeZoneSelect({
  label = "Time zone",
  name,
  value,
  onChange,
  error,
}: {
  label?: string;
  name: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
}) {
  const { zones, own } = useSyncExternalStore(subscribe, readBrowserChoices, () => noChoices);
  const selectedLabel = zones.find((zone) => zone.id === value)?.label ?? value.replaceAll("_", " ");
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  const ordered = useMemo(() => {
    const first = [own, "UTC"].filter((id): id is string => Boolean(id));
    const pinned = first.map((id) => zones.find((zone) => zone.id === id)).filter((zone): zone is TimeZoneChoice => Boolean(zone));
    return [...new Map([...pinned, ...zones].map((zone) => [zone.id, zone])).values()];
  }, [zones, own]);
  const shown = useMemo(
    () => (query ? ordered.filter((zone) => matches(zone, query)) : ordered).slice(0, query ? MAX_SHOWN : ordered.length),
    [ordered, query],
  );

  const choose = (zone: TimeZoneChoice) => {
    onChange(zone.id);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => Math.min(Math.max(index + step, 0), Math.max(shown.length - 1, 0)));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      const zone = shown[active];
      if (zone) choose(zone);
    } else if (event.key === "Escape") {
      setQuery(null);
      setOpen(false);
    }
  };

  const inputId = name;
  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="relative">
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : `${inputId}-hint`}
        placeholder="Search a city or offset, e.g. London or +5:30"
        className={`block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-500" : "border-slate-300"}`}
        value={query ?? selectedLabel}
        onFocus={(event) => {
          event.currentTarget.select();
          setOpen(true);
        }}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // A click on an option lands after blur: let it through before closing.
          setTimeout(() => {
            setQuery(null);
            setOpen(false);
          }, 150);
        }}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {shown.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">No time zone matches “{query}”. Try a city, a country’s capital or an offset like +2.</li>
          ) : (
            shown.map((zone, index) => (
              <li
                key={zone.id}
                id={optionId(index)}
                role="option"
                aria-selected={zone.id === value}
                className={`flex cursor-pointer justify-between gap-3 px-3 py-1.5 ${index === active ? "bg-slate-100" : ""} ${zone.id === value ? "font-medium" : ""}`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(zone)}
                onMouseEnter={() => setActive(index)}
              >
                <span className="truncate">
                  {zone.id.replaceAll("_", " ")}
                  {zone.id === own ? <span className="ml-2 text-xs text-slate-500">(this device)</span> : null}
                </span>
                <span className="shrink-0 tabular-nums text-slate-500">{zone.offset}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
      <input type="hidden" name={name} value={value} />
      <FieldMessage id={inputId} error={error} hint="Type to search; offsets are as of today." />
    </div>
  );
}
