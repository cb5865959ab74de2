import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractFromText, extractPosting } from "@/server/services/capture/extract";
import { pageDataFromHtml } from "@/server/services/capture/page-data";

const page = (name: string, url: string) =>
  extractPosting(pageDataFromHtml(readFileSync(new URL(`../../fixtures/postings/${name}`, import.meta.url), "utf8"), url));

describe("reading a job posting from a page", () => {
  it("JSON-LD JobPosting (Greenhouse-style, description escaped twice)", () => {
    const posting = page("greenhouse-style.html", "https://boards.example.com/acme/jobs/123");
    expect(posting).toEqual({
      roleTitle: "Senior Backend Engineer",
      companyName: "Acme Robotics",
      location: "Berlin, BE, DE",
      workplaceType: null,
      jobType: "full_time",
      salaryMin: 85000,
      salaryMax: 105000,
      salaryCurrency: "EUR",
      datePosted: "2026-03-02",
      deadlineOn: "2026-04-30",
      jobUrl: "https://boards.example.com/acme/jobs/123",
      description: "We build warehouse robots.\n\n• Go & Postgres\n• On-call one week in six",
      foundIn: "json-ld",
    });
  });

  it("JSON-LD in an @graph, remote, several employment types, a relative url, a single value salary", () => {
    const posting = page("lever-graph-style.html", "https://jobs.example.org/acme/abc");
    expect(posting).toMatchObject({
      roleTitle: "Product Designer, Growth",
      companyName: "Société Générale Études",
      location: "Remote",
      workplaceType: "remote",
      jobType: "contract",
      salaryMin: 600,
      salaryMax: 600,
      salaryCurrency: "EUR",
      datePosted: "2026-02-20",
      jobUrl: "https://jobs.example.org/jobs/designer-growth?ref=feed",
      foundIn: "json-ld",
    });
    expect(posting.description).toBe("Design for 12 million users.\nDeux jours par semaine — fully remote.");
  });

  it("microdata when there is no JSON-LD", () => {
    const posting = page("microdata-board.html", "https://globex.example/careers/analyst");
    expect(posting).toMatchObject({
      roleTitle: "Data Analyst",
      companyName: "Globex Corporation",
      location: "Springfield, OR",
      jobType: "full_time",
      salaryMin: 70000,
      salaryMax: 90000,
      salaryCurrency: "USD",
      datePosted: "2026-03-10",
      deadlineOn: "2026-04-10",
      foundIn: "microdata",
    });
    expect(posting.description).toBe("Turn data into decisions.\nSQL, Python & dashboards.");
  });

  it("Open Graph and the title as the fallback", () => {
    const posting = page("open-graph-only.html", "https://careers.initech.example/jobs/77?utm=x");
    expect(posting).toMatchObject({
      roleTitle: "Staff Engineer",
      companyName: "Initech",
      jobUrl: "https://careers.initech.example/jobs/77",
      description: "Lead the TPS platform team. Austin or remote.",
      foundIn: "open-graph",
    });
  });

  it("survives broken JSON-LD and pages with nothing", () => {
    const posting = extractPosting({ url: "https://x.example/", title: "  Careers  ", jsonLd: ["{not json", "[]"], meta: {}, microdata: [] });
    expect(posting).toMatchObject({ roleTitle: "Careers", companyName: "", jobUrl: "https://x.example/", foundIn: "open-graph" });
  });

  it("never carries a javascript: address as the job link", () => {
    const posting = extractPosting({ url: "https://x.example/j", title: "", jsonLd: [JSON.stringify({ "@type": "JobPosting", title: "A", url: "javascript:alert(1)" })], meta: {}, microdata: [] });
    expect(posting.jobUrl).toBe("https://x.example/j");
  });
});

describe("reading pasted posting text", () => {
  it("reads labelled lines and keeps the whole text", () => {
    const text = "Senior Data Engineer at Northwind\nLocation: Lisbon, Portugal\nSalary: €60,000 – €75,000\nJob type: Full-time\n\nWe move data for 300 stores.";
    expect(extractFromText(text)).toMatchObject({
      roleTitle: "Senior Data Engineer",
      companyName: "Northwind",
      location: "Lisbon, Portugal",
      salaryMin: 60000,
      salaryMax: 75000,
      salaryCurrency: "EUR",
      jobType: "full_time",
      description: text,
      foundIn: "text",
    });
  });
});

describe("the bookmarklet", () => {
  it("is one valid script that opens this app's new-application page and posts only to this app's origin", async () => {
    const { bookmarkletHref } = await import("@/app/[orgSlug]/applications/capture/bookmarklet");
    const href = bookmarkletHref("https://app.example.com/some/path", "acme-coaching");
    expect(href.startsWith("javascript:")).toBe(true);
    const code = decodeURIComponent(href.slice("javascript:".length));
    expect(() => new Function(code)).not.toThrow();
    expect(code).toContain('"https://app.example.com/acme-coaching/applications/new?capture=bookmarklet&url="');
    expect(code).toContain('w.postMessage({ type: "followthrough:posting", page }, "https://app.example.com")');
  });
});
