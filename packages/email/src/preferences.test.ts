import { describe, expect, it } from "vitest";
import { CUSTOMER_EMAIL_KINDS, MANDATORY_EMAIL_KINDS, OPTIONAL_EMAIL_KINDS, wantsEmail } from "./policy";

describe("customer e-mail preferences", () => {
  it("makes the legally relevant kinds mandatory, as PRODUCT.md lists them", () => {
    expect([...MANDATORY_EMAIL_KINDS].sort()).toEqual(
      ["acknowledgement", "closure", "information_requested", "invitation", "password_reset", "proposal_offered", "resolution"].sort(),
    );
    expect([...OPTIONAL_EMAIL_KINDS].sort()).toEqual(["new_reply", "proactive_notice", "proposal_accepted", "reminder"]);
    expect(OPTIONAL_EMAIL_KINDS.length + MANDATORY_EMAIL_KINDS.length).toBe(CUSTOMER_EMAIL_KINDS.length);
  });

  it("always sends a mandatory kind, even when a stored preference says no", () => {
    expect(wantsEmail({ resolution: false }, "resolution")).toBe(true);
  });

  it("sends an optional kind unless it was turned off", () => {
    expect(wantsEmail({}, "new_reply")).toBe(true);
    expect(wantsEmail(null, "reminder")).toBe(true);
    expect(wantsEmail({ new_reply: false }, "new_reply")).toBe(false);
    expect(wantsEmail({ new_reply: true }, "new_reply")).toBe(true);
  });
});
