import type { DateOrder } from "./dates";
import { normaliseHeader } from "./mapping";
import { APPLICATION_FIELDS, type ApplicationField, type StatusTarget } from "./schemas";

/**
 * The trackers people leave, recognised from their export's header row. Each preset names its
 * columns (taken first, before the generic aliases), the values its export writes for "empty",
 * what its statuses mean here, and columns that carry nothing worth keeping in notes.
 *
 * - JobSync (open source, Gsync/jobsync `api/jobs/export`): `index, createdAt, applied,
 *   appliedDate, Company, JobTitle, jobType, workplaceType (exports since July 2026), Location,
 *   JobSource, Status`; dates `yyyy-MM-dd`; "N/A" for empty; `applied` is Yes/No.
 * - Huntr's data download, jobs file: `createdAt, title, salary, location, url, listName,
 *   companyName, deadline, lastMovedAt`, with boards' lists such as Wishlist, Applied, Interview,
 *   Offer, Rejected.
 * - Teal's job tracker: Job Position, Company, Location, Min/Max Salary, Status (Bookmarked,
 *   Applying, Applied, Interviewing, Negotiating, Accepted, I Withdrew, Not Selected, No Response,
 *   Archived), Excitement (stars), Date Saved, Date Applied, Deadline, Job URL, Notes.
 * - LinkedIn's data archive, "Job Applications.csv": `Application Date, Contact Email, Contact Phone
 *   Number, Company Name, Job Title, Job Url, Resume Name, Question And Answers`; dates like
 *   "4/8/24, 1:48 PM" (month first); every row is an application sent.
 * - Our own export (`applications.csv` of the CSV export).
 */

export const PRESET_IDS = ["followthrough", "jobsync", "huntr", "teal", "linkedin", "generic"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export type Preset = {
  id: PresetId;
  label: string;
  /** Headers (normalised) that must all be present for the file to be recognised. */
  signature: readonly string[];
  columns: Partial<Record<ApplicationField, readonly string[]>>;
  /** Columns that hold nothing a person would want in their notes. */
  ignore: readonly string[];
  emptyValues: readonly string[];
  statuses: Readonly<Record<string, StatusTarget>>;
  dateOrder?: DateOrder;
  /** Values every row gets when the file has no column for them. */
  constants?: Partial<Record<ApplicationField, string>>;
};

/** Spreadsheet placeholders for "nothing here", offered (and applied) by default for every file. */
export const COMMON_EMPTY_VALUES = ["N/A", "-", "—"] as const;

export const PRESETS: Record<PresetId, Preset> = {
  followthrough: {
    id: "followthrough",
    label: "Followthrough export",
    signature: ["role title", "status changed at", "company"],
    // Our export names its columns after the fields themselves.
    columns: { ...Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, [field]])), archived: ["archivedAt"] },
    ignore: ["id", "company id", "status changed at", "created at", "updated at", "posting captured at"],
    emptyValues: [],
    statuses: {},
  },
  jobsync: {
    id: "jobsync",
    label: "JobSync",
    signature: ["applied date", "job title", "job source", "status"],
    columns: {
      company: ["Company"],
      roleTitle: ["JobTitle"],
      appliedOn: ["appliedDate"],
      savedOn: ["createdAt"],
      source: ["JobSource"],
      location: ["Location", "Locations"],
      jobType: ["jobType"],
      workplaceType: ["workplaceType"],
      status: ["Status"],
    },
    ignore: ["index", "applied"],
    emptyValues: ["N/A"],
    statuses: { draft: "saved", applied: "applied", interview: "interviewing", offer: "offer", rejected: "rejected", expired: "archive", archived: "archive" },
  },
  huntr: {
    id: "huntr",
    label: "Huntr",
    signature: ["list name", "company name", "title"],
    columns: {
      company: ["companyName"],
      roleTitle: ["title"],
      status: ["listName"],
      savedOn: ["createdAt"],
      jobUrl: ["url"],
      deadlineOn: ["deadline"],
      postingSnapshot: ["description"],
    },
    ignore: ["id", "last moved at", "board name", "board id", "company id"],
    emptyValues: [],
    statuses: { wishlist: "saved", applied: "applied", interview: "interviewing", offer: "offer", rejected: "rejected" },
  },
  teal: {
    id: "teal",
    label: "Teal",
    signature: ["job position", "company", "status", "date saved"],
    columns: {
      roleTitle: ["Job Position"],
      company: ["Company"],
      salaryMin: ["Min Salary", "Min. Salary"],
      salaryMax: ["Max Salary", "Max. Salary"],
      savedOn: ["Date Saved"],
      appliedOn: ["Date Applied"],
      jobUrl: ["Job URL", "URL"],
    },
    ignore: ["follow up"],
    emptyValues: [],
    statuses: {
      bookmarked: "saved",
      applying: "saved",
      applied: "applied",
      interviewing: "interviewing",
      negotiating: "offer",
      accepted: "accepted",
      "i withdrew": "withdrawn",
      "not selected": "rejected",
      "no response": "archive",
      archived: "archive",
    },
  },
  linkedin: {
    id: "linkedin",
    label: "LinkedIn job applications",
    signature: ["application date", "company name", "job title", "job url"],
    columns: { appliedOn: ["Application Date"], company: ["Company Name"], roleTitle: ["Job Title"], jobUrl: ["Job Url"] },
    ignore: [],
    emptyValues: [],
    statuses: {},
    dateOrder: "MDY",
    constants: { source: "LinkedIn" },
  },
  generic: { id: "generic", label: "Spreadsheet", signature: [], columns: {}, ignore: [], emptyValues: [], statuses: {} },
};

/** The first preset whose signature headers are all in the file; `generic` otherwise. */
export function detectPreset(headers: readonly string[]): Preset {
  const present = new Set(headers.map(normaliseHeader));
  for (const id of PRESET_IDS) {
    const preset = PRESETS[id];
    if (preset.signature.length > 0 && preset.signature.every((name) => present.has(name))) return preset;
  }
  return PRESETS.generic;
}
