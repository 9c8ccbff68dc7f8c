/**
 * Issue 5, "Done when": every use case behind a portal page scopes by the signed-in user's company
 * (another company gets not_found, never forbidden: nothing says the resource exists) and a viewer
 * cannot act (forbidden). One matrix over the portal's use cases, on one company's case.
 */
import { caseEvents, cases, customerUsers, messages } from "@accord/db";
import { insertCase, insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SYSTEM } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { answerEvidenceRequest } from "../cases/answer-evidence-request";
import { getCustomerCase } from "../cases/get-customer-case";
import { listCustomerCases } from "../cases/list-customer-cases";
import { postCustomerReply } from "../cases/post-customer-reply";
import { withdrawCase } from "../cases/withdraw-case";
import { getClaimConfirmation } from "../claims/get-claim-confirmation";
import { listClaimableInvoices } from "../claims/list-claimable-invoices";
import { AppError } from "../errors";
import { refreshCaseSla } from "../sla/case-sla";
import { createCustomer, customerActor, rejection } from "../testing/fixtures";
import { changeCustomerUserRole } from "./change-customer-user-role";
import { deactivateCustomerUser } from "./deactivate-customer-user";
import { inviteCustomerUser } from "./invite-customer-user";
import { listCompanyUsers } from "./list-company-users";
import { reactivateCustomerUser } from "./reactivate-customer-user";
import { revokeInvitation } from "./revoke-invitation";
import { parseInput } from "../errors";
import { answerEvidenceRequestSchema } from "../cases/answer-evidence-request";
import { customerCaseFiltersSchema } from "../cases/list-customer-cases";
import { customerReplySchema } from "../cases/post-customer-reply";
import { withdrawCaseSchema } from "../cases/withdraw-case";
import { claimableInvoicesQuerySchema } from "../claims/list-claimable-invoices";
import { changeCustomerUserRoleSchema } from "./change-customer-user-role";
import { customerUserTargetSchema } from "./deactivate-customer-user";
import { inviteCustomerUserSchema } from "./invite-customer-user";

const t = useTestDb();

const now = new Date("2026-11-25T10:00:00Z");
const portalUrl = "http://localhost:3000";
const backofficeUrl = "http://localhost:3001";

async function company(name: string) {
  const account = await insertCustomerAccount(t.db, { name });
  const admin = await createCustomer(t.db, { accountId: account.id, role: "admin" });
  const member = await createCustomer(t.db, { accountId: account.id, role: "member" });
  const viewer = await createCustomer(t.db, { accountId: account.id, role: "viewer" });
  const invoice = await insertInvoice(t.db, { accountId: account.id, lines: [{ description: "Farine T65", quantityMilli: 10_000, unitPriceCents: 2_500 }] });
  return {
    account,
    invoice,
    member,
    admin: await customerActor(t.db, admin.id),
    memberActor: await customerActor(t.db, member.id),
    viewer: await customerActor(t.db, viewer.id),
  };
}

async function aCase(accountId: string, contactId: string) {
  const row = await insertCase(t.db, { accountId, customerContactId: contactId, receivedAt: now });
  await t.db.transaction(async (tx) => {
    await appendCaseEvents(tx, { caseId: row.id, actor: SYSTEM, at: now, events: [{ type: "case_received", visibility: "public", payload: {} }] });
    await refreshCaseSla(tx, row.id, now);
  });
  return row;
}

const code = async (promise: Promise<unknown>) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
};

describe("the portal's use cases, across companies and roles", () => {
  it("another company's admin gets not_found (never forbidden) on every resource of the company, and changes nothing", async () => {
    const martin = await company("Boulangeries Martin SAS");
    const hotel = await company("Hôtel du Port SARL");
    const row = await aCase(martin.account.id, martin.member.id);
    const reference = row.reference;
    const outsider = hotel.admin;
    const eventsBefore = (await t.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, row.id)))[0]!.n;

    const attempts: [string, () => Promise<unknown>][] = [
      ["getCustomerCase", () => getCustomerCase({ db: t.db, actor: outsider, input: { reference }, now })],
      ["getClaimConfirmation", () => getClaimConfirmation({ db: t.db, actor: outsider, input: { reference }, now })],
      ["postCustomerReply", () => postCustomerReply({ db: t.db, actor: outsider, input: { ...parseInput(customerReplySchema, { reference, body: "Bonjour", uploadIds: [] }), reference }, now, backofficeUrl })],
      ["withdrawCase", () => withdrawCase({ db: t.db, actor: outsider, input: { ...parseInput(withdrawCaseSchema, { reference, reason: "Retrait" }), reference }, now, portalUrl })],
      [
        "answerEvidenceRequest",
        () => answerEvidenceRequest({ db: t.db, actor: outsider, input: { ...parseInput(answerEvidenceRequestSchema, { reference, requestId: "00000000-0000-4000-8000-000000000000", text: "Réponse", uploadIds: [] }), reference }, now }),
      ],
      ["changeCustomerUserRole", () => changeCustomerUserRole({ db: t.db, actor: outsider, input: parseInput(changeCustomerUserRoleSchema, { userId: martin.member.id, role: "admin" }), now })],
      ["deactivateCustomerUser", () => deactivateCustomerUser({ db: t.db, actor: outsider, input: parseInput(customerUserTargetSchema, { userId: martin.member.id }), now })],
      ["reactivateCustomerUser", () => reactivateCustomerUser({ db: t.db, actor: outsider, input: parseInput(customerUserTargetSchema, { userId: martin.member.id }), now })],
    ];
    for (const [name, attempt] of attempts) expect(await code(attempt()), name).toBe("not_found");

    // Lists of the other company show nothing of this one.
    const theirCases = await listCustomerCases({ db: t.db, actor: outsider, input: parseInput(customerCaseFiltersSchema, { q: reference } )});
    expect(theirCases.cases).toEqual([]);
    const theirInvoices = await listClaimableInvoices({ db: t.db, actor: outsider, input: parseInput(claimableInvoicesQuerySchema, { invoiceIds: [martin.invoice.id] } )});
    expect(theirInvoices.map((i) => i.id)).not.toContain(martin.invoice.id);
    const theirUsers = await listCompanyUsers({ db: t.db, actor: outsider, now });
    expect(theirUsers.users.map((u) => u.id)).not.toContain(martin.member.id);

    // Nothing moved.
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after!.status).toBe("received");
    expect((await t.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, row.id)))[0]!.n).toBe(eventsBefore);
    expect(await t.db.select().from(messages).where(eq(messages.caseId, row.id))).toEqual([]);
    const [member] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, martin.member.id));
    expect(member).toMatchObject({ role: "member", active: true });
  });

  it("a viewer reads the company's cases and users but every action is forbidden", async () => {
    const martin = await company("Boulangeries Martin SAS");
    const row = await aCase(martin.account.id, martin.member.id);
    const reference = row.reference;
    const viewer = martin.viewer;

    expect((await getCustomerCase({ db: t.db, actor: viewer, input: { reference }, now })).case.reference).toBe(reference);
    expect((await listCustomerCases({ db: t.db, actor: viewer, input: parseInput(customerCaseFiltersSchema, {} )})).cases.map((c) => c.reference)).toContain(reference);
    expect((await listCompanyUsers({ db: t.db, actor: viewer, now })).canManage).toBe(false);

    const attempts: [string, () => Promise<unknown>][] = [
      ["postCustomerReply", () => postCustomerReply({ db: t.db, actor: viewer, input: { ...parseInput(customerReplySchema, { reference, body: "Bonjour", uploadIds: [] }), reference }, now, backofficeUrl })],
      ["withdrawCase", () => withdrawCase({ db: t.db, actor: viewer, input: { ...parseInput(withdrawCaseSchema, { reference, reason: "Retrait" }), reference }, now, portalUrl })],
      [
        "answerEvidenceRequest",
        () => answerEvidenceRequest({ db: t.db, actor: viewer, input: { ...parseInput(answerEvidenceRequestSchema, { reference, requestId: "00000000-0000-4000-8000-000000000000", text: "Réponse", uploadIds: [] }), reference }, now }),
      ],
      ["listClaimableInvoices", () => listClaimableInvoices({ db: t.db, actor: viewer, input: parseInput(claimableInvoicesQuerySchema, {} )})],
      ["inviteCustomerUser", () => inviteCustomerUser({ db: t.db, actor: viewer, input: parseInput(inviteCustomerUserSchema, { email: "x@martin.example", name: "X", role: "admin" }), portalUrl, now })],
      ["changeCustomerUserRole", () => changeCustomerUserRole({ db: t.db, actor: viewer, input: parseInput(changeCustomerUserRoleSchema, { userId: martin.member.id, role: "viewer" }), now })],
      ["deactivateCustomerUser", () => deactivateCustomerUser({ db: t.db, actor: viewer, input: parseInput(customerUserTargetSchema, { userId: martin.member.id }), now })],
      ["reactivateCustomerUser", () => reactivateCustomerUser({ db: t.db, actor: viewer, input: parseInput(customerUserTargetSchema, { userId: martin.member.id }), now })],
      ["revokeInvitation", () => revokeInvitation({ db: t.db, actor: viewer, input: { email: "x@martin.example" }, now })],
    ];
    for (const [name, attempt] of attempts) expect(await code(attempt()), name).toBe("forbidden");

    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after!.status).toBe("received");
    expect(await t.db.select().from(messages).where(eq(messages.caseId, row.id))).toEqual([]);
  });
});
