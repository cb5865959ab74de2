import { applicationRouter } from "./routers/application";
import { auditRouter } from "./routers/audit";
import { clientRouter } from "./routers/client";
import { coachRouter } from "./routers/coach";
import { noteRouter } from "./routers/note";
import { nudgeRouter } from "./routers/nudge";
import { settingsRouter } from "./routers/settings";
import { companyRouter } from "./routers/company";
import { dashboardRouter } from "./routers/dashboard";
import { invitationRouter } from "./routers/invitation";
import { meRouter } from "./routers/me";
import { memberRouter } from "./routers/member";
import { orgRouter } from "./routers/org";
import { commitmentRouter } from "./routers/commitment";
import { contactRouter } from "./routers/contact";
import { draftRouter } from "./routers/draft";
import { interviewRouter } from "./routers/interview";
import { profileRouter } from "./routers/profile";
import { transferRouter } from "./routers/transfer";
import { calendarRouter } from "./routers/calendar";
import { captureRouter } from "./routers/capture";
import { cohortRouter } from "./routers/cohort";
import { onboardingRouter } from "./routers/onboarding";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  me: meRouter,
  org: orgRouter,
  member: memberRouter,
  invitation: invitationRouter,
  client: clientRouter,
  coach: coachRouter,
  note: noteRouter,
  nudge: nudgeRouter,
  settings: settingsRouter,
  audit: auditRouter,
  application: applicationRouter,
  company: companyRouter,
  dashboard: dashboardRouter,
  interview: interviewRouter,
  contact: contactRouter,
  commitment: commitmentRouter,
  draft: draftRouter,
  profile: profileRouter,
  transfer: transferRouter,
  calendar: calendarRouter,
  capture: captureRouter,
  cohort: cohortRouter,
  onboarding: onboardingRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
