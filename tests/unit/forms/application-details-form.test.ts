import type { FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { EMPTY_DETAILS, ZApplicationDetailsForm } from "@/app/[orgSlug]/applications/application-details-fields";
import { errorWithin } from "@/app/_components/form";
import { ZCreateApplicationInput } from "@/server/services/applications/schemas";

describe("the application details block's form schema", () => {
  it("sends what the API takes: blanks as the API's blanks, amounts and excitement as numbers, tags as a list", () => {
    const parsed = ZApplicationDetailsForm.parse({
      ...EMPTY_DETAILS,
      location: "Lisbon",
      workplaceType: "hybrid",
      salaryMin: "55 000",
      salaryMax: "70,000",
      excitement: "4",
      tags: "remote, dream job, ",
    });
    expect(parsed).toMatchObject({ location: "Lisbon", workplaceType: "hybrid", jobType: null, salaryMin: 55_000, salaryMax: 70_000, excitement: 4, tags: ["remote", "dream job"] });
    // Fields the API transforms on arrival are sent as typed, and the API takes them.
    expect(parsed.deadlineOn).toBe("");
    expect(ZCreateApplicationInput.safeParse({ companyName: "Acme", roleTitle: "Analyst", ...parsed }).success).toBe(true);
  });

  it("refuses with the API's messages, on the field (or the list item) they are about", () => {
    const result = ZApplicationDetailsForm.safeParse({ ...EMPTY_DETAILS, salaryMin: "a lot", salaryCurrency: "XYZ1", tags: "ok, a;b", deadlineOn: "2026-02-30" });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(byPath.salaryMin).toBe("Enter a number.");
    expect(byPath.salaryCurrency).toBe("Use a currency code such as USD, EUR or GBP.");
    expect(byPath["tags.1"]).toBe("A tag cannot contain a comma or a semicolon.");
    expect(byPath.deadlineOn).toBe("Enter a date like 2026-03-14.");
  });
});

describe("errorWithin", () => {
  it("finds the message at a path, or the first one beneath it, never inside the input element", () => {
    const ref = { name: "tags" };
    expect(errorWithin({ tags: { message: "Use at most 12 tags.", type: "server", ref } }, "tags")).toBe("Use at most 12 tags.");
    // What the resolver gives for a list: an array of item errors, holes included.
    const itemErrors = { tags: [undefined, { message: "A tag cannot be empty.", type: "too_small" }] } as unknown as FieldErrors;
    expect(errorWithin(itemErrors, "tags")).toBe("A tag cannot be empty.");
    expect(errorWithin({ tags: { type: "custom", ref } }, "tags")).toBeUndefined();
    expect(errorWithin({}, "tags")).toBeUndefined();
  });
});
