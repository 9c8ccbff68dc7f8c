import { describe, expect, it } from "vitest";
import { RETENTION, retentionCutoffs } from "./retention";

describe("retentionCutoffs", () => {
  const now = new Date("2026-12-06T03:17:00Z");

  it("drops expired sessions at once, spent reset links after a day, spent invitations after 30 days, sign-in attempts after 6 months", () => {
    expect(retentionCutoffs(now)).toEqual({
      sessionsExpiredBefore: new Date("2026-12-06T03:17:00Z"),
      resetTokensSpentBefore: new Date("2026-12-05T03:17:00Z"),
      invitationsSpentBefore: new Date("2026-11-06T03:17:00Z"),
      signInAttemptsBefore: new Date("2026-06-06T03:17:00Z"),
      webhookEventsBefore: new Date("2026-11-06T03:17:00Z"),
    });
  });

  it("keeps the sign-in journal at least six months (the CNIL's recommendation) and no longer than a year", () => {
    expect(RETENTION.signInAttemptDays).toBeGreaterThanOrEqual(182);
    expect(RETENTION.signInAttemptDays).toBeLessThanOrEqual(366);
  });
});
