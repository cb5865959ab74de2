import { addDays, addHours } from "date-fns";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { calendarFeedResponse } from "../../../server/services/calendar/feed";
import { createApplication, createCommitment, createContact, createInterview, createMember, createOrg, createPractice, createUser } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

/** The token at the end of a feed URL. */
const tokenOf = (url: string) => new URL(url).pathname.replace(/^\/calendar\//, "");

/** Reads the feed back with ical.js, an independent parser, resolving zones from its VTIMEZONEs. */
function parseFeed(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  return new Map(events.map((e) => [e.uid, e]));
}

describe("calendar feed", () => {
  const test = useTestDatabase();

  it("enables, rotates and revokes the caller's own feed URL", async () => {
    const p = await createPractice(test.db);
    const api = callerFor(test.db, p.client.user);

    expect(await api.calendar.feed()).toEqual({ url: null });
    const { url } = await api.calendar.enable();
    expect(url).toMatch(/^https?:\/\/[^/]+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await api.calendar.feed()).toEqual({ url });
    // Enabling again keeps the URL calendars are already subscribed to.
    expect(await api.calendar.enable()).toEqual({ url });
    expect((await calendarFeedResponse(test.db, tokenOf(url!))).status).toBe(200);

    const rotated = await api.calendar.rotate();
    expect(rotated.url).not.toBe(url);
    expect((await calendarFeedResponse(test.db, tokenOf(url!))).status).toBe(404);
    expect((await calendarFeedResponse(test.db, tokenOf(rotated.url!))).status).toBe(200);

    expect(await api.calendar.revoke()).toEqual({ url: null });
    const revoked = await calendarFeedResponse(test.db, tokenOf(rotated.url!));
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toBe("");

    // Each person manages their own token only: the coach's feed is theirs, not the client's.
    const coach = await callerFor(test.db, p.coach.user).calendar.enable();
    const [client] = await test.db.select({ token: s.users.calendarToken }).from(s.users).where(eq(s.users.id, p.client.user.id));
    expect(client!.token).toBeNull();
    expect(coach.url).toBeTruthy();
  });

  it("answers 404 for unknown or malformed tokens", async () => {
    for (const token of ["", "nope", "x".repeat(43), `${"A".repeat(43)}.ics`, "../../etc/passwd", "' or 1=1 --"]) {
      const response = await calendarFeedResponse(test.db, token);
      expect(response.status, token).toBe(404);
      expect(await response.text()).toBe("");
    }
  });

  it("lists the person's interviews, agreed check-ins and open commitments across their practices, and nobody else's", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await test.db.update(s.users).set({ timeZone: "America/New_York", name: "Sam Rivera" }).where(eq(s.users.id, p.client.user.id));
    const company = await test.db.insert(s.companies).values({ ...ref, name: "Acme Analytics" }).returning();
    const application = await createApplication(test.db, ref, { companyId: company[0]!.id, roleTitle: "Data Engineer", status: "interviewing" });
    const startsAt = new Date(Math.floor(addDays(new Date(), 5).getTime() / 60_000) * 60_000);
    const interview = await createInterview(test.db, { ...ref, applicationId: application.id }, {
      startsAt,
      endsAt: addHours(startsAt, 1),
      timeZone: "Europe/Berlin",
      location: "Hauptstraße 1, Berlin",
      round: 2,
      agreedCheckInOn: "2099-01-15",
    });
    const cancelled = await createInterview(test.db, { ...ref, applicationId: application.id }, { status: "cancelled", round: 3 });
    const recruiter = await createContact(test.db, ref, { name: "Robin Lee" });
    const open = await createCommitment(test.db, ref, { applicationId: application.id, contactId: recruiter.id, description: "Send work sample" });
    const done = await createCommitment(test.db, ref, { description: "DONE-MARKER", doneAt: new Date() });

    // Someone else's rows in the same practice, and the same person as a coach elsewhere.
    const otherRef = { orgId: p.org.id, clientId: p.otherClient.membership.id };
    const otherApplication = await createApplication(test.db, otherRef, { roleTitle: "OTHER-CLIENT-ROLE" });
    await createInterview(test.db, { ...otherRef, applicationId: otherApplication.id });
    await createCommitment(test.db, otherRef, { description: "OTHER-CLIENT-PROMISE" });
    // The same person is also a client of a second practice: those interviews belong in the feed.
    const second = await createOrg(test.db);
    const asClientThere = await createMember(test.db, second.id, "client", p.client.user);
    const secondRef = { orgId: second.id, clientId: asClientThere.membership.id };
    const secondApplication = await createApplication(test.db, secondRef, { roleTitle: "Platform Engineer" });
    const secondInterview = await createInterview(test.db, { ...secondRef, applicationId: secondApplication.id });

    const { url } = await callerFor(test.db, p.client.user).calendar.enable();
    const response = await calendarFeedResponse(test.db, tokenOf(url!));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const ics = await response.text();
    // Without the ".ics" suffix the same feed is served.
    expect((await calendarFeedResponse(test.db, tokenOf(url!).replace(/\.ics$/, ""))).status).toBe(200);

    const events = parseFeed(ics);
    expect([...events.keys()].sort()).toEqual(
      [
        `interview-${interview.id}@followthrough`,
        `interview-${cancelled.id}@followthrough`,
        `check_in-${interview.id}@followthrough`,
        `commitment-${open.id}@followthrough`,
        `interview-${secondInterview.id}@followthrough`,
      ].sort(),
    );

    const main = events.get(`interview-${interview.id}@followthrough`)!;
    expect(main.summary).toBe("Interview: Data Engineer at Acme Analytics (round 2)");
    expect(main.location).toBe("Hauptstraße 1, Berlin");
    expect(main.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Berlin");
    expect(main.startDate.toJSDate().getTime()).toBe(startsAt.getTime());
    expect(String(main.component.getFirstPropertyValue("url"))).toContain(`/${p.org.slug}/interviews/${interview.id}`);

    expect(events.get(`interview-${cancelled.id}@followthrough`)!.component.getFirstPropertyValue("status")).toBe("CANCELLED");

    const checkIn = events.get(`check_in-${interview.id}@followthrough`)!;
    expect(checkIn.startDate.isDate).toBe(true);
    expect(checkIn.startDate.toString()).toBe("2099-01-15");

    const promise = events.get(`commitment-${open.id}@followthrough`)!;
    expect(promise.summary).toBe("Due: Send work sample");
    expect(promise.description).toContain("Robin Lee");

    for (const leak of ["OTHER-CLIENT-ROLE", "OTHER-CLIENT-PROMISE", "DONE-MARKER", done.id]) expect(ics, leak).not.toContain(leak);
  });

  it("is one feed per person across organisations: turning it off in one turns off the one feed everywhere", async () => {
    const p = await createPractice(test.db);
    const second = await createOrg(test.db);
    await createMember(test.db, second.id, "client", p.client.user);
    const api = callerFor(test.db, p.client.user);

    // No organisation in the call: the same feed, whichever practice's page the person is on.
    const { url } = await api.calendar.enable();
    expect(await api.calendar.feed()).toEqual({ url });
    const [row] = await test.db.select({ token: s.users.calendarToken }).from(s.users).where(eq(s.users.id, p.client.user.id));
    expect(url).toContain(row!.token!);

    expect(await api.calendar.revoke()).toEqual({ url: null });
    expect((await calendarFeedResponse(test.db, tokenOf(url!))).status).toBe(404);
    expect(await api.calendar.feed()).toEqual({ url: null });
  });

  it("a person who belongs to no organisation still only reaches their own row", async () => {
    const p = await createPractice(test.db);
    const loner = await createUser(test.db);
    const { url } = await callerFor(test.db, loner).calendar.enable();
    const feed = await calendarFeedResponse(test.db, tokenOf(url!));
    expect(feed.status).toBe(200);
    expect(await feed.text()).not.toContain("BEGIN:VEVENT");
    const [client] = await test.db.select({ token: s.users.calendarToken }).from(s.users).where(eq(s.users.id, p.client.user.id));
    expect(client!.token).toBeNull();
  });
});
