import { formatIsoDay } from "./when";

type Outlook = { sittingTightUntil: string | null; checkInOn: string };

/**
 * The playbook's "sit tight, then check in", said plainly: until when the client waits, and the
 * day their check-in is drafted. The client reads it in their own voice, the coach about them.
 */
export function checkInSentence(outlook: Outlook, audience: "client" | "coach"): string {
  const waiting = outlook.sittingTightUntil ? `Sitting tight until ${formatIsoDay(outlook.sittingTightUntil)}` : "Sitting tight";
  const checkIn = formatIsoDay(outlook.checkInOn);
  return audience === "client" ? `${waiting} — we'll draft your check-in for ${checkIn}.` : `${waiting} — check-in drafted for ${checkIn}.`;
}

export function CheckInOutlookLine({ outlook, audience }: { outlook: Outlook; audience: "client" | "coach" }) {
  return (
    <p className="text-sm text-slate-700" data-testid="check-in-outlook">
      <span aria-hidden>⏳ </span>
      {checkInSentence(outlook, audience)}
    </p>
  );
}
