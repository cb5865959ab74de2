"use client";

import type { ComponentProps } from "react";
import { ZBulkAssignInput } from "@/server/services/org/schemas";
import { Select } from "../../_components/ui";

/**
 * The coach and the mode of a bulk assignment (keep the clients' other coaches, or hand them
 * over), as the API takes them; the target (chosen clients, a cohort) is each form's own.
 */
export const ZAssignCoachFields = ZBulkAssignInput.pick({ coachMembershipId: true, mode: true });

type Coach = { membershipId: string; name: string | null; email: string };
type SelectProps = Omit<ComponentProps<"select">, "children"> & { name: string; error?: string };

/** The coach to assign, for the bulk assignments (chosen clients or a whole cohort); register it as `coachMembershipId`. */
export function CoachChoice({ label, coaches, ...props }: SelectProps & { label: string; coaches: Coach[] }) {
  return (
    <Select label={label} required {...props}>
      <option value="">Choose a coach…</option>
      {coaches.map((coach) => (
        <option key={coach.membershipId} value={coach.membershipId}>
          {coach.name ?? coach.email}
        </option>
      ))}
    </Select>
  );
}

/** Keep the clients' other coaches, or replace them (a handover); register it as `mode`. */
export function AssignModeChoice(props: SelectProps) {
  return (
    <Select label="Their other coaches" {...props}>
      <option value="add">Keep them</option>
      <option value="replace">Replace them (handover)</option>
    </Select>
  );
}
