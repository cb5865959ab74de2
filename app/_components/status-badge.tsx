import { type ApplicationStatus } from "@/server/services/applications/status";
import { APPLICATION_STATUS_LABEL } from "@/lib/vocabulary";

const STATUS_STYLE: Record<ApplicationStatus, string> = {
  saved: "bg-slate-100 text-slate-700",
  applied: "bg-sky-100 text-sky-800",
  interviewing: "bg-violet-100 text-violet-800",
  offer: "bg-amber-100 text-amber-900",
  accepted: "bg-emerald-100 text-emerald-800",
  rejected: "bg-rose-100 text-rose-800",
  withdrawn: "bg-slate-200 text-slate-700",
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>{APPLICATION_STATUS_LABEL[status]}</span>;
}
