import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProactiveNotice, isQualityRootCause, lotsOfCase, normalizeLot, proactiveNoticeApplies } from "./proactive-notice";

const other = { id: "hotel", name: "Hôtel du Port SARL", receivedLot: true, alreadyNotified: false, recipients: 1 };
const base = { rootCauseCategory: "quality", caseLots: ["L2026-1102"], lot: "L2026-1102", caseAccountId: "martin", account: other };

describe("the lots of a case", () => {
  it("takes the claim's lot, then the lines', normalized and each once", () => {
    expect(lotsOfCase({ claimLot: " l2026-1102 ", lineLots: ["L2026-1102", null, "S-7710", ""] })).toEqual(["L2026-1102", "S-7710"]);
    expect(lotsOfCase({ claimLot: null, lineLots: [] })).toEqual([]);
  });

  it("normalizes idempotently", () => {
    fc.assert(fc.property(fc.stringMatching(/^[ a-zA-Z0-9-]{0,20}$/), (lot) => normalizeLot(normalizeLot(lot)) === normalizeLot(lot)));
  });
});

describe("whether a proactive notice applies", () => {
  it("needs a quality root cause and a lot", () => {
    expect(isQualityRootCause("quality")).toBe(true);
    expect(isQualityRootCause("logistics")).toBe(false);
    expect(proactiveNoticeApplies({ rootCauseCategory: "quality", lots: ["L1"] })).toBeNull();
    expect(proactiveNoticeApplies({ rootCauseCategory: "logistics", lots: ["L1"] })).toMatchObject({ messageKey: "domain.error.proactive.not_quality" });
    expect(proactiveNoticeApplies({ rootCauseCategory: null, lots: ["L1"] })).toMatchObject({ messageKey: "domain.error.proactive.not_quality" });
    expect(proactiveNoticeApplies({ rootCauseCategory: "quality", lots: [] })).toMatchObject({ messageKey: "domain.error.proactive.no_lot" });
  });
});

describe("a notice to one account", () => {
  it("goes to another customer who received the lot", () => {
    expect(checkProactiveNotice(base)).toBeNull();
    expect(checkProactiveNotice({ ...base, lot: "l2026-1102" })).toBeNull();
  });

  it("is refused for the case's own customer, a lot the case does not name, or an account that did not receive it", () => {
    expect(checkProactiveNotice({ ...base, account: { ...other, id: "martin" } })).toMatchObject({ messageKey: "domain.error.proactive.own_account" });
    expect(checkProactiveNotice({ ...base, lot: "CF-0412" })).toMatchObject({ messageKey: "domain.error.proactive.unknown_lot", field: "lot" });
    expect(checkProactiveNotice({ ...base, account: { ...other, receivedLot: false } })).toMatchObject({ messageKey: "domain.error.proactive.unknown_lot", field: "accountIds" });
  });

  it("is refused a second time for the same case and lot, naming the account", () => {
    expect(checkProactiveNotice({ ...base, account: { ...other, alreadyNotified: true } })).toMatchObject({
      messageKey: "domain.error.proactive.already_notified",
      params: { account: "Hôtel du Port SARL", lot: "L2026-1102" },
    });
  });

  it("is refused when nobody at the account accepts mail", () => {
    expect(checkProactiveNotice({ ...base, account: { ...other, recipients: 0 } })).toMatchObject({ messageKey: "domain.error.proactive.no_recipient" });
  });
});
