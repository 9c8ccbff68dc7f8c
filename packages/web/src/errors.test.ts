import { AppError } from "@accord/core";
import { describe, expect, it } from "vitest";
import { describeError, throwAsResponse } from "./errors";

const t = (key: string, params?: Record<string, unknown>) => (params && Object.keys(params).length ? `${key}:${JSON.stringify(params)}` : key);

describe("describeError", () => {
  it("maps a refused sign-in to 400 and its message", () => {
    expect(describeError(new AppError("validation", { messageKey: "auth.invalidCredentials" }), t)).toMatchObject({
      status: 400,
      message: "auth.invalidCredentials",
    });
  });

  it("maps throttling to 429 with the minutes", () => {
    const described = describeError(new AppError("rate_limited", { messageKey: "auth.rateLimited", params: { minutes: 7 } }), t);
    expect(described.status).toBe(429);
    expect(described.message).toBe('auth.rateLimited:{"minutes":7}');
  });

  it("translates field errors", () => {
    const error = new AppError("validation", { fieldErrors: { email: ["validation.email"] } });
    expect(describeError(error, t).fieldErrors).toEqual({ email: ["validation.email"] });
  });

  it("rethrows what is not an AppError", () => {
    const bug = new TypeError("bug");
    expect(() => describeError(bug, t)).toThrow(bug);
  });

  it("answers 503 with Retry-After when the database is out of reach (a lost connection, wrapped by the ORM)", () => {
    const lost = new Error("Failed query", { cause: Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }) });
    try {
      describeError(lost, t);
    } catch (thrown) {
      expect(thrown).toMatchObject({ data: "errorPage.unavailable", init: { status: 503, headers: { "Retry-After": "5" } } });
      return;
    }
    expect.unreachable();
  });
});

describe("throwAsResponse", () => {
  it("hides a forbidden page behind a 404", () => {
    try {
      throwAsResponse(new AppError("forbidden"), t);
    } catch (thrown) {
      expect(thrown).toMatchObject({ init: { status: 404 } });
      return;
    }
    expect.unreachable();
  });
});
