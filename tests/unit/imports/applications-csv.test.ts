import { describe, expect, it } from "vitest";
import { ENCODING_MESSAGE, MAX_DATA_ROWS, parseApplicationsCsv, type ParseOptions } from "@/server/services/imports/applications-csv";
import { parseLooseDate } from "@/server/services/imports/dates";
import { proposeMapping } from "@/server/services/imports/mapping";

const CRLF = "\r\n";

function csvOf(lines: string[], newline = "\n"): string {
  return lines.join(newline);
}

/** The rows read, as values ready to insert (null for a row with problems). */
function read(text: string, options: ParseOptions = {}) {
  const result = parseApplicationsCsv(text, options);
  return { ...result, apps: result.rows.map((r) => r.application), problems: result.rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, ...p }))) };
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
    const result = read(file);

    expect(result.fileErrors).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.apps[0]).toMatchObject({
      company: "Acme Analytics",
      roleTitle: "Senior Data Engineer",
      jobUrl: "https://acme.example/jobs/42",
      source: "LinkedIn",
      status: "interviewing",
      appliedOn: "2026-03-14",
      notes: 'Met Priya, the hiring manager.\nFollow up on "pipeline" work.',
    });
    expect(result.apps[1]).toMatchObject({ company: "Beta & Co", jobUrl: "https://beta.example/careers/pm", status: "applied", appliedOn: "2026-03-15" });
    expect(result.apps[2]).toMatchObject({ company: "Gamma", jobUrl: null, source: null, status: "saved", appliedOn: null, notes: "", tags: [] });
    expect(result.rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it("returns the headers without the BOM and the proposed mapping", () => {
    const result = parseApplicationsCsv(file);

    expect(result.headers[0]).toBe("Company");
    expect(result.mapping).toEqual({ company: 0, roleTitle: 1, jobUrl: 2, source: 3, status: 4, appliedOn: 5, notes: 6 });
    expect(result.dateOrder).toBe("DMY");
  });

  it("reads semicolon-separated files (European spreadsheet exports)", () => {
    const result = read(csvOf(["Firma;Company;Role", "x;Acme, Inc.;Engineer"]));

    expect(result.problems).toEqual([]);
    expect(result.apps[0]).toMatchObject({ company: "Acme, Inc.", roleTitle: "Engineer" });
  });

  it.each([
    ["CRLF", CRLF],
    ["CR only (old Mac)", "\r"],
    ["LF", "\n"],
  ])("reads %s line ends", (_name, newline) => {
    const result = read(csvOf(["Company,Role", "Acme,Engineer", "Beta,PM"], newline));
    expect(result.apps.map((a) => a?.company)).toEqual(["Acme", "Beta"]);
  });
});

describe("parseApplicationsCsv: rows with problems", () => {
  const file = csvOf([
    "Employer,Position,URL,Status,Applied date,Notes",
    "Acme,Engineer,https://acme.example/1,applied,2026-01-10,fine",
    ",Designer,javascript:alert(1),pending,2026-02-30,",
    `${"A".repeat(201)},Analyst,,rejected,,`,
    "",
    `Delta,,not a url,,yesterday,${"n".repeat(10_001)}`,
    "Epsilon,Writer,,Declined,01/02/2026,ok",
  ]);

  it("keeps the good rows and numbers the rest as a spreadsheet user sees them", () => {
    const result = read(file);

    expect(result.rows.filter((r) => r.application).map((r) => [r.row, r.application!.company, r.application!.status])).toEqual([
      [1, "Acme", "applied"],
      [6, "Epsilon", "rejected"],
    ]);
    expect([...new Set(result.problems.map((p) => p.row))]).toEqual([2, 3, 5]);
  });

  it("says what is wrong with each cell, by kind", () => {
    const kinds = read(file).problems.map((p) => [p.row, p.kind, p.field]);

    expect(kinds).toEqual([
      [2, "missing", "company"],
      [2, "bad_date", "appliedOn"],
      [2, "bad_url", "jobUrl"],
      [2, "unknown_status", "status"],
      [3, "too_long", "company"],
      [5, "missing", "roleTitle"],
      [5, "too_long", "notes"],
      [5, "bad_date", "appliedOn"],
      [5, "bad_url", "jobUrl"],
    ]);
  });

  it("reports an unclosed quote instead of silently swallowing the rest of the file", () => {
    const result = parseApplicationsCsv(csvOf(["Company,Role,Notes", 'Acme,Engineer,"never closed', "Beta,PM,"]));

    expect(result.fileErrors).toContainEqual({ row: 1, message: 'A quoted cell is not closed properly: check this row for a stray double quote (").' });
  });

  it("strips control characters from cells", () => {
    const result = read(csvOf(["Company,Role,Notes", "Ac\u0000me,Eng\u0007ineer,a\u001bb"]));

    expect(result.apps[0]).toMatchObject({ company: "Acme", roleTitle: "Engineer", notes: "ab" });
  });

  it("notes rows with more cells than the header has columns", () => {
    const result = read(csvOf(["Company,Role", "Acme,Engineer,surprise", "Beta,PM"]));

    expect(result.extraCellRows).toEqual([1]);
    expect(result.apps.map((a) => a?.company)).toEqual(["Acme", "Beta"]);
  });
});

describe("parseApplicationsCsv: the whole file", () => {
  it("rejects an empty file", () => {
    for (const empty of ["", "\uFEFF", "\r\n\r\n", " , \n"]) {
      expect(parseApplicationsCsv(empty).fileErrors).toEqual([{ row: 0, message: "The file is empty." }]);
    }
  });

  it("rejects a header with no data rows", () => {
    expect(parseApplicationsCsv("Company,Role\r\n\r\n").fileErrors).toEqual([{ row: 0, message: "The file has a header row but no data rows." }]);
  });

  it("says when a file is Windows-1252 text read as UTF-8", () => {
    // "Zürich" saved by old Excel and decoded as UTF-8: the ü becomes the replacement character.
    const text = new TextDecoder("utf-8").decode(Uint8Array.from([...Buffer.from("Company,Role\nZ"), 0xfc, ...Buffer.from("rich AG,Engineer\n")]));
    expect(parseApplicationsCsv(text).fileErrors).toEqual([{ row: 0, message: ENCODING_MESSAGE }]);
  });

  it("explains a missing required column once, not once per row", () => {
    const result = parseApplicationsCsv(csvOf(["Company website,Title", "acme.example,Engineer", "beta.example,PM"]));

    expect(result.rows).toEqual([]);
    expect(result.fileErrors).toEqual([
      { row: 0, field: "company", message: 'No column is mapped to Company. Name a column "Company" (or "Employer", "Organisation"), or choose it in the mapping.' },
    ]);
  });

  it("refuses a file over the row limit as a whole, with nothing ready", () => {
    const lines = ["Company,Role", ...Array.from({ length: MAX_DATA_ROWS + 3 }, (_, i) => `C${i + 1},R${i + 1}`)];
    const result = parseApplicationsCsv(csvOf(lines));

    expect(result.rows).toEqual([]);
    expect(result.total).toBe(MAX_DATA_ROWS + 3);
    expect(result.fileErrors).toEqual([
      { row: 0, message: "This file has 5,003 data rows, more than the limit of 5,000. Split it into files of at most 5,000 rows and import each one." },
    ]);
  });

  it("parses a 5,000-row file correctly", () => {
    const statuses = ["applied", "Interview", "rejected", "Offer", ""];
    const lines = [
      "Company,Role,Job link,Source,Status,Date applied,Notes",
      ...Array.from(
        { length: MAX_DATA_ROWS },
        (_, i) => `"Company ${i}, Ltd",Engineer ${i},https://jobs.example/${i},Board,${statuses[i % statuses.length]},2026-0${(i % 9) + 1}-1${i % 10},"Note ${i}\nsecond line"`,
      ),
    ];
    const result = read(csvOf(lines, CRLF));

    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(MAX_DATA_ROWS);
    expect(result.apps[4999]).toMatchObject({
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
    expect(proposeMapping(["ORGANISATION", "job_title", "Job-Link", "lead source", "Stage", "date applied (optional)", "Comments"])).toEqual({
      company: 0,
      roleTitle: 1,
      jobUrl: 2,
      source: 3,
      status: 4,
      appliedOn: 5,
      notes: 6,
    });
    expect(proposeMapping(["organization", "roleTitle", "url", "appliedOn"])).toEqual({ company: 0, roleTitle: 1, jobUrl: 2, appliedOn: 3 });
    expect(proposeMapping(["Employer", "Position", "Link", "Applied"])).toEqual({ company: 0, roleTitle: 1, jobUrl: 2, appliedOn: 3 });
  });

  it("prefers the more specific alias: appliedDate over a Yes/No applied column", () => {
    expect(proposeMapping(["applied", "appliedDate", "Company", "JobTitle"])).toMatchObject({ appliedOn: 1, company: 2, roleTitle: 3 });
  });

  it("never maps by substring and gives a field to one column only", () => {
    expect(proposeMapping(["Company website", "Company", "Employer", "Role description", "Title"])).toEqual({ company: 1, roleTitle: 4 });
  });

  it("uses a mapping the user chose, by column index", () => {
    const result = read(csvOf(["A,B,C", "Engineer,Acme,x", "PM,Beta,y"]), { mapping: { company: 1, roleTitle: 0, notes: 2 } });

    expect(result.mapping).toEqual({ company: 1, roleTitle: 0, notes: 2 });
    expect(result.apps.map((a) => [a?.company, a?.roleTitle, a?.notes])).toEqual([
      ["Acme", "Engineer", "x"],
      ["Beta", "PM", "y"],
    ]);
  });

  it("rejects a mapping that points outside the file or reuses a column", () => {
    const file = csvOf(["A,B", "Acme,Engineer"]);

    expect(parseApplicationsCsv(file, { mapping: { company: 0, roleTitle: 5 } }).fileErrors).toEqual([
      { row: 0, message: "The mapping points Role at column 6, but the file has 2 columns." },
    ]);
    expect(parseApplicationsCsv(file, { mapping: { company: 0, roleTitle: 0 } }).fileErrors).toEqual([{ row: 0, message: "The mapping uses column 1 for more than one field." }]);
  });
});

describe("status", () => {
  it.each([
    ["Interview", "interviewing"],
    ["IN PROGRESS", "interviewing"],
    ["declined", "rejected"],
    ["Not selected", "rejected"],
    ["withdrew", "withdrawn"],
    ["I Withdrew", "withdrawn"],
    ["Offer received", "offer"],
    ["Negotiating", "offer"],
    ["hired", "accepted"],
    ["submitted", "applied"],
    ["wishlist", "saved"],
    ["Applying", "saved"],
  ])("reads %j as %s", (written, status) => {
    expect(read(csvOf(["Company,Role,Status", `Acme,Engineer,${written}`])).apps[0]?.status).toBe(status);
  });
});

describe("dates", () => {
  it.each([
    ["2026-03-14", "2026-03-14"],
    ["2026/3/4", "2026-03-04"],
    ["2026-03-14T09:30:00Z", "2026-03-14"],
    ["2026-02-01T09:15:00.000Z", "2026-02-01"],
    ["2026-03-14 00:00:00", "2026-03-14"],
    ["14/03/2026", "2026-03-14"],
    ["4.3.26", "2026-03-04"],
    ["14 March 2026", "2026-03-14"],
    ["14th Mar 2026", "2026-03-14"],
    ["14-Mar-26", "2026-03-14"],
    ["March 14, 2026", "2026-03-14"],
    ["Sept 4 2026", "2026-09-04"],
    ["Sat, 14 March 2026", "2026-03-14"],
    ["14/3/26, 1:48 PM", "2026-03-14"],
    ["1773489600000", "2026-03-14"],
  ])("reads %j (day first)", (written, iso) => {
    expect(parseLooseDate(written, "DMY")).toBe(iso);
  });

  it.each(["2026-02-29", "31/04/2026", "32/01/2026", "14 Foo 2026", "yesterday", "1850-01-01", "2026-13-01", "", "N/A"])("refuses %j", (written) => {
    expect(parseLooseDate(written, "DMY")).toBeNull();
  });

  it("reads numeric dates month first when the file shows that order", () => {
    const result = read(csvOf(["Company,Role,Applied date", "Acme,Engineer,03/04/2026", "Beta,PM,12/25/2025"]));

    expect(result.dateOrder).toBe("MDY");
    expect(result.apps.map((a) => a?.appliedOn)).toEqual(["2026-03-04", "2025-12-25"]);
  });

  it("reads ambiguous numeric dates day first unless told otherwise", () => {
    const file = csvOf(["Company,Role,Applied date", "Acme,Engineer,03/04/2026"]);

    expect(read(file).apps[0]?.appliedOn).toBe("2026-04-03");
    expect(read(file, { dateOrder: "MDY" }).apps[0]?.appliedOn).toBe("2026-03-04");
  });
});
