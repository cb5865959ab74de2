import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import {
  buildCalendarFeed,
  type CalendarEvent,
  type CalendarFeedInput,
  type InterviewCalendarEvent,
} from "@/server/services/calendar/ics";

/**
 * Every assertion reads the feed back with ical.js, an independent parser, and resolves zoned
 * times through the VTIMEZONE blocks in the feed itself (not through Node's Intl), so a wrong
 * offset or a missing VTIMEZONE fails here as it would in a calendar app.
 */

type Parsed = { root: ICAL.Component; events: Map<string, ICAL.Event> };

function parse(ics: string): Parsed {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  const events = new Map(
    root.getAllSubcomponents("vevent").map((c) => [String(c.getFirstPropertyValue("uid")), new ICAL.Event(c)]),
  );
  return { root, events };
}

function eventOf(parsed: Parsed, uid: string): ICAL.Event {
  const event = parsed.events.get(uid);
  if (!event) throw new Error(`No event with UID ${uid}; have ${[...parsed.events.keys()].join(", ")}`);
  return event;
}

/** The raw value and TZID of a date property, as written in the file. */
function rawProperty(event: ICAL.Event, name: "dtstart" | "dtend") {
  const property = event.component.getFirstProperty(name);
  return { tzid: property?.getParameter("tzid"), value: String(property?.getFirstValue()) };
}

function interview(overrides: Partial<InterviewCalendarEvent> = {}): InterviewCalendarEvent {
  return {
    kind: "interview",
    id: "int-1",
    roleTitle: "Senior Data Engineer",
    companyName: "Acme Analytics",
    round: 2,
    startsAt: new Date("2026-06-02T09:00:00Z"),
    endsAt: new Date("2026-06-02T10:00:00Z"),
    timeZone: "Europe/London",
    location: "https://meet.example.com/abc",
    status: "scheduled",
    description: "Panel with the data team",
    path: "/acme/interviews/int-1",
    ...overrides,
  };
}

function feed(events: CalendarEvent[], overrides: Partial<CalendarFeedInput> = {}): string {
  return buildCalendarFeed({
    calendarName: "Sam's follow-ups",
    ownerTimeZone: "America/New_York",
    appUrl: "https://app.followthrough.test/",
    generatedAt: new Date("2026-06-01T12:00:00Z"),
    events,
    ...overrides,
  });
}

beforeEach(() => {
  ICAL.TimezoneService.reset();
});

describe("buildCalendarFeed", () => {
  const standardFeed = () =>
    feed([
      interview(),
      {
        kind: "check_in",
        id: "int-1",
        on: "2026-06-12",
        roleTitle: "Senior Data Engineer",
        companyName: "Acme Analytics",
        contactName: "Priya Shah",
        channel: "phone",
      },
      {
        kind: "commitment",
        id: "cm-1",
        description: "Send two references",
        dueAt: new Date("2026-06-04T21:00:00Z"),
        toName: "Priya Shah",
        roleTitle: "Senior Data Engineer",
        companyName: "Acme Analytics",
        updatedAt: new Date("2026-06-02T11:00:00Z"),
      },
    ]);

  it("lists every event under a stable UID, with names and links", () => {
    const parsed = parse(standardFeed());

    expect([...parsed.events.keys()]).toEqual([
      "interview-int-1@followthrough",
      "check_in-int-1@followthrough",
      "commitment-cm-1@followthrough",
    ]);
    expect(parsed.root.getFirstPropertyValue("x-wr-calname")).toBe("Sam's follow-ups");
    expect(parsed.root.getFirstPropertyValue("x-wr-timezone")).toBe("America/New_York");

    const meeting = eventOf(parsed, "interview-int-1@followthrough");
    expect(meeting.summary).toBe("Interview: Senior Data Engineer at Acme Analytics (round 2)");
    expect(meeting.location).toBe("https://meet.example.com/abc");
    expect(meeting.description).toBe(
      "Panel with the data team\n\nWhere: https://meet.example.com/abc\n\nOpen in Followthrough: https://app.followthrough.test/acme/interviews/int-1",
    );
    expect(meeting.component.getFirstPropertyValue("url")).toBe("https://app.followthrough.test/acme/interviews/int-1");
    expect(meeting.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("writes an interview in its own zone, with that zone's VTIMEZONE", () => {
    const parsed = parse(standardFeed());
    const meeting = eventOf(parsed, "interview-int-1@followthrough");

    expect(rawProperty(meeting, "dtstart")).toEqual({ tzid: "Europe/London", value: "2026-06-02T10:00:00" });
    expect(meeting.startDate.toJSDate().toISOString()).toBe("2026-06-02T09:00:00.000Z");
    expect(meeting.endDate.toJSDate().toISOString()).toBe("2026-06-02T10:00:00.000Z");
    const zones = parsed.root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect(zones).toEqual(expect.arrayContaining(["Europe/London", "America/New_York"]));
  });

  it.each([
    ["before the spring change (GMT)", "2026-03-27T10:00:00Z", "2026-03-27T10:00:00"],
    ["on the day of the spring change (BST)", "2026-03-29T09:00:00Z", "2026-03-29T10:00:00"],
    ["after the spring change (BST)", "2026-03-30T09:00:00Z", "2026-03-30T10:00:00"],
    ["before the autumn change (BST)", "2026-10-24T09:00:00Z", "2026-10-24T10:00:00"],
    ["after the autumn change (GMT)", "2026-10-26T10:00:00Z", "2026-10-26T10:00:00"],
  ])("puts 10:00 Europe/London at the right instant %s", (_label, instant, localWallTime) => {
    const startsAt = new Date(instant);
    const parsed = parse(feed([interview({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) })]));
    const meeting = eventOf(parsed, "interview-int-1@followthrough");

    expect(rawProperty(meeting, "dtstart")).toEqual({ tzid: "Europe/London", value: localWallTime });
    expect(meeting.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
  });

  it("keeps each interview in its own zone when the feed mixes zones", () => {
    const tokyo = interview({
      id: "tokyo",
      timeZone: "Asia/Tokyo",
      startsAt: new Date("2026-03-09T01:00:00Z"),
      endsAt: new Date("2026-03-09T02:00:00Z"),
    });
    // New York moved to daylight time on 8 March 2026: 10:00 EDT is 14:00 UTC.
    const newYork = interview({
      id: "ny",
      timeZone: "America/New_York",
      startsAt: new Date("2026-03-09T14:00:00Z"),
      endsAt: new Date("2026-03-09T15:00:00Z"),
    });
    const parsed = parse(feed([tokyo, newYork]));

    expect(rawProperty(eventOf(parsed, "interview-tokyo@followthrough"), "dtstart")).toEqual({
      tzid: "Asia/Tokyo",
      value: "2026-03-09T10:00:00",
    });
    expect(rawProperty(eventOf(parsed, "interview-ny@followthrough"), "dtstart")).toEqual({
      tzid: "America/New_York",
      value: "2026-03-09T10:00:00",
    });
    expect(eventOf(parsed, "interview-ny@followthrough").startDate.toJSDate().toISOString()).toBe(
      "2026-03-09T14:00:00.000Z",
    );
    const zones = parsed.root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect(zones.toSorted()).toEqual(["America/New_York", "Asia/Tokyo"]);
  });

  it("writes a zone stored under its legacy name (Asia/Calcutta) as the canonical one, so 11:00 stays 11:00 in India", () => {
    const startsAt = new Date("2026-06-02T05:30:00Z"); // 11:00 in Kolkata
    const parsed = parse(feed([interview({ timeZone: "Asia/Calcutta", startsAt, endsAt: new Date("2026-06-02T06:30:00Z") })]));
    const meeting = eventOf(parsed, "interview-int-1@followthrough");
    expect(rawProperty(meeting, "dtstart").tzid).toBe("Asia/Kolkata");
    expect(parsed.root.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"))).toContain("Asia/Kolkata");
    // Read back through the feed's own VTIMEZONE: not floating, not 11:00Z.
    expect(meeting.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
  });

  it("writes an agreed check-in as an all-day event on that calendar date", () => {
    const parsed = parse(
      feed(
        [
          {
            kind: "check_in",
            id: "int-1",
            on: "2026-06-12",
            roleTitle: "Engineer",
            companyName: "Acme",
            channel: "email",
          },
        ],
        { ownerTimeZone: "Pacific/Auckland" },
      ),
    );
    const checkIn = eventOf(parsed, "check_in-int-1@followthrough");

    expect(checkIn.startDate.isDate).toBe(true);
    expect(checkIn.startDate.toString()).toBe("2026-06-12");
    expect(checkIn.endDate.toString()).toBe("2026-06-13");
    expect(rawProperty(checkIn, "dtstart").tzid).toBeUndefined();
    expect(checkIn.summary).toBe("Check in: Engineer at Acme");
    expect(checkIn.description).toContain("The employer agreed to hear from you today, by email.");
    expect(checkIn.component.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
  });

  it("writes a commitment at its due instant in the owner's zone", () => {
    const parsed = parse(standardFeed());
    const due = eventOf(parsed, "commitment-cm-1@followthrough");

    expect(rawProperty(due, "dtstart")).toEqual({ tzid: "America/New_York", value: "2026-06-04T17:00:00" });
    expect(due.startDate.toJSDate().toISOString()).toBe("2026-06-04T21:00:00.000Z");
    expect(due.summary).toBe("Due: Send two references");
    expect(due.description).toContain(
      "You promised this to Priya Shah for the Senior Data Engineer role at Acme Analytics.",
    );
    expect(due.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-06-02T11:00:00Z");
  });

  it("marks a cancelled interview as cancelled and carries its sequence", () => {
    const parsed = parse(feed([interview({ status: "cancelled", sequence: 3 })]));
    const meeting = eventOf(parsed, "interview-int-1@followthrough");

    expect(meeting.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(meeting.sequence).toBe(3);
  });

  it("round-trips commas, semicolons, backslashes, quotes, newlines and emoji", () => {
    const description =
      'Bring: laptop, ID; notes\\drafts\nAsk about "on-call"\n\n🚀 Second paragraph with 👩‍💻 and ünïcödé '
        .repeat(3)
        .trim();
    const parsed = parse(
      feed([
        interview({
          roleTitle: "Engineer, Platform; Data 🚀",
          companyName: 'Acme "Analytics", Ltd.',
          location: "Floor 3, Room 2; ask at desk",
          description,
        }),
      ]),
    );
    const meeting = eventOf(parsed, "interview-int-1@followthrough");

    expect(meeting.summary).toBe('Interview: Engineer, Platform; Data 🚀 at Acme "Analytics", Ltd. (round 2)');
    expect(meeting.location).toBe("Floor 3, Room 2; ask at desk");
    expect(meeting.description.startsWith(description)).toBe(true);
  });

  it("folds long lines without breaking multi-byte characters", () => {
    const ics = feed([interview({ description: "🚀".repeat(200) })]);

    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(eventOf(parse(ics), "interview-int-1@followthrough").description.startsWith("🚀".repeat(200))).toBe(true);
  });

  it("strips control characters that iCalendar text may not contain", () => {
    const parsed = parse(
      feed([interview({ roleTitle: "Data\u0000 Engineer\u0007", description: "Line one\r\nLine\u001b two" })]),
    );
    const meeting = eventOf(parsed, "interview-int-1@followthrough");

    expect(meeting.summary).toBe("Interview: Data Engineer at Acme Analytics (round 2)");
    expect(meeting.description.startsWith("Line one\nLine two")).toBe(true);
  });

  it("falls back to UTC for a zone it cannot describe, keeping the instant", () => {
    const parsed = parse(feed([interview({ timeZone: "Mars/Olympus_Mons" })], { ownerTimeZone: "Nowhere/Land" }));
    const meeting = eventOf(parsed, "interview-int-1@followthrough");

    expect(rawProperty(meeting, "dtstart")).toEqual({ tzid: undefined, value: "2026-06-02T09:00:00Z" });
    expect(parsed.root.getAllSubcomponents("vtimezone")).toHaveLength(0);
    expect(parsed.root.getFirstPropertyValue("x-wr-timezone")).toBeNull();
  });

  it("is deterministic, stamping events with generatedAt when they have no updatedAt", () => {
    const first = standardFeed();

    expect(standardFeed()).toBe(first);
    const meeting = eventOf(parse(first), "interview-int-1@followthrough");
    expect(meeting.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-06-01T12:00:00Z");
  });

  it("rejects an appUrl that is not an absolute http(s) URL", () => {
    expect(() => feed([], { appUrl: "javascript:alert(1)" })).toThrow(RangeError);
    expect(() => feed([], { appUrl: "/relative" })).toThrow(RangeError);
  });
});
