import Link from "next/link";
import { Card } from "./ui";
import { formatIsoDay } from "@/lib/dates";

type Outlook = { sittingTightUntil: string | null; checkInOn: string };
type ListedOutlook = Outlook & { interviewId: string; applicationId: string; roleTitle: string; companyName: string };

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

/** Every application the client is sitting tight on, each linked to its page; nothing when there are none. */
export function SittingTightCard({
  outlooks,
  audience,
  hrefOf,
}: {
  outlooks: ListedOutlook[];
  audience: "client" | "coach";
  hrefOf: (outlook: ListedOutlook) => string;
}) {
  if (outlooks.length === 0) return null;
  return (
    <Card title="Sitting tight">
      <ul className="divide-y divide-slate-100">
        {outlooks.map((outlook) => (
          <li key={outlook.interviewId} className="py-2">
            <Link href={hrefOf(outlook)} className="text-sm font-medium text-brand hover:underline">
              {outlook.roleTitle} at {outlook.companyName}
            </Link>
            <CheckInOutlookLine outlook={outlook} audience={audience} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
