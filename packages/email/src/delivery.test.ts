import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyProviderAnswer, DEFAULT_RETRY_POLICY, isFinalAttempt, parseRetryAfter, retryDelayMs } from "./delivery";

const now = new Date("2026-12-06T10:00:00Z");

describe("classifyProviderAnswer", () => {
  it("2xx is delivered", () => {
    expect(classifyProviderAnswer({ status: 200, message: "ok" }, now)).toEqual({ kind: "delivered" });
    expect(classifyProviderAnswer({ status: 202, message: "ok" }, now)).toEqual({ kind: "delivered" });
  });

  it("5xx, no answer (network error, timeout) and 429 are transient", () => {
    for (const status of [500, 502, 503, 504]) expect(classifyProviderAnswer({ status, message: "down" }, now)).toMatchObject({ kind: "transient", reason: `${status}: down` });
    expect(classifyProviderAnswer({ status: null, message: "Unable to fetch data." }, now)).toEqual({
      kind: "transient",
      reason: "no answer: Unable to fetch data.",
      retryAfterMs: null,
    });
    expect(classifyProviderAnswer({ status: 429, message: "Too many requests", retryAfter: "7" }, now)).toEqual({
      kind: "transient",
      reason: "429: Too many requests",
      retryAfterMs: 7000,
    });
    expect(classifyProviderAnswer({ status: 408, message: "timeout" }, now)).toMatchObject({ kind: "transient" });
  });

  it("any other 4xx is permanent, with its reason", () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      expect(classifyProviderAnswer({ status, message: "Invalid `to` field" }, now)).toEqual({ kind: "permanent", reason: `${status}: Invalid \`to\` field` });
    }
  });

  it("every status is classified, and only 4xx other than 408/429 are permanent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
        const outcome = classifyProviderAnswer({ status, message: "m" }, now);
        const permanent = status >= 400 && status < 500 && status !== 429 && status !== 408;
        const delivered = status >= 200 && status < 300;
        expect(outcome.kind).toBe(delivered ? "delivered" : permanent ? "permanent" : "transient");
      }),
    );
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates; a past date is 0; nonsense is null", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Sun, 06 Dec 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 06 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("1.5", now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe("retryDelayMs", () => {
  const policy = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 60_000 };

  it("doubles at each attempt, jittered into [½, 1] of it, and is capped", () => {
    expect(retryDelayMs(1, null, policy, 0)).toBe(500);
    expect(retryDelayMs(1, null, policy, 0.999999)).toBe(1000);
    expect(retryDelayMs(2, null, policy, 0)).toBe(1000);
    expect(retryDelayMs(3, null, policy, 0.5)).toBe(3000);
    expect(retryDelayMs(20, null, policy, 0.999999)).toBe(60_000);
  });

  it("never comes back before Retry-After, within the cap", () => {
    expect(retryDelayMs(1, 5000, policy, 0)).toBe(5000);
    expect(retryDelayMs(1, 10_000_000, policy, 0)).toBe(60_000);
  });

  it("stays within [base/2, max] and above Retry-After for any attempt and any jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, retryAfter, random) => {
        const delay = retryDelayMs(attempts, retryAfter, policy, random);
        expect(delay).toBeGreaterThanOrEqual(policy.baseDelayMs / 2);
        expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
        if (retryAfter !== null) expect(delay).toBeGreaterThanOrEqual(Math.min(retryAfter, policy.maxDelayMs));
      }),
    );
  });

  it("the default policy gives up after ten attempts", () => {
    expect(isFinalAttempt(9, DEFAULT_RETRY_POLICY)).toBe(false);
    expect(isFinalAttempt(10, DEFAULT_RETRY_POLICY)).toBe(true);
  });
});
