import { cases, reasonCodes } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ClaimFormInput } from "../claims/schemas";
import { submitClaim } from "../claims/submit-claim";
import { createCustomer, createStaff, customerActor, staffActor } from "../testing/fixtures";
import { normaliseReasonCode, resolveReasonCode } from "./resolve-reason-code";

const t = useTestDb();
const now = new Date("2026-11-23T09:00:00Z");

describe("resolveReasonCode", () => {
  it("reads the account's own mapping before the administration's, and knows nothing else", async () => {
    const mine = await insertCustomerAccount(t.db, {});
    const other = await insertCustomerAccount(t.db, {});
    await t.db.insert(reasonCodes).values([
      { accountId: null, code: "R01", caseType: "quality", label: "Qualité" },
      { accountId: mine.id, code: "R01", caseType: "delivery", label: "Livraison" },
      { accountId: other.id, code: "X9", caseType: "price_billing", label: "Prix" },
    ]);
    expect(await resolveReasonCode(t.db, mine.id, " r01 ")).toEqual({ caseType: "delivery", label: "Livraison" });
    expect(await resolveReasonCode(t.db, other.id, "R01")).toEqual({ caseType: "quality", label: "Qualité" });
    expect(await resolveReasonCode(t.db, mine.id, "X9")).toBeNull();
    expect(await resolveReasonCode(t.db, mine.id, "  ")).toBeNull();
    expect(normaliseReasonCode(" ab-1 ")).toBe("AB-1");
  });
});

describe("submitClaim's channel", () => {
  it("records the channel a customer's claim came through, and refuses another channel for staff", async () => {
    const account = await insertCustomerAccount(t.db, {});
    const member = await createCustomer(t.db, { accountId: account.id, role: "member" });
    const invoice = await insertInvoice(t.db, {
      accountId: account.id,
      number: "FA-CHAN-1",
      issueDate: "2026-11-10",
      lines: [{ description: "Farine", quantityMilli: 10_000, unitPriceCents: 1850, vatRateBp: 550 }],
    });
    const input = {
      type: "other",
      title: "Écart",
      description: "Écart constaté",
      desiredOutcome: "credit_note",
      lines: [{ invoiceLineId: invoice.lines[0]!.id, contestedQuantity: "1" }],
    } as ClaimFormInput;
    const actor = await customerActor(t.db, member.id);
    for (const channel of ["api", "email", "csv", "portal"] as const) {
      const { caseId } = await submitClaim({ db: t.db, actor, input, now, portalUrl: "http://portal.test", channel });
      const [row] = await t.db.select({ channel: cases.channel }).from(cases).where(eq(cases.id, caseId));
      expect(row!.channel).toBe(channel);
    }
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    await expect(
      submitClaim({ db: t.db, actor: agent, input: { ...input, accountId: account.id, customerContactId: member.id } as never, now, portalUrl: "http://portal.test", channel: "api" }),
    ).rejects.toThrow(/phone channel/);
  });
});
