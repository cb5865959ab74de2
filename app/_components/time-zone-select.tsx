"use client";

import { useMemo, useSyncExternalStore } from "react";
import { Select } from "./ui";

/**
 * Every IANA zone the browser knows. The server renders only the current value: its zone list
 * can differ from the browser's, and a different list would break hydration.
 */
let browserZones: string[] | null = null;
const readBrowserZones = () => (browserZones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"]);
const noServerZones: string[] = [];
const subscribe = () => () => {};

export function useKnownZones() {
  return useSyncExternalStore(subscribe, readBrowserZones, () => noServerZones);
}

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
  const known = useKnownZones();
  // The current value stays selectable even if this browser does not list it.
  const options = useMemo(() => (known.includes(value) || !value ? known : [value, ...known]), [known, value]);
  return (
    <Select label={label} name={name} value={value} onChange={(event) => onChange(event.target.value)} error={error}>
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </Select>
  );
}
