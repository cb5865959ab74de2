import { createHash } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { addDays, addMinutes, startOfDay } from "date-fns";
import { inArray } from "drizzle-orm";
import { addDaysToIsoDate, localDateOf, localTimeOn } from "../server/followup/time";
import type { Database } from "./index";
import * as s from "./schema";
import { DEFAULT_POLICY } from "./schema/org";
import { planSeededDemo } from "./seed-plan";

/**
 * The demo: a coaching practice with an owner, two coaches and eight clients, and a second
 * practice beside it so tenant isolation is visible. Deterministic: ids derive from stable names
 * and times from the moment it runs (history laid out by day, the first client's fresh moments to
 * the minute), and every insert skips what already exists, so running the seed twice changes
 * nothing. A fresh seed then plans every application through the real planner (see
 * `seed-plan.ts`), so reminders are waiting from the first minute and nothing stale fires at once.
 */

type Status = (typeof s.applicationStatus.enumValues)[number];
type Kind = (typeof s.interviewKind.enumValues)[number];

/** A UUID derived from a stable name, so the same demo row always has the same id. */
export function seedId(name: string): string {
  const hex = createHash("sha256").update(`followthrough-demo:${name}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Person = { name: string; email: string; timeZone: string };
type ClientPerson = Person & { headline: string; accomplishments: [string, string, string] };

type OrgPlan = {
  key: string;
  name: string;
  slug: string;
  timeZone: string;
  brandColor: string;
  owner: Person;
  coaches: Person[];
  /** Each client with the index of the coach who looks after them. */
  clients: Array<ClientPerson & { coach: number }>;
  applicationsPerClient: number;
};

const NORTHSTAR: OrgPlan = {
  key: "northstar",
  name: "Northstar Career Coaching",
  slug: "northstar",
  timeZone: "America/New_York",
  brandColor: "#0f766e",
  owner: { name: "Priya Raman", email: "priya@northstar.example", timeZone: "America/New_York" },
  coaches: [
    { name: "Maya Chen", email: "maya@northstar.example", timeZone: "America/New_York" },
    { name: "Daniel Okafor", email: "daniel@northstar.example", timeZone: "Europe/London" },
  ],
  clients: [
    {
      name: "Sam Rivera",
      email: "sam@clients.example",
      timeZone: "America/New_York",
      coach: 0,
      headline: "Product designer who turns messy onboarding into flows people finish",
      accomplishments: [
        "cut onboarding drop-off by 31% with a redesigned sign-up flow",
        "built a design system adopted by four product teams",
        "ran weekly usability sessions that shaped a two-year roadmap",
      ],
    },
    {
      name: "Aisha Bello",
      email: "aisha@clients.example",
      timeZone: "Europe/London",
      coach: 0,
      headline: "Data analyst who makes finance teams trust their numbers",
      accomplishments: [
        "automated a month-end report that took three days by hand",
        "found a pricing error worth £400k a year",
        "trained twenty colleagues to write their own SQL",
      ],
    },
    {
      name: "Tom Becker",
      email: "tom@clients.example",
      timeZone: "Europe/Berlin",
      coach: 0,
      headline: "Backend engineer focused on reliable payment systems",
      accomplishments: [
        "led the migration of a payments ledger with zero downtime",
        "halved p99 latency of a checkout API",
        "set up the on-call rotation and runbooks for a team of eight",
      ],
    },
    {
      name: "Lena Novak",
      email: "lena@clients.example",
      timeZone: "America/Chicago",
      coach: 0,
      headline: "Operations manager who scales support teams without losing quality",
      accomplishments: [
        "grew a support team from 6 to 25 while raising CSAT to 94%",
        "introduced a triage process that cut first response time by half",
        "negotiated a tooling contract that saved 18% a year",
      ],
    },
    {
      name: "Marcus Hill",
      email: "marcus@clients.example",
      timeZone: "America/Los_Angeles",
      coach: 1,
      headline: "Account executive with a record of opening new enterprise markets",
      accomplishments: [
        "closed the company's first three Fortune 500 accounts",
        "exceeded quota six quarters in a row",
        "built a partner channel that now sources a quarter of pipeline",
      ],
    },
    {
      name: "Yuki Tanaka",
      email: "yuki@clients.example",
      timeZone: "Asia/Tokyo",
      coach: 1,
      headline: "Mobile engineer who ships accessible apps to millions of users",
      accomplishments: [
        "rebuilt an iOS app's accessibility support to WCAG AA",
        "reduced app crash rate from 2% to 0.2%",
        "mentored five junior engineers into mid-level roles",
      ],
    },
    {
      name: "Grace Mensah",
      email: "grace@clients.example",
      timeZone: "Europe/Dublin",
      coach: 1,
      headline: "Marketing lead who grows communities into revenue",
      accomplishments: [
        "grew a developer community from 2k to 40k members",
        "launched a webinar series that drove 30% of new leads",
        "rebranded a product line in eight weeks on a fixed budget",
      ],
    },
    {
      name: "Ravi Patel",
      email: "ravi@clients.example",
      timeZone: "Asia/Kolkata",
      coach: 1,
      headline: "Project manager who lands cross-border programmes on time",
      accomplishments: [
        "delivered a 14-country ERP rollout two weeks early",
        "cut vendor onboarding from 60 to 20 days",
        "ran a PMO that raised on-time delivery from 58% to 90%",
      ],
    },
  ],
  applicationsPerClient: 5,
};

const HARBOR: OrgPlan = {
  key: "harbor",
  name: "Harbor Talent Partners",
  slug: "harbor",
  timeZone: "Europe/London",
  brandColor: "#1d4ed8",
  owner: { name: "Hannah Lee", email: "hannah@harbor.example", timeZone: "Europe/London" },
  coaches: [{ name: "Omar Farouk", email: "omar@harbor.example", timeZone: "Europe/London" }],
  clients: [
    {
      name: "Nina Costa",
      email: "nina@clients.example",
      timeZone: "Europe/Lisbon",
      coach: 0,
      headline: "UX researcher who brings customers into every product decision",
      accomplishments: [
        "set up a research panel of 300 customers",
        "ran the study that killed a feature before it cost a quarter",
        "taught product managers to run their own interviews",
      ],
    },
    {
      name: "Felix Wagner",
      email: "felix@clients.example",
      timeZone: "Europe/Berlin",
      coach: 0,
      headline: "Finance manager who shortens the close and sharpens forecasts",
      accomplishments: [
        "shortened the monthly close from ten days to four",
        "built a rolling forecast within 3% of actuals",
        "led the audit with no findings two years running",
      ],
    },
  ],
  applicationsPerClient: 3,
};

/** Priya also coaches at Harbor: one person, two organisations, a different role in each. */
const CROSS_MEMBERSHIPS: Array<{ org: OrgPlan; email: string; role: "coach" }> = [
  { org: HARBOR, email: NORTHSTAR.owner.email, role: "coach" },
];

const COMPANIES = [
  { name: "Brightline Health", website: "https://brightline.example", challenges: ["patients abandon the booking flow", "clinics ask for a self-serve reporting tool"] },
  { name: "Corvid Logistics", website: "https://corvid.example", challenges: ["late deliveries in the last mile", "dispatchers work from spreadsheets"] },
  { name: "Fernbrook Bank", website: "https://fernbrook.example", challenges: ["a slow month-end close", "customers distrust the mobile app"] },
  { name: "Lumen Robotics", website: "https://lumen.example", challenges: ["field engineers lack remote diagnostics", "hiring outpaces onboarding"] },
  { name: "Atlas Education", website: "https://atlas.example", challenges: ["teachers drop off after the free trial", "expanding into Latin America"] },
  { name: "Quarry Games", website: "https://quarry.example", challenges: ["player retention after week one", "a crash-prone Android build"] },
  { name: "Tidewater Energy", website: "https://tidewater.example", challenges: ["grid forecasts miss demand peaks", "a backlog of compliance reports"] },
  { name: "Juniper Retail", website: "https://juniper.example", challenges: ["stock-outs during promotions", "a loyalty programme few people use"] },
];
const ROLES = ["Senior Product Designer", "Data Analyst", "Staff Engineer", "Operations Manager", "Account Executive", "Engineering Manager", "Programme Manager", "Growth Marketing Lead"];
const FIRST = ["Alex", "Jordan", "Morgan", "Casey", "Riley", "Taylor", "Jamie", "Avery", "Quinn", "Rowan", "Elliot", "Harper"];
const LAST = ["Brooks", "Schmidt", "Okoye", "Laurent", "Silva", "Kowalski", "Nguyen", "Fischer", "Adeyemi", "Moreau", "Costa", "Ivanova"];
const INTERVIEW_ZONES = ["America/New_York", "Europe/London", "America/Los_Angeles", "Europe/Berlin", "Asia/Singapore"];
const SOURCES = ["LinkedIn", "Referral", "Company website", "Recruiter", "Job board"];

/**
 * The first client of the first practice is the one a newcomer signs in as: within minutes of
 * `npm run demo` an interview ended an hour ago with drafts waiting, a thank-you reminder falls
 * due, a check-in is set for next week and a promise is due tomorrow.
 */
const FEATURED_STATUSES: Status[] = ["interviewing", "interviewing", "interviewing", "rejected", "saved"];

/** The status each application index walks to; together they cover every status. */
const STATUS_CYCLE: Status[] = ["interviewing", "applied", "offer", "rejected", "saved", "interviewing", "accepted", "withdrawn"];
const PATHS: Record<Status, Status[]> = {
  saved: ["saved"],
  applied: ["saved", "applied"],
  interviewing: ["saved", "applied", "interviewing"],
  offer: ["saved", "applied", "interviewing", "offer"],
  accepted: ["saved", "applied", "interviewing", "offer", "accepted"],
  rejected: ["saved", "applied", "interviewing", "rejected"],
  withdrawn: ["saved", "applied", "withdrawn"],
};

/** A local wall-clock time in a zone, as an instant. */
function localTime(day: Date, daysFromRef: number, hour: number, minute: number, timeZone: string): Date {
  const d = addDays(day, daysFromRef);
  return new Date(new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute, 0, timeZone).getTime());
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export type SeedOptions = {
  /** The reference day; the demo's dates are laid out around it. Defaults to today (UTC). */
  now?: Date;
};

export type SeedSummary = { organizations: number; users: number; applications: number; interviews: number; planned: boolean };

export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const ref = new Date(startOfDay(new TZDate(now, "UTC")).getTime());
  const rows = buildRows(ref, now);
  let planned = false;

  await db.transaction(async (tx) => {
    // Only a fresh demo is planned: on a later run the app has been planning it all along.
    const known = await tx.select({ id: s.organizations.id }).from(s.organizations).where(inArray(s.organizations.id, rows.organizations.map((o) => o.id!)));
    await tx.insert(s.users).values(rows.users).onConflictDoNothing();
    // A demo address may already belong to someone who signed up; use whatever id they have.
    const existing = await tx
      .select({ id: s.users.id, email: s.users.email })
      .from(s.users)
      .where(inArray(s.users.email, rows.users.map((u) => u.email)));
    const idByEmail = new Map(existing.map((u) => [u.email, u.id]));
    const realUserId = (seeded: string) => idByEmail.get(rows.users.find((u) => u.id === seeded)!.email)!;

    await tx.insert(s.organizations).values(rows.organizations).onConflictDoNothing();
    await tx
      .insert(s.memberships)
      .values(rows.memberships.map((m) => ({ ...m, userId: realUserId(m.userId) })))
      .onConflictDoNothing();
    const inserts: Array<[Parameters<typeof tx.insert>[0], Record<string, unknown>[]]> = [
      [s.coachAssignments, rows.coachAssignments],
      [s.companies, rows.companies],
      [s.applications, rows.applications],
      [s.applicationStatusHistory, rows.history],
      [s.interviews, rows.interviews],
      [s.contacts, rows.contacts],
      [s.contactLinks, rows.contactLinks],
      [s.interviewParticipants, rows.participants],
      [s.commitments, rows.commitments],
      [s.activities, rows.activities],
    ];
    for (const [table, values] of inserts) {
      // Chunks keep each statement under Postgres' limit of 65,535 bound parameters.
      for (let i = 0; i < values.length; i += 500) {
        await tx.insert(table).values(values.slice(i, i + 500)).onConflictDoNothing();
      }
    }
    if (known.length === 0) {
      await planSeededDemo(tx, { now, historyStart: addDays(ref, -HISTORY_DAYS), applications: rows.applications, featuredInterviews: rows.featuredInterviews });
      planned = true;
    }
  });

  return {
    organizations: rows.organizations.length,
    users: rows.users.length,
    applications: rows.applications.length,
    interviews: rows.interviews.length,
    planned,
  };
}

/** The earliest seeded moment lies within this many days before the reference day. */
const HISTORY_DAYS = 60;

/** Every demo row, computed without touching the database. */
function buildRows(ref: Date, now: Date) {
  const users: (typeof s.users.$inferInsert & { id: string; email: string })[] = [];
  const organizations: (typeof s.organizations.$inferInsert)[] = [];
  const memberships: (typeof s.memberships.$inferInsert & { userId: string })[] = [];
  const coachAssignments: (typeof s.coachAssignments.$inferInsert)[] = [];
  const companies: (typeof s.companies.$inferInsert)[] = [];
  const applications: (typeof s.applications.$inferInsert)[] = [];
  const history: (typeof s.applicationStatusHistory.$inferInsert)[] = [];
  const interviews: (typeof s.interviews.$inferInsert)[] = [];
  const contacts: (typeof s.contacts.$inferInsert)[] = [];
  const contactLinks: (typeof s.contactLinks.$inferInsert)[] = [];
  const participants: (typeof s.interviewParticipants.$inferInsert)[] = [];
  const commitments: (typeof s.commitments.$inferInsert)[] = [];
  const activities: (typeof s.activities.$inferInsert)[] = [];
  /** Debriefed interviews whose drafts the real generator writes once the rows exist. */
  const featuredInterviews: Array<{ orgId: string; clientId: string; interviewId: string }> = [];

  const addUser = (p: Person, extra: Partial<typeof s.users.$inferInsert> = {}) => {
    const id = seedId(`user:${p.email}`);
    if (!users.some((u) => u.id === id)) {
      users.push({ id, name: p.name, email: p.email, timeZone: p.timeZone, emailVerified: ref, isDemo: true, ...extra });
    }
    return id;
  };

  let personCounter = 0;
  const nextPersonName = () => {
    const name = `${FIRST[personCounter % FIRST.length]} ${LAST[(personCounter * 5 + 3) % LAST.length]}`;
    personCounter += 1;
    return name;
  };

  for (const org of [NORTHSTAR, HARBOR]) {
    const orgId = seedId(`org:${org.key}`);
    organizations.push({ id: orgId, name: org.name, slug: org.slug, timeZone: org.timeZone, brandColor: org.brandColor });
    const member = (userId: string, role: "owner" | "coach" | "client") => {
      const id = seedId(`membership:${org.key}:${userId}`);
      memberships.push({ id, orgId, userId, role });
      return id;
    };
    member(addUser(org.owner), "owner");
    const coachIds = org.coaches.map((c) => member(addUser(c), "coach"));

    org.clients.forEach((client, clientIndex) => {
      const userId = addUser(client, { headline: client.headline, accomplishments: [...client.accomplishments] });
      const clientId = member(userId, "client");
      coachAssignments.push({
        id: seedId(`assignment:${org.key}:${clientIndex}`),
        orgId,
        coachMembershipId: coachIds[client.coach]!,
        clientMembershipId: clientId,
      });
      const key = `${org.key}:${clientIndex}`;
      const activity = (n: string, kind: string, summary: string, occurredAt: Date, extra: Partial<typeof s.activities.$inferInsert> = {}) =>
        activities.push({ id: seedId(`activity:${key}:${n}`), orgId, clientId, actorUserId: userId, kind, summary, occurredAt, ...extra });

      // The referrer and a peer belong to the client's network before any application.
      const referrerId = seedId(`contact:${key}:referrer`);
      contacts.push({ id: referrerId, orgId, clientId, name: nextPersonName(), role: "referrer", title: "Former manager", howWeKnow: "Worked together for three years", email: `referrer.${clientIndex}@network.example` });
      const peerId = seedId(`contact:${key}:peer`);
      contacts.push({ id: peerId, orgId, clientId, name: nextPersonName(), role: "peer", title: "Industry peer", howWeKnow: "Met at a meetup", email: `peer.${clientIndex}@network.example` });

      for (let a = 0; a < org.applicationsPerClient; a++) {
        const appKey = `${key}:${a}`;
        const company = COMPANIES[(clientIndex * 3 + a) % COMPANIES.length]!;
        const companyId = seedId(`company:${appKey}`);
        const featured = org === NORTHSTAR && clientIndex === 0;
        const status = featured ? FEATURED_STATUSES[a]! : STATUS_CYCLE[(clientIndex + a) % STATUS_CYCLE.length]!;
        const path = PATHS[status];
        const hasInterviews = path.includes("interviewing");
        const interviewZone = INTERVIEW_ZONES[(clientIndex + a) % INTERVIEW_ZONES.length]!;
        const startDay = -(40 - a * 3 - clientIndex);

        companies.push({
          id: companyId,
          orgId,
          clientId,
          name: company.name,
          website: company.website,
          researchNotes: `${company.name}: read the latest annual update and two interviews with the leadership team.`,
          researchUpdatedAt: addDays(ref, startDay + 2),
          challenges: hasInterviews ? company.challenges : [],
        });
        const applicationId = seedId(`application:${appKey}`);
        // Six days between changes, closer together when that would reach today: history is past.
        const step = path.length > 1 ? Math.min(6, Math.floor((-2 - startDay) / (path.length - 1))) : 6;
        const changes = path.map((to, i) => ({ to, at: localTime(ref, startDay + i * step, 10, 0, client.timeZone) }));
        applications.push({
          id: applicationId,
          orgId,
          clientId,
          companyId,
          roleTitle: ROLES[(clientIndex + a * 2) % ROLES.length]!,
          jobUrl: `${company.website}/careers/${a + 1}`,
          source: SOURCES[(clientIndex + a) % SOURCES.length]!,
          status,
          statusChangedAt: changes.at(-1)!.at,
          createdAt: changes[0]!.at,
          updatedAt: changes.at(-1)!.at,
        });
        changes.forEach((change, i) => {
          history.push({
            id: seedId(`history:${appKey}:${i}`),
            orgId,
            clientId,
            applicationId,
            fromStatus: i === 0 ? null : path[i - 1]!,
            toStatus: change.to,
            changedAt: change.at,
            changedByUserId: userId,
          });
          activity(`status:${a}:${i}`, "application.status_changed", `${company.name}: ${i === 0 ? "saved" : `moved to ${change.to}`}`, change.at, { applicationId });
        });

        const recruiterId = seedId(`contact:${appKey}:recruiter`);
        contacts.push({ id: recruiterId, orgId, clientId, companyId, name: nextPersonName(), role: "recruiter", title: "Talent Partner", email: `talent.${a}@${company.website.slice(8)}`, howWeKnow: "Reached out about the role", lastContactedAt: changes.at(-1)!.at });
        if (!hasInterviews) continue;

        const interviewerIds = [0, 1].map((n) => {
          const id = seedId(`contact:${appKey}:interviewer:${n}`);
          contacts.push({
            id,
            orgId,
            clientId,
            companyId,
            name: nextPersonName(),
            role: "interviewer",
            title: n === 0 ? "Hiring Manager" : "Team Lead",
            email: `interviewer${n}.${a}@${company.website.slice(8)}`,
            howWeKnow: "Interviewed me",
          });
          return id;
        });
        // Who could put in a good word: the referrer knows the hiring manager, the peer knows the company.
        contactLinks.push({ id: seedId(`link:${appKey}:referrer`), orgId, clientId, contactId: referrerId, knowsContactId: interviewerIds[0]!, note: "Were on the same team at a previous company" });
        contactLinks.push({ id: seedId(`link:${appKey}:peer`), orgId, clientId, contactId: peerId, knowsCompanyId: companyId, note: "Has friends on the product team" });

        // First round: in the past. Debriefed, except for one in every three so the demo shows a missing debrief.
        const interviewingAt = changes[path.indexOf("interviewing")]!.at;
        const firstKind: Kind = (["video", "phone", "onsite", "panel"] as Kind[])[(clientIndex + a) % 4]!;
        const firstDayOffset = Math.min(-1, Math.round((interviewingAt.getTime() - ref.getTime()) / 86_400_000) + 2);
        // The featured client's fresh moments: one interview ended an hour ago, and one ended so
        // that its thank-you window closes two minutes after the seed runs.
        const fresh = !featured ? null : a === 1 ? "ended_an_hour_ago" : a === 2 ? "thank_you_due_now" : null;
        const firstStart =
          fresh === "ended_an_hour_ago"
            ? addMinutes(now, -120)
            : fresh === "thank_you_due_now"
              ? addMinutes(now, -(DEFAULT_POLICY.thankYouWindowHours * 60 - 2) - 60)
              : localTime(ref, firstDayOffset, 14, 0, interviewZone);
        const firstEnd = addMinutes(firstStart, 60);
        const firstId = seedId(`interview:${appKey}:1`);
        const debriefed = fresh !== null || (clientIndex + a) % 3 !== 0;
        const debriefedAt = fresh === "ended_an_hour_ago" ? addMinutes(now, -10) : addMinutes(firstStart, 120);
        const clientToday = localDateOf(now, client.timeZone);
        const checkIn = fresh === "ended_an_hour_ago" ? addDaysToIsoDate(clientToday, 7) : isoDate(addDays(firstStart, 10));
        if (fresh) featuredInterviews.push({ orgId, clientId, interviewId: firstId });
        interviews.push({
          id: firstId,
          orgId,
          clientId,
          applicationId,
          round: 1,
          kind: firstKind,
          startsAt: firstStart,
          endsAt: firstEnd,
          timeZone: interviewZone,
          location: firstKind === "video" || firstKind === "phone" ? "https://meet.example/room" : `${company.name} office`,
          status: "completed",
          ...(debriefed
            ? {
                debriefedAt,
                askedForJob: a % 2 === 0,
                nextSteps: "A second round with the wider team",
                expectAnswerBy: fresh === "ended_an_hour_ago" ? addDaysToIsoDate(clientToday, 6) : isoDate(addDays(firstStart, 7)),
                preferredChannel: "email" as const,
                agreedCheckInOn: a % 2 === 0 || fresh === "ended_an_hour_ago" ? checkIn : null,
                notBeforeOn: a % 2 === 0 || fresh === "ended_an_hour_ago" ? null : isoDate(addDays(firstStart, 5)),
                debriefNotes: "Good rapport; they asked for examples of measurable impact.",
              }
            : {}),
        });
        activity(`interview:${a}:1`, "interview.scheduled", `${company.name}: round 1 (${firstKind}) scheduled`, addDays(firstStart, -3), { applicationId, interviewId: firstId });
        interviewerIds.forEach((contactId, n) => {
          participants.push({
            id: seedId(`participant:${appKey}:1:${n}`),
            orgId,
            clientId,
            interviewId: firstId,
            contactId,
            discussed: debriefed ? (n === 0 ? `how the team plans to tackle ${company.challenges[0]}` : "how the team reviews work and ships weekly") : null,
            challengesDiscussed: debriefed ? [company.challenges[n % company.challenges.length]!] : [],
            // The interview that just ended has nobody thanked yet: its drafts are waiting.
            thankYouSentAt: debriefed && n === 0 && fresh !== "ended_an_hour_ago" ? addMinutes(firstEnd, 120) : null,
            thankYouHandwritten: debriefed && n === 0 && a % 2 === 1 && fresh !== "ended_an_hour_ago",
          });
        });
        if (debriefed) {
          activity(`debrief:${a}:1`, "interview.debriefed", `${company.name}: debrief recorded`, debriefedAt, { applicationId, interviewId: firstId });
          commitments.push({
            id: seedId(`commitment:${appKey}:references`),
            orgId,
            clientId,
            applicationId,
            interviewId: firstId,
            contactId: interviewerIds[0]!,
            description: "Send two references",
            source: "promise",
            // Promised an hour ago: due tomorrow at five, the client's time.
            dueAt: fresh === "ended_an_hour_ago" ? localTimeOn(addDaysToIsoDate(clientToday, 1), "17:00", client.timeZone) : addDays(firstStart, 2),
            doneAt: a % 2 === 0 && !fresh ? addDays(firstStart, 1) : null,
          });
        }

        // Applications still in play get an upcoming round in another time zone (the featured
        // client's fresh interviews wait for the employer's answer instead).
        if (status === "interviewing" && !fresh) {
          const nextZone = INTERVIEW_ZONES[(clientIndex + a + 2) % INTERVIEW_ZONES.length]!;
          const nextStart = localTime(ref, 1 + ((clientIndex + a) % 6), 9 + (a % 4), 30, nextZone);
          const nextId = seedId(`interview:${appKey}:2`);
          interviews.push({
            id: nextId,
            orgId,
            clientId,
            applicationId,
            round: 2,
            kind: a % 2 === 0 ? "panel" : "video",
            startsAt: nextStart,
            endsAt: addMinutes(nextStart, 90),
            timeZone: nextZone,
            location: a % 2 === 0 ? `${company.name} office, 4th floor` : "https://meet.example/round-two",
            status: "scheduled",
          });
          participants.push({ id: seedId(`participant:${appKey}:2:0`), orgId, clientId, interviewId: nextId, contactId: interviewerIds[1]! });
          activity(`interview:${a}:2`, "interview.scheduled", `${company.name}: round 2 scheduled`, addDays(ref, -1), { applicationId, interviewId: nextId });
          commitments.push({
            id: seedId(`commitment:${appKey}:sample`),
            orgId,
            clientId,
            applicationId,
            contactId: interviewerIds[1]!,
            description: "Share a work sample before the panel",
            source: "promise",
            dueAt: addDays(ref, a % 2 === 0 ? -1 : 1),
          });
        }
      }
    });
  }

  for (const cross of CROSS_MEMBERSHIPS) {
    const userId = seedId(`user:${cross.email}`);
    memberships.push({ id: seedId(`membership:${cross.org.key}:${userId}`), orgId: seedId(`org:${cross.org.key}`), userId, role: cross.role });
  }

  return {
    users,
    organizations,
    memberships,
    coachAssignments,
    companies,
    applications,
    history,
    interviews,
    contacts,
    contactLinks,
    participants,
    commitments,
    activities,
    featuredInterviews,
  };
}

/** Demo people for one-click sign-in in demo mode, each signed in to the organisation named beside them. */
export function demoPeople() {
  return [NORTHSTAR, HARBOR].flatMap((org) => [
    { email: org.owner.email, name: org.owner.name, label: `Owner, ${org.name}`, orgSlug: org.slug },
    ...org.coaches.map((c) => ({ email: c.email, name: c.name, label: `Coach, ${org.name}`, orgSlug: org.slug })),
    ...org.clients.map((c) => ({ email: c.email, name: c.name, label: `Client, ${org.name}`, orgSlug: org.slug })),
  ]);
}
