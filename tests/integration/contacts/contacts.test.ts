import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createApplication, createCompany, createContact, createOrgWithEveryTable, createPractice } from "../../factories";
import { createEndedInterview } from "../../factories/workspace";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { expectError, pendingReminders } from "../interviews/helpers";

describe("contacts and who knows whom", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    return { p, ref, api: callerFor(test.db, p.client.user), orgSlug: p.org.slug };
  }

  it("creates, updates, searches and filters contacts", async () => {
    const { ref, api, orgSlug } = await setup();
    const company = await createCompany(test.db, ref, { name: "Northwind Traders" });
    const lena = await api.contact.create({ orgSlug, name: "Lena Vogel", email: " Lena@Example.COM ", role: "recruiter", companyId: company.id, howWeKnow: "Reached out on a job board" });
    expect(lena).toMatchObject({ email: "lena@example.com", role: "recruiter", companyId: company.id, notes: "" });
    await api.contact.create({ orgSlug, name: "Omar 100%", role: "peer" });

    expect((await api.contact.list({ orgSlug, search: "northwind" })).contacts.map((c) => c.name)).toEqual(["Lena Vogel"]);
    // A % typed in the box is a literal character, not a wildcard.
    expect((await api.contact.list({ orgSlug, search: "%" })).contacts.map((c) => c.name)).toEqual(["Omar 100%"]);
    expect((await api.contact.list({ orgSlug, role: "peer" })).contacts.map((c) => c.name)).toEqual(["Omar 100%"]);
    expect((await api.contact.list({ orgSlug, companyId: company.id })).contacts.map((c) => c.id)).toEqual([lena.id]);

    const updated = await api.contact.update({ orgSlug, contactId: lena.id, title: "Talent Partner", phone: "" });
    expect(updated).toMatchObject({ title: "Talent Partner", phone: null, email: "lena@example.com" });

    await expectError(api.contact.create({ orgSlug, name: "", role: "peer" }), "BAD_REQUEST", "name");
    await expectError(api.contact.create({ orgSlug, name: "Bad Mail", email: "not-an-address" }), "BAD_REQUEST", "email");
    await expectError(api.contact.create({ orgSlug, name: "Long notes", notes: "x".repeat(5001) }), "BAD_REQUEST", "notes");
    await expectError(api.contact.update({ orgSlug, contactId: lena.id, phone: "call me maybe" }), "BAD_REQUEST", "phone");
  });

  it("links contacts to people and companies; both ends must be the client's", async () => {
    const { p, ref, api, orgSlug } = await setup();
    const company = await createCompany(test.db, ref);
    const insider = await createContact(test.db, ref, { name: "Ines Insider", companyId: company.id });
    const friend = await createContact(test.db, ref, { name: "Fran Friend" });
    const theirs = await createContact(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id });
    const theirCompany = await createCompany(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id });
    const foreign = await createOrgWithEveryTable(test.db);

    await expectError(api.contact.link({ orgSlug, contactId: friend.id, knowsContactId: theirs.id }), "NOT_FOUND");
    await expectError(api.contact.link({ orgSlug, contactId: theirs.id, knowsContactId: friend.id }), "NOT_FOUND");
    await expectError(api.contact.link({ orgSlug, contactId: friend.id, knowsCompanyId: theirCompany.id }), "NOT_FOUND");
    await expectError(api.contact.link({ orgSlug, contactId: friend.id, knowsContactId: foreign.contact.id }), "NOT_FOUND");
    await expectError(api.contact.link({ orgSlug, contactId: friend.id, knowsContactId: insider.id, knowsCompanyId: company.id }), "BAD_REQUEST", "knowsContactId");
    await expectError(api.contact.link({ orgSlug, contactId: friend.id }), "BAD_REQUEST", "knowsContactId");
    await expectError(api.contact.link({ orgSlug, contactId: friend.id, knowsContactId: friend.id }), "BAD_REQUEST", "knowsContactId");
    expect(await test.db.select().from(s.contactLinks).where(eq(s.contactLinks.orgId, p.org.id))).toHaveLength(0);

    const link = await api.contact.link({ orgSlug, contactId: friend.id, knowsContactId: insider.id, note: "Old teammates" });
    // Saying it twice keeps one link.
    const again = await api.contact.link({ orgSlug, contactId: friend.id, knowsContactId: insider.id, note: "Teammates at a start-up" });
    expect(again.id).toBe(link.id);
    await api.contact.link({ orgSlug, contactId: insider.id, knowsCompanyId: company.id });

    const listed = await api.contact.list({ orgSlug });
    expect(listed.companies.map((c) => c.id)).toEqual([company.id]);
    expect(listed.contacts.find((c) => c.id === friend.id)!.knows).toEqual([
      expect.objectContaining({ id: link.id, name: "Ines Insider", knowsContactId: insider.id, note: "Teammates at a start-up" }),
    ]);
    const detail = await api.contact.byId({ orgSlug, contactId: insider.id });
    expect(detail.knownBy.map((k) => k.name)).toEqual(["Fran Friend"]);
    expect(detail.knows.map((k) => k.name)).toEqual([company.name]);

    const goodWord = await api.contact.goodWord({ orgSlug, companyId: company.id });
    expect(goodWord.contacts.map((c) => [c.name, c.through.map((t) => [t.kind, t.name])]).sort()).toEqual([
      ["Fran Friend", [["person", "Ines Insider"]]],
      ["Ines Insider", [["company", company.name]]],
    ]);

    await api.contact.unlink({ orgSlug, linkId: link.id });
    await expectError(api.contact.unlink({ orgSlug, linkId: link.id }), "NOT_FOUND");
    const foreignLink = await test.db.insert(s.contactLinks).values({ orgId: foreign.org.id, clientId: foreign.client.membership.id, contactId: foreign.contact.id, knowsCompanyId: foreign.application.companyId }).returning();
    await expectError(api.contact.unlink({ orgSlug, linkId: foreignLink[0]!.id }), "NOT_FOUND");
    await expectError(api.contact.goodWord({ orgSlug, companyId: theirCompany.id }), "NOT_FOUND");
  });

  it("a new link to an interviewer suggests asking for a good word on that application", async () => {
    const { p, ref, api, orgSlug } = await setup();
    const ended = await createEndedInterview(test.db, ref);
    await api.interview.debrief({ orgSlug, interviewId: ended.interview.id, askedForJob: true, interviewers: ended.interviewers.map((x) => ({ contactId: x.id, discussed: null, challengesDiscussed: [] })) });
    const kinds = async () => (await pendingReminders(test.db, p.org.id, ended.application.id)).map((r) => r.kind);
    expect(await kinds()).not.toContain("networking_suggestion");
    const friend = await createContact(test.db, ref, { name: "Noor Network" });
    await api.contact.link({ orgSlug, contactId: friend.id, knowsContactId: ended.interviewers[1].id });
    expect(await kinds()).toContain("networking_suggestion");
  });

  it("lets the assigned coach read but not write, and hides the client from others", async () => {
    const { p, ref, orgSlug } = await setup();
    const contact = await createContact(test.db, ref);
    const clientId = p.client.membership.id;
    await createApplication(test.db, ref);
    const coach = callerFor(test.db, p.coach.user);
    expect((await coach.contact.byId({ orgSlug, clientId, contactId: contact.id })).id).toBe(contact.id);
    await expectError(coach.contact.update({ orgSlug, clientId, contactId: contact.id, name: "Renamed" }), "FORBIDDEN");
    await expectError(callerFor(test.db, p.otherCoach.user).contact.list({ orgSlug, clientId }), "NOT_FOUND");
    await expectError(callerFor(test.db, p.otherClient.user).contact.byId({ orgSlug, contactId: contact.id }), "NOT_FOUND");
    await expectError(callerFor(test.db, p.otherClient.user).contact.update({ orgSlug, contactId: contact.id, name: "Mine" }), "NOT_FOUND");
    const [row] = await test.db.select().from(s.contacts).where(eq(s.contacts.id, contact.id));
    expect(row!.name).toBe(contact.name);
  });
});
