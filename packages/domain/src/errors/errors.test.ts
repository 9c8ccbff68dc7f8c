import { describe, expect, it } from "vitest";
import { domainError, DomainValidationError, fail, isDomainValidationError } from "./errors";
import * as domain from "../index";

describe("domain errors", () => {
  it("build a message key from the code unless told otherwise", () => {
    expect(domainError("invalid_amount", { field: "cents" })).toEqual({ code: "invalid_amount", field: "cents", messageKey: "domain.error.invalid_amount", params: {} });
    expect(domainError("guard_failed", { messageKey: "domain.error.guard_failed.x" })).toEqual({ code: "guard_failed", messageKey: "domain.error.guard_failed.x", params: {} });
  });

  it("throw a DomainValidationError that carries code, field and params", () => {
    try {
      fail("invalid_calendar", "timeZone", { value: "Mars/Base" });
    } catch (error) {
      expect(isDomainValidationError(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: "DomainValidationError", code: "invalid_calendar", field: "timeZone", params: { value: "Mars/Base" } });
      expect((error as DomainValidationError).message).toBe('invalid_calendar (timeZone) {"value":"Mars/Base"}');
      expect((error as DomainValidationError).error.messageKey).toBe("domain.error.invalid_calendar");
    }
    expect(() => fail("invalid_history", undefined)).toThrowError(expect.objectContaining({ field: undefined, message: "invalid_history" }));
    expect(isDomainValidationError(new Error("x"))).toBe(false);
  });

  it("are exported, with the public API, from the package entry point", () => {
    expect(typeof domain.publicHolidaysFR).toBe("function");
    expect(typeof domain.addBusinessMinutes).toBe("function");
    expect(typeof domain.businessMinutesBetween).toBe("function");
    expect(domain.DEFAULT_CALENDAR.timeZone).toBe("Europe/Paris");
    expect(typeof domain.parseCalendar).toBe("function");
    expect(typeof domain.validateCalendar).toBe("function");
    expect(domain.DomainValidationError).toBe(DomainValidationError);
  });
});
