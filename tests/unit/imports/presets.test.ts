import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseApplicationsCsv } from "@/server/services/imports/applications-csv";
import { groupProblems } from "@/server/services/imports/problems";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url), "utf8");
const ready = (text: string, options = {}) => {
  const result = parseApplicationsCsv(text, options);
  return { result, apps: result.rows.map((r) => r.application), problems: result.rows.flatMap((r) => r.problems) };
};

describe("tracker presets: each format imports as it comes", () => {
  it("JobSync: recognised, appliedDate (not the Yes/No column) is the applied date, N/A is empty, Expired and Archived archive", () => {
    const { result, apps, problems } = ready(fixture("jobsync-jobs.csv"));
    expect(result.preset).toBe("jobsync");
    expect(result.headers[result.mapping.appliedOn!]).toBe("appliedDate");
    expect(result.headers[result.mapping.source!]).toBe("JobSource");
    expect(problems).toEqual([]);
    expect(result.fileErrors).toEqual([]);
    expect(apps).toHaveLength(7);
    expect(apps[0]).toMatchObject({
      company: "Acme, Inc.",
      roleTitle: "Senior Engineer",
      status: "applied",
      appliedOn: "2026-01-06",
      savedOn: "2026-01-05",
      jobType: "full_time",
      workplaceType: "remote",
      location: "Berlin, DE",
      source: "LinkedIn",
      archived: false,
    });
    expect(apps[1]).toMatchObject({ company: "Zürich Versicherung", status: "saved", appliedOn: null, source: null });
    expect(apps[2]).toMatchObject({ roleTitle: "Engineer, Platform", jobType: "contract", workplaceType: "onsite", location: null, status: "interviewing" });
    expect(apps[4]).toMatchObject({ company: "Umbrella", status: "applied", archived: true });
    expect(apps[5]).toMatchObject({ company: "Hooli", status: "saved", archived: true });
    expect(apps[6]).toMatchObject({ roleTitle: "Staff Engineer 🚀", status: "offer" });
    expect(result.statuses.find((s) => s.value === "Expired")).toEqual({ value: "Expired", count: 1, target: "archive" });
    // The index and the Yes/No column carry nothing for notes.
    expect(result.unmappedColumns).toEqual([]);
  });

  it("JobSync: Expired mapped to withdrawn by the person", () => {
    const { apps } = ready(fixture("jobsync-jobs.csv"), { statusMap: { Expired: "withdrawn" } });
    expect(apps[4]).toMatchObject({ status: "withdrawn", archived: false });
  });

  it("Huntr: lists become statuses, salary text becomes a range with its currency", () => {
    const { result, apps, problems } = ready(fixture("huntr-jobs.csv"));
    expect(result.preset).toBe("huntr");
    expect(problems).toEqual([]);
    expect(apps.map((a) => a?.status)).toEqual(["saved", "applied", "interviewing", "offer", "rejected"]);
    expect(apps[0]).toMatchObject({ company: "Acme", salaryMin: 120000, salaryMax: 140000, salaryCurrency: "USD", deadlineOn: "2026-03-01", savedOn: "2026-02-01" });
    expect(apps[2]).toMatchObject({ company: "Müller & Söhne", roleTitle: "Data Scientist, NLP", salaryMin: 70000, salaryMax: 85000, salaryCurrency: "EUR" });
    expect(apps[4]).toMatchObject({ salaryMin: 40000, salaryMax: 40000, salaryCurrency: "GBP" });
    expect(result.unmappedColumns).toEqual([]);
  });

  it("Teal: every status it has maps, excitement and salary range come along", () => {
    const { result, apps, problems } = ready(fixture("teal-job-tracker.csv"));
    expect(result.preset).toBe("teal");
    expect(problems).toEqual([]);
    expect(apps.map((a) => [a?.status, a?.archived])).toEqual([
      ["saved", false],
      ["saved", false],
      ["applied", false],
      ["interviewing", false],
      ["offer", false],
      ["accepted", false],
      ["withdrawn", false],
      ["rejected", false],
      ["applied", true],
      ["saved", true],
    ]);
    expect(apps[0]).toMatchObject({ company: "Acme, Inc.", excitement: 4, salaryMin: 110000, salaryMax: 130000, savedOn: "2026-03-02", deadlineOn: "2026-03-30", jobUrl: "https://acme.example.com/jobs/42" });
    expect(apps[1]!.notes).toBe("Talk to Priya first, she knows the team");
  });

  it("LinkedIn job applications: month-first dates with a time, every row applied via LinkedIn, extras to notes on request", () => {
    const { result, apps, problems } = ready(fixture("linkedin-job-applications.csv"), { unmappedToNotes: true });
    expect(result.preset).toBe("linkedin");
    expect(problems).toEqual([]);
    expect(apps[0]).toMatchObject({ company: "Acme, Inc.", roleTitle: "Senior Product Designer", appliedOn: "2026-04-08", status: "applied", source: "LinkedIn" });
    expect(apps[1]).toMatchObject({ company: "Société Générale", appliedOn: "2026-04-02" });
    expect(apps[0]!.notes).toContain("Question And Answers: How many years of experience do you have with Figma?: 6");
    expect(apps[0]!.notes).toContain("Resume Name: Ana_Resume_2026.pdf");
    expect(result.unmappedColumns).toEqual(["Contact Email", "Contact Phone Number", "Resume Name", "Question And Answers"]);
  });
});

describe("the fix-it preview", () => {
  const generic = ["Company,Role,Status,Date applied", "Acme,Designer,Ghosted by them,N/A", "Globex,Analyst,Expired,n/a", "Initech,Dev,applied,unknown", "Umbrella,SRE,Expired,2026-01-02"].join("\n");

  it("groups problems by kind with counts and offers the fix", () => {
    const result = parseApplicationsCsv(generic, { emptyValues: [] });
    const groups = groupProblems(result.rows, result.headers, result.mapping);
    const date = groups.find((g) => g.kind === "bad_date" && g.value?.toLowerCase() === "n/a");
    expect(date).toMatchObject({ count: 1, column: "Date applied", fix: { kind: "treatAsEmpty" } });
    const expired = groups.find((g) => g.kind === "unknown_status" && g.value === "Expired");
    expect(expired).toMatchObject({ count: 2, rows: [2, 4], fix: { kind: "mapStatus", value: "Expired" } });
    expect(expired!.message).toBe('2 rows: status "Expired" is not one of ours. Choose what it means below.');
  });

  it("treats the common placeholders as empty by default and applies a status map", () => {
    const result = parseApplicationsCsv(generic, { statusMap: { expired: "withdrawn", "ghosted by them": "archive" }, emptyValues: ["N/A", "unknown"] });
    expect(result.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(result.rows.map((r) => [r.application?.status, r.application?.archived])).toEqual([
      ["saved", true],
      ["withdrawn", false],
      ["applied", false],
      ["withdrawn", false],
    ]);
  });
});
