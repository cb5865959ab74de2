import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { unsupportedFacts } from "@/server/ai/fact-check";
import { cleanCompletion, rewriteDraft, type RewriteInput } from "@/server/ai/rewrite";
import { draftInPrompt, startFakeOpenAI, type FakeOpenAI } from "../../helpers/openai-fake";

const DRAFT = [
  "Hi Elena,",
  "Thank you for meeting with me by video on Tuesday 2 June to talk about the Product Designer role at Acme Analytics. I especially enjoyed our conversation about how your team is consolidating three dashboards into one.",
  "I'll send you a link to my portfolio with the design-system case study by Thursday 4 June.",
  "Best,\nSam Rivera",
].join("\n\n");

const FACTS = {
  sender: "Sam Rivera",
  recipient: "Elena Marquez",
  company: "Acme Analytics",
  role: "Product Designer",
  interviewDay: "Tuesday 2 June",
  discussed: "We talked about how her team is consolidating three dashboards into one",
  accomplishments: ["Built a design system used by 40 engineers"],
};

const SHORTER = [
  "Hi Elena,",
  "Thanks for the video call on Tuesday 2 June about the Product Designer role at Acme Analytics; our talk about consolidating three dashboards into one stayed with me.",
  "I'll send you my portfolio link with the design-system case study by Thursday 4 June.",
  "Best,\nSam Rivera",
].join("\n\n");

describe("rewriting a draft through an OpenAI-compatible endpoint", () => {
  let fake: FakeOpenAI;
  let input: RewriteInput;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    input = { config: { baseURL: fake.url, model: "test-model", apiKey: "sk-test" }, facts: FACTS, body: DRAFT, request: { style: "shorter" } };
  });

  it("returns the model's rewrite when it adds no fact, sending only this interview's facts and the draft", async () => {
    fake.enqueue({ kind: "text", content: SHORTER });

    const outcome = await rewriteDraft(input);

    expect(outcome).toEqual({ ok: true, body: SHORTER, model: "test-model" });
    const [request] = fake.requests;
    expect(request?.model).toBe("test-model");
    expect(request?.authorization).toBe("Bearer sk-test");
    expect(request?.max_tokens).toBe(800);
    expect(draftInPrompt(request!)).toBe(DRAFT);
    const prompt = request!.messages.map((m) => m.content).join("\n");
    expect(prompt).toContain("noticeably shorter");
    expect(prompt).toContain("Never add a name, company, date, number");
  });

  it("rejects a rewrite that invents a fact and says which, keeping the draft", async () => {
    fake.enqueue({ kind: "text", content: SHORTER.replace("Thursday 4 June", "Friday 5 June, as I promised Marcus") });

    const outcome = await rewriteDraft(input);

    expect(outcome).toMatchObject({ ok: false, reason: "invented_fact" });
    expect(outcome.ok ? "" : outcome.message).toContain("“Friday”, “5”, “Marcus”");
    expect(outcome.ok ? "" : outcome.message).toContain("your draft was kept");
  });

  it("gives up after the time limit with a clear message", async () => {
    fake.enqueue({ kind: "slow", delayMs: 2_000, content: SHORTER });

    const started = Date.now();
    const outcome = await rewriteDraft({ ...input, timeoutMs: 200 });

    expect(outcome).toMatchObject({ ok: false, reason: "timeout" });
    expect(outcome.ok ? "" : outcome.message).toMatch(/took too long.*unchanged/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("explains a rate limit (429) without retrying", async () => {
    fake.enqueue({ kind: "error", status: 429 });

    const outcome = await rewriteDraft(input);

    expect(outcome).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(outcome.ok ? "" : outcome.message).toMatch(/busy.*unchanged/);
    expect(fake.requests).toHaveLength(1);
  });

  it("explains a server error (500) without retrying", async () => {
    fake.enqueue({ kind: "error", status: 500 });

    const outcome = await rewriteDraft(input);

    expect(outcome).toMatchObject({ ok: false, reason: "unavailable" });
    expect(outcome.ok ? "" : outcome.message).toMatch(/not available.*unchanged/);
    expect(fake.requests).toHaveLength(1);
  });

  it("explains an endpoint that does not answer at all", async () => {
    const outcome = await rewriteDraft({ ...input, config: { baseURL: "http://127.0.0.1:9/v1", model: "m" } });

    expect(outcome).toMatchObject({ ok: false, reason: "unavailable" });
  });

  it("refuses an empty answer and one that runs far longer than the draft", async () => {
    fake.enqueue({ kind: "text", content: "   " }, { kind: "text", content: `${DRAFT}\n\n${"Thank you again. ".repeat(100)}` });

    expect(await rewriteDraft(input)).toMatchObject({ ok: false, reason: "empty" });
    expect(await rewriteDraft(input)).toMatchObject({ ok: false, reason: "too_long" });
  });

  it("applies a coach's suggestion, whose own facts the rewrite may use", async () => {
    input.request = { suggestion: "Mention the Figma plugin you built.", coachName: "Maya" };
    fake.enqueue({ kind: "text", content: DRAFT.replace("Best,", "I also built a Figma plugin you might like.\n\nBest,") });

    const outcome = await rewriteDraft(input);

    expect(outcome.ok).toBe(true);
    expect(fake.requests[0]!.messages.map((m) => m.content).join("\n")).toContain(
      "Apply this suggestion from the sender's career coach, Maya: \"Mention the Figma plugin you built.\"",
    );
  });
});

describe("cleanCompletion", () => {
  it("drops a subject line, a code fence and wrapping quotes", () => {
    expect(cleanCompletion("Subject: Thanks\n\nHi Elena,\n\nThanks.")).toBe("Hi Elena,\n\nThanks.");
    expect(cleanCompletion("```\nHi Elena,\n```")).toBe("Hi Elena,");
    expect(cleanCompletion('"Hi Elena,\n\nThanks."')).toBe("Hi Elena,\n\nThanks.");
  });
});

describe("unsupportedFacts", () => {
  const sources = [DRAFT, ...Object.values(FACTS).flat()];

  it.each([
    ["a new person", "Hi Elena, Marcus sends his regards.", ["Marcus"]],
    ["a new company", "I enjoyed it more than my interview at Globex.", ["Globex"]],
    ["a new weekday", "I will send it on Monday.", ["Monday"]],
    ["a new month", "I can start in september.", ["september"]],
    ["a new number", "I built a design system used by 45 engineers.", ["45"]],
    ["a number word", "I have led three teams.", []],
    ["a new number word", "I have led seven teams.", ["seven"]],
    ["a new name at the start of a sentence", "Hi Elena,\n\nPriya told me about the role.", ["Priya"]],
  ])("flags %s", (_label, output, expected) => {
    expect(unsupportedFacts(output, sources)).toEqual(expected);
  });

  it("accepts rewording that keeps the facts, whatever words start the sentences", () => {
    expect(
      unsupportedFacts(
        "Hi Elena,\n\nThanks so much for Tuesday 2 June. Looking back, our talk about three dashboards stood out. " +
          "I'll send the design-system case study by Thursday 4 June.\n\nWarm regards,\nSam Rivera",
        sources,
      ),
    ).toEqual([]);
  });
});
