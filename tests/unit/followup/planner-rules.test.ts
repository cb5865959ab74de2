import { describe, expect, it } from "vitest";
import { planApplication } from "@/server/followup";
import {
  LONDON,
  NEW_YORK,
  commitment,
  debriefedInterview,
  interview,
  kindsOf,
  ofKind,
  onlyOfKind,
  planInput,
} from "./fixtures";

const at = (iso: string) => new Date(iso);

describe("rule 1: prepare", () => {
  it("is due the day before at 18:00 in the recipient's zone", () => {
    const reminder = onlyOfKind(planApplication(planInput({ interviews: [interview()] })), "prepare");
    expect(reminder).toEqual({
      kind: "prepare",
      dueAt: at("2026-05-13T17:00:00Z"),
      dedupeKey: "prepare/int-1/v1",
      applicationId: "app-1",
      interviewId: "int-1",
      reason:
        "Your interview with Brightline Health for the Product Designer role is tomorrow at 10:00 (Europe/London). " +
        "Look over your research on the company and plan how you'll ask for the job and about the next steps.",
    });
  });

  it("follows the policy's local time", () => {
    const plan = planApplication(planInput({ interviews: [interview()], policy: { prepareLocalTime: "17:30" } }));
    expect(onlyOfKind(plan, "prepare").dueAt).toEqual(at("2026-05-13T16:30:00Z"));
  });

  it("uses the recipient's calendar and clock, and names the interview's own local time", () => {
    // 09:00 UTC on 14 May is 05:00 in New York: the day before there is 13 May, 18:00 EDT.
    const plan = planApplication(planInput({ interviews: [interview()], recipient: { timeZone: NEW_YORK } }));
    const reminder = onlyOfKind(plan, "prepare");
    expect(reminder.dueAt).toEqual(at("2026-05-13T22:00:00Z"));
    expect(reminder.reason).toContain("tomorrow at 05:00 (America/New_York), 10:00 in Europe/London where it takes place");
  });

  it("is planned only for scheduled interviews still ahead", () => {
    expect(ofKind(planApplication(planInput({ interviews: [interview({ status: "cancelled" })] })), "prepare")).toEqual([]);
    expect(ofKind(planApplication(planInput({ interviews: [interview({ status: "completed" })] })), "prepare")).toEqual([]);
    const afterStart = planInput({ interviews: [interview()], now: at("2026-05-14T09:00:00Z") });
    expect(ofKind(planApplication(afterStart), "prepare")).toEqual([]);
  });

  it("when planned after 18:00 the evening before, goes out at 08:00 and says 'today'", () => {
    const plan = planApplication(planInput({ interviews: [interview()], now: at("2026-05-13T20:00:00Z") }));
    const reminder = onlyOfKind(plan, "prepare");
    expect(reminder.dueAt).toEqual(at("2026-05-14T07:00:00Z"));
    expect(reminder.reason).toContain("is today at 10:00 (Europe/London)");
  });

  it("is dropped when less than an hour would be left to prepare", () => {
    const stillAnHour = planInput({ interviews: [interview()], now: at("2026-05-14T07:30:00Z") });
    expect(onlyOfKind(planApplication(stillAnHour), "prepare").dueAt).toEqual(at("2026-05-14T07:30:00Z"));
    const tooLate = planInput({ interviews: [interview()], now: at("2026-05-14T08:05:00Z") });
    expect(ofKind(planApplication(tooLate), "prepare")).toEqual([]);
  });
});

describe("rule 2: debrief", () => {
  it("is due the policy's delay after the interview ends", () => {
    const reminder = onlyOfKind(planApplication(planInput({ interviews: [interview()] })), "debrief");
    expect(reminder.dueAt).toEqual(at("2026-05-14T11:00:00Z"));
    expect(reminder.dedupeKey).toBe("debrief/int-1/v1");
    expect(reminder.interviewId).toBe("int-1");
    expect(reminder.reason).toMatch(/^Your interview with Brightline Health for the Product Designer role is over\. Record the debrief/);
  });

  it("follows the policy's delay", () => {
    const plan = planApplication(planInput({ interviews: [interview()], policy: { debriefDelayMinutes: 0 } }));
    expect(onlyOfKind(plan, "debrief").dueAt).toEqual(at("2026-05-14T10:00:00Z"));
  });

  it("waits for the morning after an evening interview", () => {
    const evening = interview({ startsAt: at("2026-05-14T18:30:00Z"), endsAt: at("2026-05-14T19:30:00Z") });
    expect(onlyOfKind(planApplication(planInput({ interviews: [evening] })), "debrief").dueAt).toEqual(
      at("2026-05-15T07:00:00Z"),
    );
  });

  it("is not planned once debriefed, or for a cancelled interview", () => {
    expect(ofKind(planApplication(planInput({ interviews: [debriefedInterview()] })), "debrief")).toEqual([]);
    expect(ofKind(planApplication(planInput({ interviews: [interview({ status: "cancelled" })] })), "debrief")).toEqual([]);
  });

  it("goes out late within the 12 h grace and is dropped after it", () => {
    const late = planInput({ interviews: [interview({ status: "completed" })], now: at("2026-05-14T15:00:00Z") });
    expect(onlyOfKind(planApplication(late), "debrief").dueAt).toEqual(at("2026-05-14T15:00:00Z"));
    const stale = planInput({ interviews: [interview({ status: "completed" })], now: at("2026-05-15T00:00:00Z") });
    expect(ofKind(planApplication(stale), "debrief")).toEqual([]);
  });
});

describe("rule 3: thank you", () => {
  const dana = { contactId: "c-dana", name: "Dana Reyes", thankYouSentAt: null, thankYouHandwritten: false };
  const sam = { contactId: "c-sam", name: "Sam Ortiz", thankYouSentAt: null, thankYouHandwritten: false };

  it("is due the window after the interview ended when someone is unthanked", () => {
    const reminder = onlyOfKind(planApplication(planInput({ interviews: [debriefedInterview()] })), "thank_you_due");
    expect(reminder).toMatchObject({
      dueAt: at("2026-05-15T10:00:00Z"),
      dedupeKey: "thank_you_due/int-1/v1",
      interviewId: "int-1",
      contactId: "c-dana",
    });
    expect(reminder.reason).toContain("No thank-you note to Dana Reyes is marked as sent yet after your Brightline Health interview");
  });

  it("is one reminder per interview naming everyone still unthanked", () => {
    const thanked = { contactId: "c-lee", name: "Lee Chan", thankYouSentAt: at("2026-05-14T12:00:00Z"), thankYouHandwritten: false };
    const plan = planApplication(planInput({ interviews: [debriefedInterview({ participants: [dana, thanked, sam] })] }));
    const reminder = onlyOfKind(plan, "thank_you_due");
    expect(reminder.reason).toContain("Dana Reyes and Sam Ortiz");
    expect(reminder.reason).not.toContain("Lee Chan");
    expect(reminder.contactId).toBeUndefined();
  });

  it("counts a sent note and a handwritten note", () => {
    const participants = [
      { ...dana, thankYouSentAt: at("2026-05-14T12:00:00Z") },
      { ...sam, thankYouHandwritten: true },
    ];
    expect(ofKind(planApplication(planInput({ interviews: [debriefedInterview({ participants })] })), "thank_you_due")).toEqual([]);
  });

  it("needs a debrief", () => {
    const undebriefed = interview({ status: "completed", participants: [dana] });
    expect(ofKind(planApplication(planInput({ interviews: [undebriefed] })), "thank_you_due")).toEqual([]);
  });

  it("follows the policy's window", () => {
    const plan = planApplication(planInput({ interviews: [debriefedInterview()], policy: { thankYouWindowHours: 48 } }));
    expect(onlyOfKind(plan, "thank_you_due").dueAt).toEqual(at("2026-05-16T10:00:00Z"));
  });

  it("goes out late rather than never, outside quiet hours", () => {
    const afternoon = planInput({ interviews: [debriefedInterview()], now: at("2026-05-20T12:00:00Z") });
    expect(onlyOfKind(planApplication(afternoon), "thank_you_due").dueAt).toEqual(at("2026-05-20T12:00:00Z"));
    const night = planInput({ interviews: [debriefedInterview()], now: at("2026-05-20T22:00:00Z") });
    expect(onlyOfKind(planApplication(night), "thank_you_due").dueAt).toEqual(at("2026-05-21T07:00:00Z"));
  });
});

describe("rule 5: commitments", () => {
  it("reminds the lead time before and again at the due time", () => {
    const plan = planApplication(planInput({ commitments: [commitment()] }));
    expect(onlyOfKind(plan, "commitment_due")).toMatchObject({
      dueAt: at("2026-05-17T16:00:00Z"),
      dedupeKey: "commitment_due/com-1/v1",
      commitmentId: "com-1",
      applicationId: "app-1",
    });
    expect(onlyOfKind(plan, "commitment_due").reason).toContain(
      'You promised Dana Reyes: "Send two references", due tomorrow at 17:00 (Europe/London)',
    );
    expect(onlyOfKind(plan, "commitment_overdue")).toMatchObject({
      dueAt: at("2026-05-18T16:00:00Z"),
      dedupeKey: "commitment_overdue/com-1/v1",
      commitmentId: "com-1",
    });
  });

  it("says nothing once the promise is kept", () => {
    const plan = planApplication(planInput({ commitments: [commitment({ doneAt: at("2026-05-12T10:00:00Z") })] }));
    expect(plan).toEqual([]);
  });

  it("follows the policy's lead time", () => {
    const plan = planApplication(planInput({ commitments: [commitment()], policy: { commitmentLeadHours: 3 } }));
    expect(onlyOfKind(plan, "commitment_due").dueAt).toEqual(at("2026-05-18T13:00:00Z"));
  });

  it("sends the heads-up now when planned inside the lead time", () => {
    const plan = planApplication(planInput({ commitments: [commitment()], now: at("2026-05-18T10:00:00Z") }));
    expect(onlyOfKind(plan, "commitment_due").dueAt).toEqual(at("2026-05-18T10:00:00Z"));
    expect(onlyOfKind(plan, "commitment_overdue").dueAt).toEqual(at("2026-05-18T16:00:00Z"));
  });

  it("after the due time keeps only the overdue reminder, delivered now", () => {
    const plan = planApplication(planInput({ commitments: [commitment()], now: at("2026-05-25T10:00:00Z") }));
    expect(plan.map((r) => [r.kind, r.dueAt])).toEqual([["commitment_overdue", at("2026-05-25T10:00:00Z")]]);
    expect(plan[0]!.reason).toContain("It was due on Monday 18 May at 17:00 (Europe/London) and isn't marked done yet");
  });

  it("moves late-evening due times to the morning", () => {
    const plan = planApplication(planInput({ commitments: [commitment({ dueAt: at("2026-05-18T22:30:00Z") })] }));
    expect(onlyOfKind(plan, "commitment_due").dueAt).toEqual(at("2026-05-18T07:00:00Z"));
    expect(onlyOfKind(plan, "commitment_overdue").dueAt).toEqual(at("2026-05-19T07:00:00Z"));
  });
});

describe("rule 6: sit tight", () => {
  it("checks in the policy's default days after the interview when no date was agreed", () => {
    const reminder = onlyOfKind(planApplication(planInput({ interviews: [debriefedInterview()] })), "check_in");
    expect(reminder).toMatchObject({ dueAt: at("2026-05-21T10:00:00Z"), dedupeKey: "check_in/int-1/v1", interviewId: "int-1" });
    expect(reminder.reason).toContain("It has been 7 days since your Brightline Health interview");
  });

  it("follows the policy's default days", () => {
    const plan = planApplication(planInput({ interviews: [debriefedInterview()], policy: { checkInDefaultDays: 10 } }));
    expect(onlyOfKind(plan, "check_in").dueAt).toEqual(at("2026-05-24T10:00:00Z"));
  });

  it("checks in at 09:00 on the agreed date, in the channel the employer prefers", () => {
    const agreed = debriefedInterview({ agreedCheckInOn: "2026-05-28", preferredChannel: "linkedin" });
    const reminder = onlyOfKind(planApplication(planInput({ interviews: [agreed] })), "check_in");
    expect(reminder.dueAt).toEqual(at("2026-05-28T08:00:00Z"));
    expect(reminder.reason).toContain("Brightline Health agreed you could check in on Thursday 28 May");
    expect(reminder.reason).toContain("a short, friendly check-in on LinkedIn");
  });

  it("a 'not before' date 10 days out yields no check-in before that date", () => {
    const notBefore = debriefedInterview({ notBeforeOn: "2026-05-24" });
    const plan = planApplication(planInput({ interviews: [notBefore] }));
    const checkIns = ofKind(plan, "check_in");
    expect(checkIns.every((r) => +r.dueAt >= +at("2026-05-23T23:00:00Z"))).toBe(true); // midnight BST
    expect(checkIns.map((r) => r.dueAt)).toEqual([at("2026-05-24T08:00:00Z")]);
    expect(checkIns[0]!.reason).toContain("asked not to be contacted before Sunday 24 May");
  });

  it("an agreed date 10 days out yields no check-in before it, overriding the 7-day default", () => {
    const plan = planApplication(planInput({ interviews: [debriefedInterview({ agreedCheckInOn: "2026-05-24" })] }));
    expect(ofKind(plan, "check_in").map((r) => r.dueAt)).toEqual([at("2026-05-24T08:00:00Z")]);
  });

  it("lets a later 'not before' date win over an earlier agreed one", () => {
    const contradicting = debriefedInterview({ agreedCheckInOn: "2026-05-20", notBeforeOn: "2026-05-22" });
    expect(onlyOfKind(planApplication(planInput({ interviews: [contradicting] })), "check_in").dueAt).toEqual(
      at("2026-05-22T08:00:00Z"),
    );
  });

  it("never goes out before the employer's date has begun where the employer is", () => {
    // Recipient in Tokyo, employer in New York: 09:00 JST on the 24th is still the 23rd in New York.
    const employerInNewYork = debriefedInterview({ timeZone: NEW_YORK, agreedCheckInOn: "2026-05-24" });
    const plan = planApplication(planInput({ interviews: [employerInNewYork], recipient: { timeZone: "Asia/Tokyo" } }));
    expect(onlyOfKind(plan, "check_in").dueAt).toEqual(at("2026-05-24T04:00:00Z")); // midnight EDT, 13:00 JST
  });

  it("is cancelled by any status change after the interview", () => {
    const moved = planInput({ interviews: [debriefedInterview()], application: { statusChangedAt: at("2026-05-15T09:00:00Z") } });
    expect(ofKind(planApplication(moved), "check_in")).toEqual([]);
    const changedAsItEnded = planInput({
      interviews: [debriefedInterview()],
      application: { statusChangedAt: at("2026-05-14T10:00:00Z") },
    });
    expect(ofKind(planApplication(changedAsItEnded), "check_in")).toHaveLength(1);
  });

  it("is planned only for the latest interview", () => {
    const nextRound = interview({ id: "int-2", startsAt: at("2026-05-20T09:00:00Z"), endsAt: at("2026-05-20T10:00:00Z") });
    const plan = planApplication(planInput({ interviews: [debriefedInterview(), nextRound] }));
    expect(ofKind(plan, "check_in")).toEqual([]);
    const nextRoundCancelled = planApplication(planInput({ interviews: [debriefedInterview(), { ...nextRound, status: "cancelled" }] }));
    expect(onlyOfKind(nextRoundCancelled, "check_in").interviewId).toBe("int-1");
  });

  it("needs the debrief, where the employer's dates are recorded", () => {
    expect(ofKind(planApplication(planInput({ interviews: [interview({ status: "completed" })] })), "check_in")).toEqual([]);
  });
});

describe("rule 7: solve a need", () => {
  it("suggests a proposal once, the morning after the debrief that recorded challenges", () => {
    const withChallenges = debriefedInterview({ companyChallenges: ["patient onboarding takes weeks"] });
    const reminder = onlyOfKind(planApplication(planInput({ interviews: [withChallenges] })), "proposal_suggestion");
    expect(reminder).toMatchObject({
      dueAt: at("2026-05-15T08:00:00Z"),
      dedupeKey: "proposal_suggestion/app-1/v1",
      interviewId: "int-1",
    });
    expect(reminder.reason).toContain('"patient onboarding takes weeks"');
  });

  it("stays a single suggestion per application across several debriefs", () => {
    const first = debriefedInterview({ companyChallenges: ["slow onboarding"] });
    const second = debriefedInterview({
      id: "int-2",
      startsAt: at("2026-05-20T09:00:00Z"),
      endsAt: at("2026-05-20T10:00:00Z"),
      debriefedAt: at("2026-05-20T11:00:00Z"),
      companyChallenges: ["churn in year two", "slow onboarding"],
    });
    const reminder = onlyOfKind(planApplication(planInput({ interviews: [second, first] })), "proposal_suggestion");
    expect(reminder.interviewId).toBe("int-1");
    expect(reminder.reason).toContain('"slow onboarding" and "churn in year two"');
  });

  it("needs a debrief with at least one real challenge", () => {
    const blank = debriefedInterview({ companyChallenges: ["  "] });
    expect(ofKind(planApplication(planInput({ interviews: [blank] })), "proposal_suggestion")).toEqual([]);
    const notDebriefed = interview({ companyChallenges: ["slow onboarding"] });
    expect(ofKind(planApplication(planInput({ interviews: [notDebriefed] })), "proposal_suggestion")).toEqual([]);
  });
});

describe("rule 9: use your network", () => {
  const lee = { contactId: "c-lee", name: "Lee Chan", knows: "Sam Ortiz, your interviewer" };

  it("suggests asking for a good word now", () => {
    const reminder = onlyOfKind(planApplication(planInput({ goodWordContacts: [lee] })), "networking_suggestion");
    expect(reminder).toMatchObject({
      dueAt: at("2026-05-10T12:00:00Z"),
      dedupeKey: "networking_suggestion/app-1/v1",
      contactId: "c-lee",
    });
    expect(reminder.reason).toMatch(/^Lee Chan knows Sam Ortiz, your interviewer\. /);
  });

  it("names everyone who could help in one suggestion", () => {
    const ana = { contactId: "c-ana", name: "Ana Silva", knows: "Brightline Health" };
    const reminder = onlyOfKind(planApplication(planInput({ goodWordContacts: [lee, ana] })), "networking_suggestion");
    expect(reminder.reason).toContain("Lee Chan knows Sam Ortiz, your interviewer and Ana Silva knows Brightline Health");
  });

  it("waits for the morning when planned at night", () => {
    const plan = planApplication(planInput({ goodWordContacts: [lee], now: at("2026-05-10T22:00:00Z") }));
    expect(onlyOfKind(plan, "networking_suggestion").dueAt).toEqual(at("2026-05-11T07:00:00Z"));
  });

  it("needs someone to ask", () => {
    expect(planApplication(planInput())).toEqual([]);
  });
});

describe("rule 10: close with grace", () => {
  const everything = {
    interviews: [interview({ id: "int-2", startsAt: at("2026-05-20T09:00:00Z"), endsAt: at("2026-05-20T10:00:00Z") }), debriefedInterview({ companyChallenges: ["churn"] })],
    commitments: [commitment()],
    goodWordContacts: [{ contactId: "c-lee", name: "Lee Chan", knows: "Brightline Health" }],
  };

  it("replaces the whole plan with a gracious reply soon and a reconnect later", () => {
    const plan = planApplication(
      planInput({
        ...everything,
        now: at("2026-05-15T09:05:00Z"),
        application: { status: "rejected", statusChangedAt: at("2026-05-15T09:00:00Z") },
      }),
    );
    expect(plan.map((r) => [r.kind, r.dueAt, r.dedupeKey])).toEqual([
      ["rejection_follow_through", at("2026-05-15T11:00:00Z"), "rejection_follow_through/app-1/v1"],
      // 15 May + 90 days = 13 August, 09:00 BST.
      ["reconnect", at("2026-08-13T08:00:00Z"), "reconnect/app-1/v1"],
    ]);
    expect(plan[0]!.reason).toContain("a short, gracious reply");
    expect(plan[1]!.reason).toContain("It's been 90 days since Brightline Health closed your Product Designer application");
  });

  it("still reminds a promise the client chose to keep after the close, and no other", () => {
    const plan = planApplication(
      planInput({
        ...everything,
        commitments: [commitment({ id: "com-kept", keptAfterClose: true }), commitment({ id: "com-released" })],
        now: at("2026-05-15T09:05:00Z"),
        application: { status: "withdrawn", statusChangedAt: at("2026-05-15T09:00:00Z") },
      }),
    );
    expect(plan.map((r) => r.commitmentId ?? null)).toEqual(plan.map(() => "com-kept"));
    expect(kindsOf(plan)).toContain("commitment_overdue");
  });

  it("follows the policy's reconnect delay", () => {
    const plan = planApplication(
      planInput({
        now: at("2026-05-15T09:05:00Z"),
        application: { status: "rejected", statusChangedAt: at("2026-05-15T09:00:00Z") },
        policy: { reconnectAfterDays: 30 },
      }),
    );
    expect(onlyOfKind(plan, "reconnect").dueAt).toEqual(at("2026-06-14T08:00:00Z"));
  });

  it.each(["withdrawn", "accepted"] as const)("plans nothing at all once %s", (status) => {
    expect(planApplication(planInput({ ...everything, application: { status } }))).toEqual([]);
  });

  it("plans every rule for an active application", () => {
    const plan = planApplication(planInput({ ...everything, interviews: [debriefedInterview({ companyChallenges: ["churn"] })] }));
    expect(kindsOf(plan)).toEqual([
      "check_in",
      "commitment_due",
      "commitment_overdue",
      "networking_suggestion",
      "proposal_suggestion",
      "thank_you_due",
    ]);
  });
});

describe("preferences", () => {
  it("omits a kind the recipient switched off, and only that kind", () => {
    const input = planInput({ interviews: [interview()], commitments: [commitment()] });
    const all = planApplication(input);
    const withoutPrepare = planApplication({ ...input, recipient: { timeZone: LONDON, preferences: { prepare: false } } });
    expect(kindsOf(all)).toEqual(["commitment_due", "commitment_overdue", "debrief", "prepare"]);
    expect(withoutPrepare).toEqual(all.filter((r) => r.kind !== "prepare"));
  });

  it("treats true and a missing entry alike", () => {
    const input = planInput({ interviews: [interview()] });
    const explicit = { ...input, recipient: { timeZone: LONDON, preferences: { prepare: true, debrief: true } } };
    expect(planApplication(explicit)).toEqual(planApplication(input));
  });
});

describe("input checks", () => {
  it("rejects an unknown recipient or interview time zone", () => {
    expect(() => planApplication(planInput({ recipient: { timeZone: "Europe/Atlantis" } }))).toThrow(RangeError);
    expect(() => planApplication(planInput({ interviews: [interview({ timeZone: "Nowhere/Land" })] }))).toThrow(RangeError);
  });
});
