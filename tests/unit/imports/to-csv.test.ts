import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseApplicationsCsv, toCsv } from "@/server/services/imports/applications-csv";

type Row = {
  company: string;
  roleTitle: string;
  notes: string | null;
  count?: number;
  appliedOn?: Date | null;
  tags?: string[];
};

describe("toCsv", () => {
  it("writes a header and CRLF-separated records, quoting only what needs it (RFC 4180)", () => {
    const rows: Row[] = [
      { company: "Acme", roleTitle: "Engineer", notes: null },
      { company: "Beta, Inc.", roleTitle: 'The "best" PM', notes: "line one\r\nline two" },
      { company: " padded ", roleTitle: "x", notes: "" },
    ];

    expect(toCsv(rows, ["company", "roleTitle", "notes"])).toBe(
      [
        "company,roleTitle,notes",
        "Acme,Engineer,",
        '"Beta, Inc.","The ""best"" PM","line one\r\nline two"',
        '" padded ",x,',
      ].join("\r\n"),
    );
  });

  it("takes computed columns with their own headers", () => {
    const csv = toCsv(
      [
        {
          company: "Acme",
          roleTitle: "Engineer",
          notes: null,
          count: 3,
          appliedOn: new Date("2026-03-14T00:00:00Z"),
          tags: ["remote", "senior"],
        },
      ],
      [
        { header: "Company", value: (r: Row) => r.company },
        { header: "Interviews", value: (r: Row) => r.count },
        { header: "Applied", value: (r: Row) => r.appliedOn },
        { header: "Tags", value: (r: Row) => r.tags },
      ],
    );

    expect(csv).toBe("Company,Interviews,Applied,Tags\r\nAcme,3,2026-03-14T00:00:00.000Z,remote; senior");
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ["+1+cmd|' /C calc'!A0", `"'+1+cmd|' /C calc'!A0"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1:A2)", `"'@SUM(A1:A2)"`],
    ["\t=1", `"'\t=1"`],
    ["＝1+1", `"'＝1+1"`],
    ["=1\n+2", `"'=1\n+2"`],
  ])("neutralises the formula in %j", (value, expected) => {
    const csv = toCsv([{ company: value }], ["company"]);

    expect(csv.split("\r\n")[1]).toBe(expected);
  });

  it("leaves numbers alone and text that merely contains a formula character", () => {
    const csv = toCsv(
      [{ n: -5, text: "a=b", email: "me@example.com", dash: "Senior - Data" }],
      ["n", "text", "email", "dash"],
    );

    expect(csv.split("\r\n")[1]).toBe("-5,a=b,me@example.com,Senior - Data");
  });

  it("guards header cells too", () => {
    expect(toCsv([], [{ header: "=evil()", value: () => "" }])).toBe(`"'=evil()"`);
  });

  it("can start with a BOM so Excel reads UTF-8", () => {
    expect(toCsv([{ a: "Zoë 🚀" }], ["a"], { bom: true })).toBe("\uFEFFa\r\nZoë 🚀");
  });

  it("is read back exactly by an RFC 4180 parser", () => {
    const rows = [{ a: 'x, "y"\r\nz', b: "plain", c: "  spaced  " }];
    const parsed = Papa.parse<string[]>(toCsv(rows, ["a", "b", "c"]), { newline: "\r\n" });

    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ["a", "b", "c"],
      ['x, "y"\r\nz', "plain", "  spaced  "],
    ]);
  });

  it("round-trips through the importer, formula guard included", () => {
    const exported = toCsv(
      [
        { company: "=SUM(A1:A9)", roleTitle: "-Engineer", status: "applied", notes: "Call @noon\nthen email" },
        { company: "Acme, Inc.", roleTitle: 'The "best" PM', status: "rejected", notes: "" },
      ],
      ["company", "roleTitle", "status", "notes"],
    );

    const rows = parseApplicationsCsv(exported).rows.map((r) => r.application);
    expect(rows).toEqual([
      expect.objectContaining({ company: "=SUM(A1:A9)", roleTitle: "-Engineer", status: "applied", notes: "Call @noon\nthen email" }),
      expect.objectContaining({ company: "Acme, Inc.", roleTitle: 'The "best" PM', status: "rejected", notes: "" }),
    ]);
  });
});
