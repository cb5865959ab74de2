import { applications } from "@/db/schema";

/** The detail fields of an application as a select list, shared by the table, the page and the export. */
export const applicationDetailColumns = {
  location: applications.location,
  workplaceType: applications.workplaceType,
  jobType: applications.jobType,
  salaryMin: applications.salaryMin,
  salaryMax: applications.salaryMax,
  salaryCurrency: applications.salaryCurrency,
  deadlineOn: applications.deadlineOn,
  excitement: applications.excitement,
  tags: applications.tags,
  savedOn: applications.savedOn,
  appliedOn: applications.appliedOn,
};
