import { afterEach, describe, expect, it, vi } from "vitest";
import {
  advanceClock,
  clockOffsetMs,
  now,
  parseIsoDurationMs,
  resetClock,
  TestClockDisabledError,
} from "../../../server/clock";
import { readEnv } from "../../../server/env";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const secret = { AUTH_SECRET: "a-real-secret-of-enough-length" };
const enabled = readEnv({ NODE_ENV: "test", ENABLE_TEST_CLOCK: "1" });
const disabled = readEnv({ NODE_ENV: "test" });

describe("ENABLE_TEST_CLOCK in the environment", () => {
  it("is off by default and may be on with the local outbox, in a production build too (the end-to-end setup)", () => {
    expect(disabled.ENABLE_TEST_CLOCK).toBe("0");
    expect(readEnv({ NODE_ENV: "production", ENABLE_TEST_CLOCK: "1", ENABLE_DEV_OUTBOX: "1", APP_URL: "http://localhost:3100", ...secret }).ENABLE_TEST_CLOCK).toBe("1");
    // An empty variable counts as unset, as everywhere in readEnv.
    expect(readEnv({ ENABLE_TEST_CLOCK: "1", RESEND_API_KEY: "" }).ENABLE_TEST_CLOCK).toBe("1");
  });

  it("is refused with a clear message next to a real email provider or Inngest", () => {
    expect(() => readEnv({ ENABLE_TEST_CLOCK: "1", RESEND_API_KEY: "re_live_123" })).toThrow(
      /ENABLE_TEST_CLOCK=1 is for end-to-end tests.*refused while RESEND_API_KEY is set/,
    );
    expect(() => readEnv({ ENABLE_TEST_CLOCK: "1", INNGEST_EVENT_KEY: "evt_123" })).toThrow(/refused while INNGEST_EVENT_KEY is set/);
    expect(() => readEnv({ ENABLE_TEST_CLOCK: "1", INNGEST_DEV: "1" })).toThrow(/refused while INNGEST_DEV is set/);
    expect(() => readEnv({ ENABLE_TEST_CLOCK: "1", RESEND_API_KEY: "re_1", INNGEST_DEV: "1" })).toThrow(
      /refused while RESEND_API_KEY, INNGEST_DEV are set/,
    );
    // The same variables without the test clock are fine.
    expect(readEnv({ ENABLE_TEST_CLOCK: "0", RESEND_API_KEY: "re_1", INNGEST_DEV: "1" }).RESEND_API_KEY).toBe("re_1");
  });

  it("accepts only 0 or 1", () => {
    expect(() => readEnv({ ENABLE_TEST_CLOCK: "true" })).toThrow(/ENABLE_TEST_CLOCK/);
  });
});

describe("the server clock", () => {
  afterEach(() => {
    resetClock(enabled);
  });

  it("cannot be moved unless the test clock is enabled", () => {
    expect(() => advanceClock(DAY, disabled)).toThrow(TestClockDisabledError);
    expect(() => resetClock(disabled)).toThrow(TestClockDisabledError);
    expect(clockOffsetMs()).toBe(0);
  });

  it("runs ahead by what was advanced, and back to real time on reset", () => {
    const before = Date.now();
    advanceClock(2 * DAY, enabled);
    advanceClock(HOUR, enabled);
    expect(clockOffsetMs()).toBe(2 * DAY + HOUR);
    expect(+now()).toBeGreaterThanOrEqual(before + 2 * DAY + HOUR);
    expect(+now()).toBeLessThan(Date.now() + 2 * DAY + HOUR + 1);

    resetClock(enabled);
    expect(clockOffsetMs()).toBe(0);
    expect(+now()).toBeLessThanOrEqual(Date.now());
  });

  it("refuses to move backwards or by nothing", () => {
    expect(() => advanceClock(-HOUR, enabled)).toThrow(RangeError);
    expect(() => advanceClock(0, enabled)).toThrow(RangeError);
    expect(() => advanceClock(Number.NaN, enabled)).toThrow(RangeError);
    expect(clockOffsetMs()).toBe(0);
  });

  it("is one clock for every copy of the module (Next bundles instrumentation and routes apart)", async () => {
    advanceClock(3 * DAY, enabled);
    vi.resetModules();
    const otherCopy = await import("../../../server/clock");
    expect(otherCopy.now).not.toBe(now);
    expect(otherCopy.clockOffsetMs()).toBe(3 * DAY);
    otherCopy.advanceClock(HOUR, enabled);
    expect(clockOffsetMs()).toBe(3 * DAY + HOUR);
  });
});

describe("ISO-8601 durations", () => {
  it.each([
    ["P2D", 2 * DAY],
    ["PT36H", 36 * HOUR],
    ["P1W", 7 * DAY],
    ["P1DT2H30M", DAY + 2 * HOUR + 30 * 60_000],
    ["PT1.5S", 1_500],
    ["pt90m", 90 * 60_000],
  ])("reads %s", (text, ms) => {
    expect(parseIsoDurationMs(text)).toBe(ms);
  });

  it.each(["", "P", "PT", "P1DT", "2D", "P1M", "P1Y", "P-1D", "PT1H30", "P1D2H", "one day"])("refuses %j", (text) => {
    expect(parseIsoDurationMs(text)).toBeNull();
  });
});
