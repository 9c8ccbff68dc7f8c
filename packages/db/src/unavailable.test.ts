import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises the driver's lost connections, refused sockets and a server shutting down or starting", () => {
    for (const code of ["CONNECTION_CLOSED", "CONNECTION_ENDED", "ECONNREFUSED", "57P01", "57P03", "08006"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code }))).toBe(true);
    }
  });

  it("looks through a wrapping error's cause", () => {
    const driver = Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" });
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: driver }))).toBe(true);
  });

  it("does not take a failed query, a bug or a non-error for an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("CONNECTION_CLOSED")).toBe(false);
  });
});
