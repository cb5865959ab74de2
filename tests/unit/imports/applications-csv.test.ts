import { describe, expect, it } from "vitest";
import { MAX_DATA_ROWS, parseApplicationsCsv } from "@/server/services/imports/applications-csv";
import { parseLooseDate } from "@/server/services/imports/dates";
import { proposeMapping } from "@/server/services/imports/mapping";

const CRLF = "\r\n";

function csvOf(lines: string[], newline = "\n"): string {
  return lines.join(newline);
}

describe("parseApplicationsCsv: a valid file", () => {
  // Excel's "CSV UTF-8" export: BOM, CRLF, a quoted multi-line cell, blank trailing lines.
  const file =
    "\uFEFF" +
    csvOf(
      [
        "Company,Job Title,Job Link,Source,Status,Date Applied,Notes",
        'Acme Analytics,Senior Data Engineer,https://acme.example/jobs/42,LinkedIn,Interview,2026-03-14,"Met Priya, the hiring manager.',
        'Follow up on ""pipeline"" work."',
        "Beta & Co,Product Manager,beta.example/careers/pm,Referral,applied,15/03/2026,",
        "Gamma,Designer,,,,,",
        "",
        "",
      ],
      CRLF,
    );

  it("reads every row into values ready to insert", () => {
    const result = parseApplicationsCsv(file);

    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 1,
        company: "Acme Analytics",
        roleTitle: "Senior Data Engineer",
        jobUrl: "https://acme.example/jobs/42",
        source: "LinkedIn",
        status: "interviewing",
        appliedOn: "2026-03-14",
        notes: 'Met Priya, the hiring manager.\nFollow up on "pipeline" work.',
      },
      {
        row: 2,
        company: "Beta & Co",
        roleTitle: "Product Manager",
        jobUrl: "https://beta.example/careers/pm",
        source: "Referral",
        status: "applied",
        appliedOn: "2026-03-15",
        notes: "",
      },
      {
        row: 3,
        company: "Gamma",
        roleTitle: "Designer",
        jobUrl: null,
        source: null,
        status: "saved",
        appliedOn: null,
        notes: "",
      },
    ]);
  });

  it("returns the headers without the BOM, the proposed mapping and a preview", () => {
    const result = parseApplicationsCsv(file);

    expect(result.headers[0]).toBe("Company");
    expect(result.mapping).toEqual({
      company: 0,
      roleTitle: 1,
      jobUrl: 2,
      source: 3,
      status: 4,
      appliedOn: 5,
      notes: 6,
    });
    expect(result.dateOrder).toBe("DMY");
    expect(result.preview).toHaveLength(3);
    expect(result.preview[1]).toEqual({
      row: 2,
      values: {
        company: "Beta & Co",
        roleTitle: "Product Manager",
        jobUrl: "beta.example/careers/pm",
        source: "Referral",
        status: "applied",
        appliedOn: "15/03/2026",
        notes: "",
      },
    });
  });

  it("previews at most 10 rows", () => {
    const lines = ["Company,Role", ...Array.from({ length: 25 }, (_, i) => `Company ${i + 1},Role ${i + 1}`)];
    const result = parseApplicationsCsv(csvOf(lines));

    expect(result.rows).toHaveLength(25);
    expect(result.preview.map((p) => p.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("reads semicolon-separated files (European spreadsheet exports)", () => {
    const result = parseApplicationsCsv(csvOf(["Firma;Company;Role", "x;Acme, Inc.;Engineer"]));

    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ company: "Acme, Inc.", roleTitle: "Engineer" });
  });
});

describe("parseApplicationsCsv: rows with problems", () => {
  const file = csvOf([
    "Employer,Position,URL,Status,Applied,Notes",
    "Acme,Engineer,https://acme.example/1,applied,2026-01-10,fine",
    ",Designer,javascript:alert(1),pending,2026-02-30,",
    `${"A".repeat(201)},Analyst,,rejected,,`,
    "",
    `Delta,,not a url,,yesterday,${"n".repeat(5001)}`,
    "Epsilon,Writer,,Declined,01/02/2026,ok",
  ]);

  it("keeps the good rows and numbers the rest as a spreadsheet user sees them", () => {
    const result = parseApplicationsCsv(file);

    expect(result.rows.map((r) => [r.row, r.company, r.status])).toEqual([
      [1, "Acme", "applied"],
      [6, "Epsilon", "rejected"],
    ]);
    expect(result.errors.map((e) => e.row)).toEqual([2, 2, 2, 2, 3, 5, 5, 5, 5]);
  });

  it("says clearly what is wrong with each cell", () => {
    const errors = parseApplicationsCsv(file).errors;

    expect(errors).toEqual([
      { row: 2, field: "company", column: "Employer", message: "Company is missing." },
      { row: 2, field: "jobUrl", column: "URL", message: 'Job link "javascript:alert(1)" is not a valid web address.' },
      {
        row: 2,
        field: "status",
        column: "Status",
        message:
          'Status "pending" is not one we know. Use one of: saved, applied, interviewing, offer, accepted, rejected, withdrawn.',
      },
      {
        row: 2,
        field: "appliedOn",
        column: "Applied",
        message:
          'Date applied "2026-02-30" is not a date we can read. Use YYYY-MM-DD (e.g. 2026-03-14) or day/month/year.',
      },
      { row: 3, field: "company", column: "Employer", message: "Company is longer than 200 characters (it has 201)." },
      { row: 5, field: "roleTitle", column: "Position", message: "Role is missing." },
      { row: 5, field: "jobUrl", column: "URL", message: 'Job link "not a url" is not a valid web address.' },
      expect.objectContaining({ row: 5, field: "appliedOn", message: expect.stringContaining('"yesterday"') }),
      { row: 5, field: "notes", column: "Notes", message: "Notes are longer than 5,000 characters (they have 5,001)." },
    ]);
  });

  it("reports an unclosed quote instead of silently swallowing the rest of the file", () => {
    const result = parseApplicationsCsv(csvOf(["Company,Role,Notes", 'Acme,Engineer,"never closed', "Beta,PM,"]));

    expect(result.errors).toContainEqual({
      row: 1,
      message: 'A quoted cell is not closed properly: check this row for a stray double quote (").',
    });
  });

  it("strips control characters from cells", () => {
    const result = parseApplicationsCsv(csvOf(["Company,Role,Notes", "Ac\u0000me,Eng\u0007ineer,a\u001bb"]));

    expect(result.rows[0]).toMatchObject({ company: "Acme", roleTitle: "Engineer", notes: "ab" });
  });
});

describe("parseApplicationsCsv: the whole file", () => {
  it("rejects an empty file", () => {
    for (const empty of ["", "\uFEFF", "\r\n\r\n", " , \n"]) {
      expect(parseApplicationsCsv(empty).errors).toEqual([{ row: 0, message: "The file is empty." }]);
    }
  });

  it("rejects a header with no data rows", () => {
    expect(parseApplicationsCsv("Company,Role\r\n\r\n").errors).toEqual([
      { row: 0, message: "The file has a header row but no data rows." },
    ]);
  });

  it("explains a missing required column once, not once per row", () => {
    const result = parseApplicationsCsv(csvOf(["Company website,Title", "acme.example,Engineer", "beta.example,PM"]));

    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      {
        row: 0,
        field: "company",
        message:
          'No column is mapped to Company. Name a column "Company" (or "Employer", "Organisation"), or choose it in the mapping.',
      },
    ]);
    expect(result.preview).toHaveLength(2);
  });

  it("reads the first 5,000 data rows and reports the rest", () => {
    const lines = ["Company,Role", ...Array.from({ length: MAX_DATA_ROWS + 3 }, (_, i) => `C${i + 1},R${i + 1}`)];
    const result = parseApplicationsCsv(csvOf(lines));

    expect(result.rows).toHaveLength(MAX_DATA_ROWS);
    expect(result.rows.at(-1)?.company).toBe("C5000");
    expect(result.errors).toEqual([
      {
        row: 5001,
        message:
          "This file has 5,003 data rows, more than the limit of 5,000. Only the first 5,000 were read; import the rest as a separate file.",
      },
    ]);
  });

  it("parses a 5,000-row file correctly (and quickly)", () => {
    const statuses = ["applied", "Interview", "rejected", "Offer", ""];
    const lines = [
      "Company,Role,Job link,Source,Status,Date applied,Notes",
      ...Array.from(
        { length: MAX_DATA_ROWS },
        (_, i) =>
          `"Company ${i}, Ltd",Engineer ${i},https://jobs.example/${i},Board,${statuses[i % statuses.length]},2026-0${(i % 9) + 1}-1${i % 10},"Note ${i}\nsecond line"`,
      ),
    ];
    const file = csvOf(lines, CRLF);

    const started = performance.now();
    const result = parseApplicationsCsv(file);
    const elapsed = performance.now() - started;
    console.log(
      `parseApplicationsCsv: ${MAX_DATA_ROWS} rows (${(file.length / 1024).toFixed(0)} KiB) in ${elapsed.toFixed(0)} ms`,
    );

    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(MAX_DATA_ROWS);
    expect(result.rows[4999]).toEqual({
      row: 5000,
      company: "Company 4999, Ltd",
      roleTitle: "Engineer 4999",
      jobUrl: "https://jobs.example/4999",
      source: "Board",
      status: "applied",
      appliedOn: "2026-05-19",
      notes: "Note 4999\nsecond line",
    });
  });
});

describe("column mapping", () => {
  it("recognises common header names, whatever their case or separators", () => {
    expect(
      proposeMapping([
        "ORGANISATION",
        "job_title",
        "Job-Link",
        "lead source",
        "Stage",
        "date applied (optional)",
        "Comments",
      ]),
    ).toEqual({
      company: 0,
      roleTitle: 1,
      jobUrl: 2,
      source: 3,
      status: 4,
      appliedOn: 5,
      notes: 6,
    });
    expect(proposeMapping(["organization", "roleTitle", "url", "appliedOn"])).toEqual({
      company: 0,
      roleTitle: 1,
      jobUrl: 2,
      appliedOn: 3,
    });
    expect(proposeMapping(["Employer", "Position", "Link", "Applied"])).toEqual({
      company: 0,
      roleTitle: 1,
      jobUrl: 2,
      appliedOn: 3,
    });
  });

  it("never maps by substring and gives a field to the first matching column only", () => {
    expect(proposeMapping(["Company website", "Company", "Employer", "Role description", "Title"])).toEqual({
      company: 1,
      roleTitle: 4,
    });
  });

  it("uses a mapping the user chose, by column index", () => {
    const file = csvOf(["A,B,C", "Engineer,Acme,x", "PM,Beta,y"]);
    const result = parseApplicationsCsv(file, { company: 1, roleTitle: 0, notes: 2 });

    expect(result.mapping).toEqual({ company: 1, roleTitle: 0, notes: 2 });
    expect(result.rows.map((r) => [r.company, r.roleTitle, r.notes])).toEqual([
      ["Acme", "Engineer", "x"],
      ["Beta", "PM", "y"],
    ]);
  });

  it("rejects a mapping that points outside the file or reuses a column", () => {
    const file = csvOf(["A,B", "Acme,Engineer"]);

    expect(parseApplicationsCsv(file, { company: 0, roleTitle: 5 }).errors).toEqual([
      { row: 0, message: "The mapping points Role at column 6, but the file has 2 columns." },
    ]);
    expect(parseApplicationsCsv(file, { company: 0, roleTitle: 0 }).errors).toEqual([
      { row: 0, message: "The mapping uses column 1 for more than one field." },
    ]);
  });
});

describe("status", () => {
  it.each([
    ["Interview", "interviewing"],
    ["interviewing", "interviewing"],
    ["IN PROGRESS", "interviewing"],
    ["Rejected", "rejected"],
    ["declined", "rejected"],
    ["Not selected", "rejected"],
    ["withdrew", "withdrawn"],
    ["Offer received", "offer"],
    ["hired", "accepted"],
    ["submitted", "applied"],
    ["wishlist", "saved"],
  ])("reads %j as %s", (written, status) => {
    const result = parseApplicationsCsv(csvOf(["Company,Role,Status", `Acme,Engineer,${written}`]));

    expect(result.rows[0]?.status).toBe(status);
  });
});

describe("dates", () => {
  it.each([
    ["2026-03-14", "2026-03-14"],
    ["2026/3/4", "2026-03-04"],
    ["2026-03-14T09:30:00Z", "2026-03-14"],
    ["2026-03-14 00:00:00", "2026-03-14"],
    ["14/03/2026", "2026-03-14"],
    ["4.3.26", "2026-03-04"],
    ["14 March 2026", "2026-03-14"],
    ["14th Mar 2026", "2026-03-14"],
    ["14-Mar-26", "2026-03-14"],
    ["March 14, 2026", "2026-03-14"],
    ["Sept 4 2026", "2026-09-04"],
    ["Sat, 14 March 2026", "2026-03-14"],
  ])("reads %j (day first)", (written, iso) => {
    expect(parseLooseDate(written, "DMY")).toBe(iso);
  });

  it.each(["2026-02-29", "31/04/2026", "32/01/2026", "14 Foo 2026", "yesterday", "1850-01-01", "2026-13-01", ""])(
    "refuses %j",
    (written) => {
      expect(parseLooseDate(written, "DMY")).toBeNull();
    },
  );

  it("reads numeric dates month first when the file shows that order", () => {
    const result = parseApplicationsCsv(
      csvOf(["Company,Role,Applied", "Acme,Engineer,03/04/2026", "Beta,PM,12/25/2025"]),
    );

    expect(result.dateOrder).toBe("MDY");
    expect(result.rows.map((r) => r.appliedOn)).toEqual(["2026-03-04", "2025-12-25"]);
  });

  it("reads ambiguous numeric dates day first unless told otherwise", () => {
    const file = csvOf(["Company,Role,Applied", "Acme,Engineer,03/04/2026"]);

    expect(parseApplicationsCsv(file).rows[0]?.appliedOn).toBe("2026-04-03");
    expect(parseApplicationsCsv(file, undefined, { dateOrder: "MDY" }).rows[0]?.appliedOn).toBe("2026-03-04");
  });
});
