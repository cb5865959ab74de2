import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { pgErrorCode } from "../../../db/sql";
import { assignCoach, createApplication, createCompany, createContact, createMember, createOrg, createPractice } from "../../factories";
import { useTestDatabase } from "../../helpers/db";

const FOREIGN_KEY_VIOLATION = "23503";
const CHECK_VIOLATION = "23514";

async function failureCode(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return pgErrorCode(error);
  }
  return "no error";
}

describe("tenant constraints in the schema", () => {
  const test = useTestDatabase();

  it("refuse a row whose parent belongs to another organisation", async () => {
    const a = await createPractice(test.db);
    const b = await createPractice(test.db);
    const companyOfA = await createCompany(test.db, { orgId: a.org.id, clientId: a.client.membership.id });

    const code = await failureCode(
      test.db.insert(s.applications).values({
        orgId: b.org.id,
        clientId: b.client.membership.id,
        companyId: companyOfA.id,
        roleTitle: "Engineer",
      }),
    );
    expect(code).toBe(FOREIGN_KEY_VIOLATION);
    expect(await test.db.$count(s.applications)).toBe(0);
  });

  it("refuse a client-domain row that points at another client's parent in the same organisation", async () => {
    const p = await createPractice(test.db);
    const othersCompany = await createCompany(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id });
    const code = await failureCode(
      test.db.insert(s.applications).values({
        orgId: p.org.id,
        clientId: p.client.membership.id,
        companyId: othersCompany.id,
        roleTitle: "Engineer",
      }),
    );
    expect(code).toBe(FOREIGN_KEY_VIOLATION);
  });

  it("refuse a coach assignment or a client id taken from another organisation", async () => {
    const a = await createPractice(test.db);
    const b = await createPractice(test.db);
    expect(await failureCode(assignCoach(test.db, a.org.id, b.coach.membership.id, a.client.membership.id))).toBe(FOREIGN_KEY_VIOLATION);
    expect(
      await failureCode(test.db.insert(s.companies).values({ orgId: a.org.id, clientId: b.client.membership.id, name: "X" })),
    ).toBe(FOREIGN_KEY_VIOLATION);
  });

  it("refuse a who-knows-whom link with no target, or with both", async () => {
    const org = await createOrg(test.db);
    const { membership } = await createMember(test.db, org.id, "client");
    const ref = { orgId: org.id, clientId: membership.id };
    const [first, second] = [await createContact(test.db, ref), await createContact(test.db, ref)];
    const application = await createApplication(test.db, ref);
    expect(await failureCode(test.db.insert(s.contactLinks).values({ ...ref, contactId: first.id }))).toBe(CHECK_VIOLATION);
    expect(
      await failureCode(
        test.db.insert(s.contactLinks).values({ ...ref, contactId: first.id, knowsContactId: second.id, knowsCompanyId: application.companyId }),
      ),
    ).toBe(CHECK_VIOLATION);
    await test.db.insert(s.contactLinks).values({ ...ref, contactId: first.id, knowsContactId: second.id });
    expect(await test.db.$count(s.contactLinks)).toBe(1);
  });

  it("remove every row of an organisation when it is deleted", async () => {
    const p = await createPractice(test.db);
    await createApplication(test.db, { orgId: p.org.id, clientId: p.client.membership.id });
    const { eq } = await import("drizzle-orm");
    await test.db.delete(s.organizations).where(eq(s.organizations.id, p.org.id));
    expect(await test.db.$count(s.applications, eq(s.applications.orgId, p.org.id))).toBe(0);
    expect(await test.db.$count(s.memberships, eq(s.memberships.orgId, p.org.id))).toBe(0);
  });
});
