"use client";

import { Select } from "../../_components/ui";

/** Whether assigning a coach keeps the client's other coaches or hands the client over. */
export type AssignMode = "add" | "replace";

type Coach = { membershipId: string; name: string | null; email: string };

/** The coach to assign, for the bulk assignments (chosen clients or a whole cohort). */
export function CoachChoice({
  label,
  coaches,
  value,
  onChange,
  error,
}: {
  label: string;
  coaches: Coach[];
  value: string;
  onChange: (coachMembershipId: string) => void;
  error?: string;
}) {
  return (
    <Select label={label} name="coachMembershipId" value={value} onChange={(e) => onChange(e.target.value)} error={error} required>
      <option value="">Choose a coach…</option>
      {coaches.map((coach) => (
        <option key={coach.membershipId} value={coach.membershipId}>
          {coach.name ?? coach.email}
        </option>
      ))}
    </Select>
  );
}

/** Keep the clients' other coaches, or replace them (a handover). */
export function AssignModeChoice({ value, onChange }: { value: AssignMode; onChange: (mode: AssignMode) => void }) {
  return (
    <Select label="Their other coaches" name="mode" value={value} onChange={(e) => onChange(e.target.value as AssignMode)}>
      <option value="add">Keep them</option>
      <option value="replace">Replace them (handover)</option>
    </Select>
  );
}
