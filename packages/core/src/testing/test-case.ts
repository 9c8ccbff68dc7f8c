/**
 * Integration-test helpers for the back-office case use cases: a received case as submitClaim leaves
 * it (row, contested line, `case_received` event, SLA instants). Tests only.
 */
import { caseLines, mediations, staffTeams, storedFiles, stagedUploads, teams, type Db, type DbOrTx, type StaffRole } from "@accord/db";
import { insertCase, insertCustomerAccount, insertInvoice } from "@accord/db/testing";
import { createHash, randomBytes } from "node:crypto";
import { appendCaseEvents } from "../audit/append-case-events";
import { refreshCaseSla } from "../sla/case-sla";
import { createCustomer, createStaff, staffActor } from "./fixtures";

export const RECEIVED_AT = new Date("2026-11-23T08:00:00Z"); // Monday 09:00 Paris

/** The instant `minutes` after {@link RECEIVED_AT}: the clock of a test's successive steps. */
export const later = (minutes: number) => new Date(RECEIVED_AT.getTime() + minutes * 60_000);

export async function openReceivedCase(
  db: Db,
  options: { accountId?: string; receivedAt?: Date; type?: "quality" | "delivery" | "price_billing" | "compliance" | "other"; contactLanguage?: "fr" | "en" } = {},
) {
  const receivedAt = options.receivedAt ?? RECEIVED_AT;
  const accountId = options.accountId ?? (await insertCustomerAccount(db, { tier: "key" })).id;
  const contact = await createCustomer(db, { accountId, role: "member", language: options.contactLanguage ?? "fr", name: "Julie Bernard" });
  const invoice = await insertInvoice(db, {
    accountId,
    issueDate: "2026-10-15",
    deliveryDate: "2026-10-16",
    lines: [
      { description: "Palette de granulés", quantityMilli: 10_000, unitPriceCents: 12_000, productCode: "GRA-01" },
      { description: "Sacs de ciment", quantityMilli: 5_000, unitPriceCents: 900, productCode: "CIM-25" },
    ],
  });
  const row = await insertCase(db, {
    accountId,
    customerContactId: contact.id,
    receivedAt,
    type: options.type ?? "quality",
    disputedAmountCents: 24_000,
    title: "Granulés humides",
  });
  await db.insert(caseLines).values({
    caseId: row.id,
    invoiceId: invoice.id,
    invoiceLineId: invoice.lines[0]!.id,
    contestedQuantityMilli: 2_000,
    contestedUnitPriceCents: 11_000,
    computedAmountCents: 24_000,
    disputedAmountCents: 24_000,
  });
  await db.transaction(async (tx) => {
    await appendCaseEvents(tx, { caseId: row.id, actor: { kind: "customer", id: contact.id }, at: receivedAt, events: [{ type: "case_received", visibility: "public", payload: {} }] });
    await refreshCaseSla(tx, row.id, receivedAt);
  });
  return { row, contact, accountId, invoice, reference: row.reference };
}

export async function staffWith(db: Db, roles: StaffRole[], options: { name?: string; teamCodes?: string[] } = {}) {
  const user = await createStaff(db, { roles, name: options.name ?? `Staff ${roles.join("+")}` });
  if (options.teamCodes?.length) {
    for (const code of options.teamCodes) {
      const [team] = await db.insert(teams).values({ code, name: code }).onConflictDoUpdate({ target: teams.code, set: { name: code } }).returning();
      await db.insert(staffTeams).values({ staffId: user.id, teamId: team!.id }).onConflictDoNothing();
    }
  }
  return { user, actor: await staffActor(db, user.id) };
}

/** A staged upload of `uploaderId` holding `content` (as the /uploads route leaves it). */
export async function stagedFile(db: DbOrTx, uploader: { kind: "staff" | "customer"; id: string; accountId?: string | null }, fileName: string, content: string) {
  const sha = createHash("sha256").update(content + randomBytes(4).toString("hex")).digest("hex");
  await db.insert(storedFiles).values({ sha256: sha, sizeBytes: content.length, contentType: "text/plain", refCount: 1 }).onConflictDoNothing();
  const [staged] = await db
    .insert(stagedUploads)
    .values({
      uploaderKind: uploader.kind,
      uploaderId: uploader.id,
      accountId: uploader.accountId ?? null,
      sha256: sha,
      fileName,
      contentType: "text/plain",
      sizeBytes: content.length,
      expiresAt: new Date(Date.now() + 3600_000),
    })
    .returning();
  return staged!;
}

/**
 * Makes `mediatorUserId` the internal mediator of the case, as startMediation leaves the mediation row
 * (the status aside): what opens a case to a mediator (issue 12). Tests of the staff scope only.
 */
export async function mediateCase(db: DbOrTx, caseId: string, mediatorUserId: string, startedAt: Date = RECEIVED_AT) {
  const [row] = await db.insert(mediations).values({ caseId, kind: "internal", mediatorUserId, startedAt, startedById: mediatorUserId }).returning();
  return row!;
}
