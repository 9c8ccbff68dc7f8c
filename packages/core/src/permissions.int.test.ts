/**
 * The permission matrix (issues 5 and 6): every staff role × every staff-facing use case, and every
 * customer role × every customer use case, on real PostgreSQL. The expectation of each cell is read
 * from the domain's role → permission map (`can`), so this file documents the rule instead of
 * restating it; each cell really calls the use case and checks what it wrote (or that it wrote nothing).
 *
 * Rules the matrix checks besides the map:
 * - a mediator sees no case until they mediate it (not_found, an empty queue);
 * - a customer member sees only the cases they filed, an admin and a viewer all of their company's;
 * - a user of another company gets not_found, never forbidden.
 */
import type { StaffActor } from "@accord/auth";
import { caseEvents, cases, customerUsers, rootCauses } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { can, CUSTOMER_ROLES, STAFF_ROLES, type CustomerRole, type Permission, type StaffRole } from "@accord/domain";
import { asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCalendar } from "./admin/create-calendar";
import { createCustomerAccount } from "./admin/create-customer-account";
import { createRootCause } from "./admin/create-root-cause";
import { createSlaPolicy } from "./admin/create-sla-policy";
import { createStaffUser } from "./admin/create-staff-user";
import { createTeam } from "./admin/create-team";
import { createPriceAgreement } from "./admin/create-price-agreement";
import { getApprovalThresholds } from "./admin/get-approval-thresholds";
import { getEscalationSettings } from "./admin/get-escalation-settings";
import { listCalendars } from "./admin/list-calendars";
import { listCustomerAccounts } from "./admin/list-customer-accounts";
import { listKbArticles } from "./admin/list-kb-articles";
import { listRootCauses } from "./admin/list-root-causes";
import { listTemplates } from "./admin/list-templates";
import { listSlaPolicies } from "./admin/list-sla-policies";
import { listStaff } from "./admin/list-staff";
import { recordPriceIndexValue } from "./admin/record-price-index-value";
import { saveKbArticle } from "./admin/save-kb-article";
import { saveResponseTemplate } from "./admin/save-response-template";
import { updateApprovalThresholds } from "./admin/update-approval-thresholds";
import { updateEscalationSettings } from "./admin/update-escalation-settings";
import { answerEvidenceRequest } from "./cases/answer-evidence-request";
import { assignCase } from "./cases/assign-case";
import { getCustomerCase } from "./cases/get-customer-case";
import { getStaffCase } from "./cases/get-staff-case";
import { listCaseQueue } from "./cases/list-case-queue";
import { listQueueViews } from "./cases/list-queue-views";
import { saveQueueView } from "./cases/save-queue-view";
import { listCustomerCases } from "./cases/list-customer-cases";
import { mergeDuplicate } from "./cases/merge-duplicate";
import { postCustomerReply } from "./cases/post-customer-reply";
import { promoteToDispute } from "./cases/promote-to-dispute";
import { qualifyCase } from "./cases/qualify-case";
import { rejectCase } from "./cases/reject-case";
import { requestEvidence } from "./cases/request-evidence";
import { startInvestigation } from "./cases/start-investigation";
import { withdrawCase } from "./cases/withdraw-case";
import { getClaimConfirmation } from "./claims/get-claim-confirmation";
import { listClaimableInvoices } from "./claims/list-claimable-invoices";
import { previewClaim } from "./claims/preview-claim";
import type { ClaimFormInput } from "./claims/schemas";
import { submitClaim } from "./claims/submit-claim";
import { changeCustomerUserRole } from "./customers/change-customer-user-role";
import { deactivateCustomerUser } from "./customers/deactivate-customer-user";
import { getCustomerHome } from "./customers/get-customer-home";
import { inviteCustomerUser } from "./customers/invite-customer-user";
import { listCompanyUsers } from "./customers/list-company-users";
import { reactivateCustomerUser } from "./customers/reactivate-customer-user";
import { revokeInvitation } from "./customers/revoke-invitation";
import { addInternalNote } from "./instruction/add-internal-note";
import { addStaffEvidence } from "./instruction/add-staff-evidence";
import { addTask } from "./instruction/add-task";
import { completeTask } from "./instruction/complete-task";
import { getPriceCheck } from "./instruction/get-price-check";
import { listOnBehalfChoices } from "./instruction/list-on-behalf-choices";
import { logTime } from "./instruction/log-time";
import { notifyStakeholders } from "./instruction/notify-stakeholders";
import { postStaffReply } from "./instruction/post-staff-reply";
import { setRootCause } from "./instruction/set-root-cause";
import { mediateCase, stagedFile } from "./testing/test-case";
import { getStaffMediation } from "./mediation/get-staff-mediation";
import { startMediation, startMediationSchema } from "./mediation/start-mediation";
import { createCustomer, createStaff, customerActor, rejection, staffActor } from "./testing/fixtures";
import { parseInput } from "./errors";
import { calendarSchema } from "./admin/calendar-input";
import { priceAgreementSchema } from "./admin/create-price-agreement";
import { customerAccountSchema } from "./admin/customer-account-input";
import { kbArticleSchema } from "./admin/kb-article-input";
import { priceIndexValueSchema } from "./admin/record-price-index-value";
import { rootCauseSchema } from "./admin/root-cause-input";
import { slaPolicySchema } from "./admin/sla-policy-input";
import { createStaffUserSchema, teamSchema } from "./admin/staff-input";
import { responseTemplateSchema } from "./admin/template-input";
import { approvalThresholdsSchema } from "./admin/update-approval-thresholds";
import { escalationSettingsSchema } from "./admin/update-escalation-settings";
import { answerEvidenceRequestSchema } from "./cases/answer-evidence-request";
import { assignCaseSchema } from "./cases/assign-case";
import { mergeDuplicateSchema } from "./cases/merge-duplicate";
import { customerReplySchema } from "./cases/post-customer-reply";
import { promoteToDisputeSchema } from "./cases/promote-to-dispute";
import { qualifyCaseSchema } from "./cases/qualify-case";
import { rejectCaseSchema } from "./cases/reject-case";
import { requestEvidenceSchema } from "./cases/request-evidence";
import { saveQueueViewSchema } from "./cases/save-queue-view";
import { startInvestigationSchema } from "./cases/start-investigation";
import { withdrawCaseSchema } from "./cases/withdraw-case";
import { changeCustomerUserRoleSchema } from "./customers/change-customer-user-role";
import { customerUserTargetSchema } from "./customers/deactivate-customer-user";
import { inviteCustomerUserSchema } from "./customers/invite-customer-user";
import { addInternalNoteSchema } from "./instruction/add-internal-note";
import { addStaffEvidenceSchema } from "./instruction/add-staff-evidence";
import { addTaskSchema } from "./instruction/add-task";
import { completeTaskSchema } from "./instruction/complete-task";
import { logTimeSchema } from "./instruction/log-time";
import { notifyStakeholdersSchema } from "./instruction/notify-stakeholders";
import { postStaffReplySchema } from "./instruction/post-staff-reply";
import { setRootCauseSchema } from "./instruction/set-root-cause";

const t = useTestDb();
/** A staff member who prepares cases (qualifies, starts investigations); never the actor under test. */
let setup: StaffActor;
let rootCauseCode: string;

beforeAll(async () => {
  setup = await staffActor(t.db, (await createStaff(t.db, { roles: ["supervisor"], name: "Setup Supervisor" })).id);
  const [cause] = await t.db.select({ code: rootCauses.code }).from(rootCauses).where(eq(rootCauses.active, true)).orderBy(asc(rootCauses.code)).limit(1);
  rootCauseCode = cause!.code;
});

const PORTAL = "http://portal.test";
const BACKOFFICE = "http://backoffice.test";
/** Monday 23 November 2026, 10:00 in Paris. */
const NOW = new Date("2026-11-23T09:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
let sequence = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

// ---------------------------------------------------------------------------------------------
// Cases filed the way a customer files them: submitClaim on a seeded invoice.

async function anAccount() {
  const account = await insertCustomerAccount(t.db);
  const invoice = await insertInvoice(t.db, {
    accountId: account.id,
    number: unique("FA"),
    issueDate: "2026-11-10",
    deliveryDate: "2026-11-09",
    lines: [{ description: "Farine T65 — sac 25 kg", quantityMilli: 120_000, unitPriceCents: 1850, vatRateBp: 550 }],
  });
  return { accountId: account.id, invoiceLineId: invoice.lines[0]!.id };
}
type Account = Awaited<ReturnType<typeof anAccount>>;

const claim = (invoiceLineId: string): ClaimFormInput =>
  ({
    type: "quality",
    title: "Farine humide",
    description: "Sacs mouillés à la livraison",
    desiredOutcome: "credit_note",
    quality: { product: "Farine T65", lotNumber: "L2026-0917" },
    lines: [{ invoiceLineId, contestedQuantity: "2" }],
  }) as ClaimFormInput;

/** Files a claim through the portal as `filerId` (a member or admin of `account`). */
async function fileCase(account: Account, filerId: string) {
  const { reference, caseId } = await submitClaim({ db: t.db, actor: await customerActor(t.db, filerId), input: claim(account.invoiceLineId), now: NOW, portalUrl: PORTAL });
  return { reference, caseId };
}

/** A received case of a fresh account, filed by a member of it. */
async function receivedCase() {
  const account = await anAccount();
  const filer = await createCustomer(t.db, { accountId: account.accountId, role: "member" });
  return { ...(await fileCase(account, filer.id)), account, filer };
}

async function qualifiedCase() {
  const c = await receivedCase();
  await qualifyCase({ db: t.db, actor: setup, input: parseInput(qualifyCaseSchema, { reference: c.reference, type: "quality", priority: "P3" }), now: later(1) });
  return c;
}

async function investigatingCase() {
  const c = await qualifiedCase();
  await startInvestigation({ db: t.db, actor: setup, input: parseInput(startInvestigationSchema, { reference: c.reference }), now: later(2) });
  return c;
}

const eventCount = async (caseId: string) => (await t.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId)))[0]!.n;
const statusOf = async (caseId: string) => (await t.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status;

type Outcome = "ok" | "forbidden" | "not_found";

/** Runs a cell and returns what happened: ok, or the AppError's code. */
async function outcomeOf(promise: Promise<unknown>): Promise<{ outcome: string; value?: unknown }> {
  try {
    return { outcome: "ok", value: await promise };
  } catch (error) {
    return { outcome: (error as { code?: string }).code ?? String(error) };
  }
}

// ---------------------------------------------------------------------------------------------
// Staff.

/** Issue 12: "a mediator sees only the cases they mediate". */
const hidesUnassignedCases = (role: StaffRole) => role === "mediator";

interface StaffCell {
  name: string;
  /** What the use case needs, from the domain's map: one permission, or any of several. */
  needs: Permission | { anyOf: Permission[] };
  /** The use case works on one case (so a mediator who does not mediate it gets not_found). */
  onCase: boolean;
  /** The use case looks the case up before it checks `needs` (so a hidden case is not_found first). */
  findsCaseFirst?: boolean;
  /** Prepares what the cell needs (fresh per cell) and calls the use case. */
  run: (actor: StaffActor) => Promise<{ call: () => Promise<unknown>; caseId?: string; verify?: (value: unknown) => Promise<void> | void }>;
}

const holdsNeeds = (role: StaffRole, needs: StaffCell["needs"]) => {
  const roles = { kind: "staff", roles: [role] } as const;
  return typeof needs === "string" ? can(roles, needs) : needs.anyOf.some((p) => can(roles, p));
};

function expectedForStaff(cell: StaffCell, role: StaffRole): Outcome {
  const allowed = holdsNeeds(role, cell.needs);
  const hidden = cell.onCase && hidesUnassignedCases(role);
  if (cell.findsCaseFirst) return hidden ? "not_found" : allowed ? "ok" : "forbidden";
  return !allowed ? "forbidden" : hidden ? "not_found" : "ok";
}

/** A state-changing cell on a case: on success the case's chain grew, on refusal nothing was written. */
function onCase(prepare: () => Promise<{ reference: string; caseId: string }>, call: (reference: string, actor: StaffActor) => Promise<unknown>, extra?: (caseId: string) => Promise<void>) {
  return async (actor: StaffActor) => {
    const c = await prepare();
    const before = await eventCount(c.caseId);
    return {
      caseId: c.caseId,
      call: () => call(c.reference, actor),
      verify: async () => {
        expect(await eventCount(c.caseId)).toBeGreaterThan(before);
        await extra?.(c.caseId);
      },
    };
  };
}

const STAFF_CELLS: StaffCell[] = [
  {
    name: "getStaffCase (read a case)",
    needs: "case:read",
    onCase: true,
    run: async (actor) => {
      const c = await receivedCase();
      return {
        caseId: c.caseId,
        call: () => getStaffCase({ db: t.db, actor, input: { reference: c.reference }, now: later(5) }),
        verify: (page) => expect((page as { case: { reference: string } }).case.reference).toBe(c.reference),
      };
    },
  },
  {
    name: "getPriceCheck (price check of a case)",
    needs: "case:read",
    onCase: true,
    run: async (actor) => {
      const c = await receivedCase();
      return { caseId: c.caseId, call: () => getPriceCheck({ db: t.db, actor, input: { reference: c.reference } }), verify: (lines) => expect(Array.isArray(lines)).toBe(true) };
    },
  },
  {
    name: "listCaseQueue",
    needs: "case:read",
    onCase: false,
    run: async (actor) => {
      const c = await receivedCase();
      return {
        call: () => listCaseQueue({ db: t.db, actor, input: { account: c.account.accountId }, now: later(5) }),
        verify: (page) => {
          const references = (page as { cases: { reference: string }[] }).cases.map((row) => row.reference);
          // A mediator reads the queue, but it holds only the cases they mediate: none here.
          expect(references).toEqual(actor.roles.every(hidesUnassignedCases) ? [] : [c.reference]);
        },
      };
    },
  },
  {
    name: "saveQueueView and listQueueViews (one's own views)",
    needs: "case:read",
    onCase: false,
    run: async (actor) => ({
      call: async () => {
        await saveQueueView({ db: t.db, actor, input: parseInput(saveQueueViewSchema, { name: "Mes litiges", query: "?scope=mine" } )});
        return listQueueViews({ db: t.db, actor });
      },
      verify: (views) => expect((views as { name: string }[]).map((v) => v.name)).toEqual(["Mes litiges"]),
    }),
  },
  {
    name: "qualifyCase",
    needs: "case:qualify",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => qualifyCase({ db: t.db, actor, input: parseInput(qualifyCaseSchema, { reference, type: "delivery", priority: "P2" }), now: later(5) }), async (id) =>
      expect(await statusOf(id)).toBe("qualified"),
    ),
  },
  {
    name: "assignCase (an unassigned case)",
    // Whoever qualifies may assign an unassigned case; supervisors and admins hold case:assign.
    needs: { anyOf: ["case:assign", "case:qualify"] },
    onCase: true,
    run: async (actor) => {
      const assignee = await createStaff(t.db, { roles: ["agent"] });
      return onCase(receivedCase, (reference) => assignCase({ db: t.db, actor, input: parseInput(assignCaseSchema, { reference, assigneeId: assignee.id }), now: later(5), backofficeUrl: BACKOFFICE }), async (id) =>
        expect((await t.db.select({ a: cases.assigneeId }).from(cases).where(eq(cases.id, id)))[0]!.a).toBe(assignee.id),
      )(actor);
    },
  },
  {
    name: "promoteToDispute",
    needs: "case:qualify",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => promoteToDispute({ db: t.db, actor, input: parseInput(promoteToDisputeSchema, { reference, reason: "Facture bloquée" }), now: later(5) }), async (id) =>
      expect((await t.db.select({ kind: cases.kind }).from(cases).where(eq(cases.id, id)))[0]!.kind).toBe("dispute"),
    ),
  },
  {
    name: "rejectCase",
    needs: "case:decide",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => rejectCase({ db: t.db, actor, input: parseInput(rejectCaseSchema, { reference, reasons: "Hors délai contractuel" }), now: later(5), portalUrl: PORTAL }), async (id) =>
      expect(await statusOf(id)).toBe("rejected"),
    ),
  },
  {
    name: "mergeDuplicate",
    needs: "case:qualify",
    onCase: true,
    run: async (actor) => {
      const original = await receivedCase();
      const duplicate = await fileCase(original.account, original.filer.id);
      return onCase(async () => duplicate, (reference) => mergeDuplicate({ db: t.db, actor, input: parseInput(mergeDuplicateSchema, { reference, originalReference: original.reference }), now: later(5) }), async (id) =>
        expect(await statusOf(id)).toBe("duplicate"),
      )(actor);
    },
  },
  {
    name: "getStaffMediation (the case page's mediation section)",
    needs: "case:read",
    onCase: true,
    run: async (actor) => {
      const c = await receivedCase();
      return { caseId: c.caseId, call: () => getStaffMediation({ db: t.db, actor, input: { reference: c.reference }, now: later(5) }), verify: (read) => expect(read).toMatchObject({ mediations: [] }) };
    },
  },
  {
    name: "startMediation (refer a case to an external mediator)",
    needs: "mediation:start",
    onCase: true,
    run: onCase(
      investigatingCase,
      (reference, actor) =>
        startMediation({
          db: t.db,
          actor,
          input: parseInput(startMediationSchema, { reference, kind: "external", externalName: "Claire Fontaine", externalOrganisation: "Médiateur des entreprises", externalEmail: "cf@mediateur.example" }),
          now: later(5),
          portalUrl: PORTAL,
        }),
      async (id) => expect(await statusOf(id)).toBe("mediation"),
    ),
  },
  {
    name: "startInvestigation",
    needs: "case:investigate",
    onCase: true,
    run: onCase(qualifiedCase, (reference, actor) => startInvestigation({ db: t.db, actor, input: parseInput(startInvestigationSchema, { reference }), now: later(5) }), async (id) =>
      expect(await statusOf(id)).toBe("investigating"),
    ),
  },
  {
    name: "addTask",
    needs: "case:investigate",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => addTask({ db: t.db, actor, input: parseInput(addTaskSchema, { reference, title: "Appeler l'entrepôt" }), now: later(5) })),
  },
  {
    name: "completeTask (a task assigned to nobody)",
    // The assignee of a task may complete it too; this task has none.
    needs: "case:investigate",
    onCase: true,
    findsCaseFirst: true,
    run: async (actor) => {
      const c = await receivedCase();
      const { id } = await addTask({ db: t.db, actor: setup, input: parseInput(addTaskSchema, { reference: c.reference, title: "Vérifier le lot" }), now: later(3) });
      return onCase(async () => c, (reference) => completeTask({ db: t.db, actor, input: parseInput(completeTaskSchema, { reference, taskId: id }), now: later(5) }))(actor);
    },
  },
  {
    name: "postStaffReply (public reply)",
    needs: "case:reply",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference, body: "Nous regardons." }), now: later(5), portalUrl: PORTAL })),
  },
  {
    name: "addInternalNote",
    needs: "case:note",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => addInternalNote({ db: t.db, actor, input: parseInput(addInternalNoteSchema, { reference, body: "Vérifier le lot" }), now: later(5) })),
  },
  {
    name: "addStaffEvidence (internal file)",
    needs: "case:note",
    onCase: true,
    run: async (actor) => {
      const staged = await stagedFile(t.db, { kind: "staff", id: actor.userId }, "analyse.txt", "analyse interne");
      return onCase(receivedCase, (reference) => addStaffEvidence({ db: t.db, actor, input: parseInput(addStaffEvidenceSchema, { reference, visibility: "internal", uploadIds: [staged.id] }), now: later(5) }))(actor);
    },
  },
  {
    name: "addStaffEvidence (shared file)",
    needs: "case:reply",
    onCase: true,
    run: async (actor) => {
      const staged = await stagedFile(t.db, { kind: "staff", id: actor.userId }, "rapport.txt", "rapport partagé");
      return onCase(receivedCase, (reference) => addStaffEvidence({ db: t.db, actor, input: parseInput(addStaffEvidenceSchema, { reference, visibility: "public", uploadIds: [staged.id] }), now: later(5) }))(actor);
    },
  },
  {
    name: "requestEvidence",
    needs: "case:investigate",
    onCase: true,
    run: onCase(investigatingCase, (reference, actor) => requestEvidence({ db: t.db, actor, input: parseInput(requestEvidenceSchema, { reference, items: "Photos du lot", dueDate: "2026-11-30" }), now: later(5), portalUrl: PORTAL }), async (id) =>
      expect(await statusOf(id)).toBe("awaiting_customer"),
    ),
  },
  {
    name: "setRootCause",
    needs: "case:investigate",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => setRootCause({ db: t.db, actor, input: parseInput(setRootCauseSchema, { reference, code: rootCauseCode, analysis: "Stockage sous la pluie" }), now: later(5) })),
  },
  {
    name: "logTime",
    needs: "case:note",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => logTime({ db: t.db, actor, input: parseInput(logTimeSchema, { reference, minutes: 30, spentOn: "2026-11-23" }), now: later(5) })),
  },
  {
    name: "notifyStakeholders",
    needs: "case:note",
    onCase: true,
    run: onCase(receivedCase, (reference, actor) => notifyStakeholders({ db: t.db, actor, input: parseInput(notifyStakeholdersSchema, { reference, groups: ["legal"], message: "Risque de pénalités" }), now: later(5), backofficeUrl: BACKOFFICE })),
  },
  {
    name: "listOnBehalfChoices (open a case on behalf)",
    needs: "case:create",
    onCase: false,
    run: async (actor) => ({ call: () => listOnBehalfChoices({ db: t.db, actor, input: { accountId: null } }) }),
  },
  {
    name: "submitClaim on behalf of a customer (phone)",
    needs: "case:create",
    onCase: false,
    run: async (actor) => {
      const account = await anAccount();
      const contact = await createCustomer(t.db, { accountId: account.accountId, role: "member" });
      const input = { ...claim(account.invoiceLineId), accountId: account.accountId, customerContactId: contact.id };
      return {
        call: () => submitClaim({ db: t.db, actor, input, now: NOW, portalUrl: PORTAL }),
        verify: async () => expect(await t.db.select({ id: cases.id }).from(cases).where(eq(cases.accountId, account.accountId))).toHaveLength(1),
      };
    },
  },
  // Administration (journey 6).
  {
    name: "createSlaPolicy",
    needs: "admin:sla",
    onCase: false,
    run: async (actor) => ({
      call: () => createSlaPolicy({ db: t.db, actor, input: parseInput(slaPolicySchema, { name: unique("SLA"), priority: "P1", type: "delivery", tier: "strategic", firstResponseHours: "2", resolutionHours: "16" }), now: NOW }),
    }),
  },
  {
    name: "listSlaPolicies",
    needs: "admin:sla",
    onCase: false,
    run: async (actor) => ({ call: () => listSlaPolicies({ db: t.db, actor }) }),
  },
  {
    name: "createCalendar",
    needs: "admin:sla",
    onCase: false,
    run: async (actor) => ({
      call: () => createCalendar({
        db: t.db,
        actor,
        input: parseInput(calendarSchema, { code: unique("cal"), name: "Strasbourg", timeZone: "Europe/Paris", holidays: "FR-alsace-moselle", mon: "09:00-18:00", tue: "09:00-18:00", wed: "09:00-18:00", thu: "09:00-18:00", fri: "09:00-17:00", sat: "", sun: "", closures: [] }),
        now: NOW,
      }),
    }),
  },
  {
    name: "createStaffUser",
    needs: "admin:users",
    onCase: false,
    run: async (actor) => ({
      call: () => createStaffUser({ db: t.db, actor, input: parseInput(createStaffUserSchema, { name: "Nina Nouvelle", email: `${unique("new")}@accord.example`, roles: ["agent"], language: "fr" }), backofficeUrl: BACKOFFICE, now: NOW }),
    }),
  },
  {
    name: "listStaff",
    needs: "admin:users",
    onCase: false,
    run: async (actor) => ({ call: () => listStaff({ db: t.db, actor }) }),
  },
  {
    name: "createTeam",
    needs: "admin:users",
    onCase: false,
    run: async (actor) => ({ call: () => createTeam({ db: t.db, actor, input: parseInput(teamSchema, { code: unique("team"), name: "Qualité" }), now: NOW }) }),
  },
  {
    name: "createCustomerAccount",
    needs: "admin:users",
    onCase: false,
    run: async (actor) => ({
      call: () => createCustomerAccount({ db: t.db, actor, input: parseInput(customerAccountSchema, { name: unique("Épicerie Fine SAS"), tier: "key", language: "fr", paymentTermKind: "end_of_month", paymentTermDays: "45" }), now: NOW }),
    }),
  },
  {
    name: "inviteCustomerUser (from the back-office)",
    needs: "admin:users",
    onCase: false,
    run: async (actor) => {
      const account = await anAccount();
      return { call: () => inviteCustomerUser({ db: t.db, actor, accountId: account.accountId, input: parseInput(inviteCustomerUserSchema, { email: `${unique("invitee")}@client.example`, name: "Julie Bernard", role: "member" }), portalUrl: PORTAL, now: NOW }) };
    },
  },
  {
    name: "updateApprovalThresholds",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({ call: () => updateApprovalThresholds({ db: t.db, actor, input: parseInput(approvalThresholdsSchema, { supervisorAbove: "4000", financeAbove: "15000" }), now: NOW }) }),
  },
  {
    name: "getApprovalThresholds",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({ call: () => getApprovalThresholds({ db: t.db, actor }) }),
  },
  {
    name: "updateEscalationSettings",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({
      call: () => updateEscalationSettings({ db: t.db, actor, input: parseInput(escalationSettingsSchema, { warningPercent: "75", inactivityBusinessDays: "2", customerReminderBusinessDays: "4", autoCloseBusinessDays: "20", closeResolvedAfterBusinessDays: "15" }), now: NOW }),
    }),
  },
  {
    name: "createRootCause",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({ call: () => createRootCause({ db: t.db, actor, input: parseInput(rootCauseSchema, { code: unique("cause").replace(/-/g, "_"), labelFr: "Étiquetage", labelEn: "Labelling" }), now: NOW }) }),
  },
  {
    name: "saveKbArticle",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({
      call: () => saveKbArticle({ db: t.db, actor, articleId: null, input: parseInput(kbArticleSchema, { slug: unique("article"), titleFr: "Retourner", titleEn: "Returning", bodyFr: "Corps", bodyEn: "Body" }), now: NOW }),
    }),
  },
  {
    name: "saveResponseTemplate",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({
      call: () => saveResponseTemplate({ db: t.db, actor, templateId: null, input: parseInput(responseTemplateSchema, { name: unique("Réponse"), bodyFr: "Bonjour", bodyEn: "Hello" }), now: NOW }),
    }),
  },
  {
    name: "recordPriceIndexValue",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({ call: () => recordPriceIndexValue({ db: t.db, actor, input: parseInput(priceIndexValueSchema, { indexCode: "INSEE-FARINE", month: "2026-10", value: "112,4" }), now: NOW }) }),
  },
  {
    name: "listCalendars",
    needs: "admin:sla",
    onCase: false,
    run: async (actor) => ({ call: () => listCalendars({ db: t.db, actor }) }),
  },
  {
    name: "listCustomerAccounts",
    needs: "admin:users",
    onCase: false,
    run: async (actor) => ({ call: () => listCustomerAccounts({ db: t.db, actor }) }),
  },
  {
    name: "getEscalationSettings",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({ call: () => getEscalationSettings({ db: t.db, actor }) }),
  },
  {
    name: "listRootCauses (the taxonomy's administration)",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({ call: () => listRootCauses({ db: t.db, actor }) }),
  },
  {
    name: "listTemplates",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({ call: () => listTemplates({ db: t.db, actor }) }),
  },
  {
    name: "listKbArticles",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => ({ call: () => listKbArticles({ db: t.db, actor }) }),
  },
  {
    name: "createPriceAgreement",
    needs: "admin:settings",
    onCase: false,
    run: async (actor) => {
      const account = await anAccount();
      return {
        call: () =>
          createPriceAgreement({ db: t.db, actor, accountId: account.accountId, input: parseInput(priceAgreementSchema, { productCode: "FAR-T65", description: "Farine T65 25 kg", unitPrice: "18,50", validFrom: "2026-01-01", validTo: "2026-12-31" }), now: NOW }),
      };
    },
  },
];

describe("staff permission matrix", () => {
  const rows = STAFF_CELLS.flatMap((cell) => STAFF_ROLES.map((role) => ({ cell, role, expected: expectedForStaff(cell, role) })));

  it.each(rows)("$cell.name as $role → $expected", async ({ cell, role, expected }) => {
    const actor = await staffActor(t.db, (await createStaff(t.db, { roles: [role], name: `Matrix ${role}` })).id);
    const prepared = await cell.run(actor);
    const before = prepared.caseId ? await eventCount(prepared.caseId) : 0;
    const result = await outcomeOf(prepared.call());
    expect(result.outcome).toBe(expected);
    if (expected === "ok") await prepared.verify?.(result.value);
    // A refusal writes nothing on the case.
    else if (prepared.caseId) expect(await eventCount(prepared.caseId)).toBe(before);
  });

  it("every role is refused something, and every cell is allowed to someone (the matrix is not vacuous)", () => {
    for (const role of STAFF_ROLES) expect(rows.filter((r) => r.role === role && r.expected !== "ok").length).toBeGreaterThan(0);
    for (const cell of STAFF_CELLS) expect(rows.filter((r) => r.cell === cell && r.expected === "ok").length).toBeGreaterThan(0);
  });

  it("a mediator sees no case until they mediate it (assigned is not enough), then reads it, finds it in the queue and works within their permissions", async () => {
    const mediator = await staffActor(t.db, (await createStaff(t.db, { roles: ["mediator"] })).id);
    const c = await receivedCase();
    const queue = () => listCaseQueue({ db: t.db, actor: mediator, input: { account: c.account.accountId }, now: later(5) });
    expect(await rejection(getStaffCase({ db: t.db, actor: mediator, input: { reference: c.reference }, now: later(5) }))).toMatchObject({ code: "not_found" });
    expect((await queue()).cases).toEqual([]);
    expect(await rejection(addInternalNote({ db: t.db, actor: mediator, input: parseInput(addInternalNoteSchema, { reference: c.reference, body: "x" }), now: later(5) }))).toMatchObject({ code: "not_found" });

    await assignCase({ db: t.db, actor: setup, input: parseInput(assignCaseSchema, { reference: c.reference, assigneeId: mediator.userId }), now: later(6), backofficeUrl: BACKOFFICE });
    expect(await rejection(getStaffCase({ db: t.db, actor: mediator, input: { reference: c.reference }, now: later(6) }))).toMatchObject({ code: "not_found" });
    await mediateCase(t.db, c.caseId, mediator.userId);

    const page = await getStaffCase({ db: t.db, actor: mediator, input: { reference: c.reference }, now: later(7) });
    expect(page.case.reference).toBe(c.reference);
    expect((await queue()).cases.map((row) => row.reference)).toEqual([c.reference]);
    const mediatorRoles = { kind: "staff", roles: ["mediator"] } as const;
    // What the map grants a mediator now works on their case…
    expect(can(mediatorRoles, "case:note")).toBe(true);
    await addInternalNote({ db: t.db, actor: mediator, input: parseInput(addInternalNoteSchema, { reference: c.reference, body: "Premier échange avec les parties" }), now: later(8) });
    expect(can(mediatorRoles, "case:reply")).toBe(true);
    await postStaffReply({ db: t.db, actor: mediator, input: parseInput(postStaffReplySchema, { reference: c.reference, body: "Je suis votre médiateur." }), now: later(9) });
    // …and what it does not grant stays refused, assigned or not.
    expect(can(mediatorRoles, "case:qualify")).toBe(false);
    expect(await rejection(qualifyCase({ db: t.db, actor: mediator, input: parseInput(qualifyCaseSchema, { reference: c.reference, type: "quality", priority: "P1" }), now: later(10) }))).toMatchObject({ code: "forbidden" });
    expect(can(mediatorRoles, "case:decide")).toBe(false);
    expect(await rejection(rejectCase({ db: t.db, actor: mediator, input: parseInput(rejectCaseSchema, { reference: c.reference, reasons: "x" }), now: later(10) }))).toMatchObject({ code: "forbidden" });
    // Another case of the same account stays hidden.
    const other = await fileCase(c.account, c.filer.id);
    expect(await rejection(getStaffCase({ db: t.db, actor: mediator, input: { reference: other.reference }, now: later(11) }))).toMatchObject({ code: "not_found" });
  });

  it("a customer, whatever their role, is refused every staff use case", async () => {
    const c = await receivedCase();
    for (const role of CUSTOMER_ROLES) {
      const customer = await customerActor(t.db, (await createCustomer(t.db, { accountId: c.account.accountId, role })).id);
      expect(await rejection(getStaffCase({ db: t.db, actor: customer, input: { reference: c.reference }, now: later(5) }))).toMatchObject({ code: "forbidden" });
      expect(await rejection(listCaseQueue({ db: t.db, actor: customer, input: {}, now: later(5) }))).toMatchObject({ code: "forbidden" });
      expect(await rejection(addInternalNote({ db: t.db, actor: customer, input: parseInput(addInternalNoteSchema, { reference: c.reference, body: "x" }), now: later(5) }))).toMatchObject({ code: "forbidden" });
      expect(await rejection(listStaff({ db: t.db, actor: customer }))).toMatchObject({ code: "forbidden" });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Customers.

/** One company: the actor under test, a colleague member who files cases, an admin who stays. */
async function aCompany(role: CustomerRole) {
  const account = await anAccount();
  const colleague = await createCustomer(t.db, { accountId: account.accountId, role: "member", name: "Léa Roux" });
  const keeper = await createCustomer(t.db, { accountId: account.accountId, role: "admin", name: "Admin Reste" });
  const me = await createCustomer(t.db, { accountId: account.accountId, role, name: `Matrix ${role}` });
  return { account, colleague, keeper, me, actor: await customerActor(t.db, me.id) };
}
type Company = Awaited<ReturnType<typeof aCompany>>;

/**
 * The case the actor works on: a member's own case (a member acts on the cases they filed), for an
 * admin or a viewer a colleague's case (they see all of the company's).
 */
async function ownCase(company: Company) {
  const filer = company.actor.role === "member" ? company.me.id : company.colleague.id;
  return fileCase(company.account, filer);
}

interface CustomerCell {
  name: string;
  /** The permission it needs (null: any signed-in customer of the company). */
  needs: Permission | null;
  run: (company: Company) => Promise<{ call: () => Promise<unknown>; caseId?: string; verify?: (value: unknown) => Promise<void> | void }>;
}

const CUSTOMER_CELLS: CustomerCell[] = [
  {
    name: "submitClaim",
    needs: "case:create",
    run: async (company) => ({
      call: () => submitClaim({ db: t.db, actor: company.actor, input: claim(company.account.invoiceLineId), now: NOW, portalUrl: PORTAL }),
      verify: async (value) => {
        const [row] = await t.db.select({ contact: cases.customerContactId }).from(cases).where(eq(cases.id, (value as { caseId: string }).caseId));
        expect(row!.contact).toBe(company.me.id);
      },
    }),
  },
  {
    name: "listClaimableInvoices",
    needs: "case:create",
    run: async (company) => ({
      call: () => listClaimableInvoices({ db: t.db, actor: company.actor }),
      verify: (value) => expect(JSON.stringify(value)).toContain(company.account.invoiceLineId),
    }),
  },
  {
    name: "previewClaim",
    needs: "case:create",
    run: async (company) => ({ call: () => previewClaim({ db: t.db, actor: company.actor, input: claim(company.account.invoiceLineId), now: NOW }) }),
  },
  {
    name: "getClaimConfirmation",
    needs: "case:read",
    run: async (company) => {
      const c = await ownCase(company);
      return { caseId: c.caseId, call: () => getClaimConfirmation({ db: t.db, actor: company.actor, input: { reference: c.reference }, now: later(1) }) };
    },
  },
  {
    name: "getCustomerHome",
    needs: "invoice:read",
    run: async (company) => ({ call: () => getCustomerHome({ db: t.db, actor: company.actor }) }),
  },
  {
    name: "listCustomerCases",
    needs: "case:read",
    run: async (company) => {
      const mine = await ownCase(company);
      return {
        call: () => listCustomerCases({ db: t.db, actor: company.actor }),
        verify: (list) => expect(JSON.stringify(list)).toContain(mine.reference),
      };
    },
  },
  {
    name: "getCustomerCase",
    needs: "case:read",
    run: async (company) => {
      const c = await ownCase(company);
      return { caseId: c.caseId, call: () => getCustomerCase({ db: t.db, actor: company.actor, input: { reference: c.reference }, now: later(5) }) };
    },
  },
  {
    name: "postCustomerReply",
    needs: "case:reply",
    run: async (company) => {
      const c = await ownCase(company);
      const before = await eventCount(c.caseId);
      return {
        caseId: c.caseId,
        call: () => postCustomerReply({ db: t.db, actor: company.actor, input: { ...parseInput(customerReplySchema, { reference: c.reference, body: "Voici des précisions." }), reference: c.reference }, now: later(5), backofficeUrl: BACKOFFICE }),
        verify: async () => expect(await eventCount(c.caseId)).toBeGreaterThan(before),
      };
    },
  },
  {
    name: "answerEvidenceRequest",
    needs: "case:reply",
    run: async (company) => {
      const c = await ownCase(company);
      await qualifyCase({ db: t.db, actor: setup, input: parseInput(qualifyCaseSchema, { reference: c.reference, type: "quality", priority: "P3" }), now: later(1) });
      await startInvestigation({ db: t.db, actor: setup, input: parseInput(startInvestigationSchema, { reference: c.reference }), now: later(2) });
      const { requestId } = await requestEvidence({ db: t.db, actor: setup, input: parseInput(requestEvidenceSchema, { reference: c.reference, items: "Photos du lot", dueDate: "2026-11-30" }), now: later(3), portalUrl: PORTAL });
      return {
        caseId: c.caseId,
        call: () => answerEvidenceRequest({ db: t.db, actor: company.actor, input: { ...parseInput(answerEvidenceRequestSchema, { reference: c.reference, requestId, text: "Photos envoyées par courrier" }), reference: c.reference }, now: later(5) }),
        verify: async () => expect(await statusOf(c.caseId)).toBe("investigating"),
      };
    },
  },
  {
    name: "withdrawCase",
    needs: "case:withdraw",
    run: async (company) => {
      const c = await ownCase(company);
      return {
        caseId: c.caseId,
        call: () => withdrawCase({ db: t.db, actor: company.actor, input: { ...parseInput(withdrawCaseSchema, { reference: c.reference, reason: "Réglé à l'amiable" }), reference: c.reference }, now: later(5), portalUrl: PORTAL }),
        verify: async () => expect(await statusOf(c.caseId)).toBe("withdrawn"),
      };
    },
  },
  {
    name: "listCompanyUsers",
    needs: null,
    run: async (company) => ({
      call: () => listCompanyUsers({ db: t.db, actor: company.actor, now: NOW }),
      verify: (value) => {
        const list = value as { canManage: boolean; users: { id: string }[] };
        // Everyone reads the list; only who may manage users gets the management view.
        expect(list.canManage).toBe(can({ kind: "customer", role: company.actor.role }, "customer:users:manage"));
        expect(list.users.map((u) => u.id)).toContain(company.colleague.id);
      },
    }),
  },
  {
    name: "inviteCustomerUser",
    needs: "customer:users:manage",
    run: async (company) => ({
      call: () => inviteCustomerUser({ db: t.db, actor: company.actor, input: parseInput(inviteCustomerUserSchema, { email: `${unique("invitee")}@client.example`, name: "Julie Bernard", role: "member" }), portalUrl: PORTAL, now: NOW }),
    }),
  },
  {
    name: "changeCustomerUserRole",
    needs: "customer:users:manage",
    run: async (company) => ({
      call: () => changeCustomerUserRole({ db: t.db, actor: company.actor, input: parseInput(changeCustomerUserRoleSchema, { userId: company.colleague.id, role: "viewer" }), now: NOW }),
      verify: async () => expect((await t.db.select({ role: customerUsers.role }).from(customerUsers).where(eq(customerUsers.id, company.colleague.id)))[0]!.role).toBe("viewer"),
    }),
  },
  {
    name: "deactivateCustomerUser",
    needs: "customer:users:manage",
    run: async (company) => ({
      call: () => deactivateCustomerUser({ db: t.db, actor: company.actor, input: parseInput(customerUserTargetSchema, { userId: company.colleague.id }), now: NOW }),
      verify: async () => expect((await t.db.select({ active: customerUsers.active }).from(customerUsers).where(eq(customerUsers.id, company.colleague.id)))[0]!.active).toBe(false),
    }),
  },
  {
    name: "reactivateCustomerUser",
    needs: "customer:users:manage",
    run: async (company) => {
      await t.db.update(customerUsers).set({ active: false }).where(eq(customerUsers.id, company.colleague.id));
      return {
        call: () => reactivateCustomerUser({ db: t.db, actor: company.actor, input: parseInput(customerUserTargetSchema, { userId: company.colleague.id }), now: NOW }),
        verify: async () => expect((await t.db.select({ active: customerUsers.active }).from(customerUsers).where(eq(customerUsers.id, company.colleague.id)))[0]!.active).toBe(true),
      };
    },
  },
  {
    name: "revokeInvitation",
    needs: "customer:users:manage",
    run: async (company) => {
      const email = `${unique("invitee")}@client.example`;
      await inviteCustomerUser({ db: t.db, actor: await customerActor(t.db, company.keeper.id), input: parseInput(inviteCustomerUserSchema, { email, name: "Julie Bernard", role: "member" }), portalUrl: PORTAL, now: NOW });
      return { call: () => revokeInvitation({ db: t.db, actor: company.actor, input: { email }, now: NOW }) };
    },
  },
];

describe("customer permission matrix", () => {
  const rows = CUSTOMER_CELLS.flatMap((cell) =>
    CUSTOMER_ROLES.map((role) => ({ cell, role, expected: (cell.needs === null || can({ kind: "customer", role }, cell.needs) ? "ok" : "forbidden") as Outcome })),
  );

  it.each(rows)("$cell.name as $role → $expected", async ({ cell, role, expected }) => {
    const company = await aCompany(role);
    const prepared = await cell.run(company);
    const before = prepared.caseId ? await eventCount(prepared.caseId) : 0;
    const result = await outcomeOf(prepared.call());
    expect(result.outcome).toBe(expected);
    if (expected === "ok") await prepared.verify?.(result.value);
    else if (prepared.caseId) expect(await eventCount(prepared.caseId)).toBe(before);
  });

  it("a viewer may run exactly the cells that only read", () => {
    const reads = (needs: Permission | null) => needs === null || needs.endsWith(":read");
    const viewerRows = rows.filter((r) => r.role === "viewer");
    expect(viewerRows.filter((r) => r.expected === "ok").map((r) => r.cell.name)).toEqual(CUSTOMER_CELLS.filter((c) => reads(c.needs)).map((c) => c.name));
    expect(viewerRows.filter((r) => r.expected === "forbidden").map((r) => r.cell.name)).toEqual(CUSTOMER_CELLS.filter((c) => !reads(c.needs)).map((c) => c.name));
  });

  it("a member sees only the cases they filed: a colleague's case is not_found, and absent from their list", async () => {
    const company = await aCompany("member");
    const colleagues = await fileCase(company.account, company.colleague.id);
    const mine = await fileCase(company.account, company.me.id);
    const list = JSON.stringify(await listCustomerCases({ db: t.db, actor: company.actor }));
    expect(list).toContain(mine.reference);
    expect(list).not.toContain(colleagues.reference);
    const reference = colleagues.reference;
    expect(await rejection(getCustomerCase({ db: t.db, actor: company.actor, input: { reference }, now: later(5) }))).toMatchObject({ code: "not_found" });
    expect(await rejection(postCustomerReply({ db: t.db, actor: company.actor, input: { ...parseInput(customerReplySchema, { reference, body: "x" }), reference }, now: later(5), backofficeUrl: BACKOFFICE }))).toMatchObject({ code: "not_found" });
    expect(await rejection(withdrawCase({ db: t.db, actor: company.actor, input: { ...parseInput(withdrawCaseSchema, { reference, reason: "x" }), reference }, now: later(5), portalUrl: PORTAL }))).toMatchObject({ code: "not_found" });
    expect(await statusOf(colleagues.caseId)).toBe("received");
  });

  it.each(CUSTOMER_ROLES)("a %s of another company gets not_found for every case and user of this one", async (role) => {
    const home = await aCompany("admin");
    const c = await fileCase(home.account, home.colleague.id);
    const stranger = await aCompany(role);
    const actor = stranger.actor;
    const reference = c.reference;
    const before = await eventCount(c.caseId);
    expect(JSON.stringify(await listCustomerCases({ db: t.db, actor }))).not.toContain(reference);
    expect(await rejection(getCustomerCase({ db: t.db, actor, input: { reference }, now: later(5) }))).toMatchObject({ code: "not_found" });
    expect(await rejection(postCustomerReply({ db: t.db, actor, input: { ...parseInput(customerReplySchema, { reference, body: "x" }), reference }, now: later(5), backofficeUrl: BACKOFFICE }))).toMatchObject({ code: "not_found" });
    expect(await rejection(withdrawCase({ db: t.db, actor, input: { ...parseInput(withdrawCaseSchema, { reference, reason: "x" }), reference }, now: later(5), portalUrl: PORTAL }))).toMatchObject({ code: "not_found" });
    await qualifyCase({ db: t.db, actor: setup, input: parseInput(qualifyCaseSchema, { reference, type: "quality", priority: "P3" }), now: later(6) });
    await startInvestigation({ db: t.db, actor: setup, input: parseInput(startInvestigationSchema, { reference }), now: later(7) });
    const { requestId } = await requestEvidence({ db: t.db, actor: setup, input: parseInput(requestEvidenceSchema, { reference, items: "Photos", dueDate: "2026-11-30" }), now: later(8), portalUrl: PORTAL });
    const mid = await eventCount(c.caseId);
    expect(mid).toBeGreaterThan(before);
    expect(await rejection(answerEvidenceRequest({ db: t.db, actor, input: { ...parseInput(answerEvidenceRequestSchema, { reference, requestId, text: "x" }), reference }, now: later(9) }))).toMatchObject({ code: "not_found" });
    expect(await eventCount(c.caseId)).toBe(mid);
    // Users of another company: whoever may manage users gets not_found, the others are refused first.
    const manages = can({ kind: "customer", role }, "customer:users:manage");
    const userCode = manages ? "not_found" : "forbidden";
    expect(await rejection(changeCustomerUserRole({ db: t.db, actor, input: parseInput(changeCustomerUserRoleSchema, { userId: home.colleague.id, role: "viewer" }), now: NOW }))).toMatchObject({ code: userCode });
    expect(await rejection(deactivateCustomerUser({ db: t.db, actor, input: parseInput(customerUserTargetSchema, { userId: home.colleague.id }), now: NOW }))).toMatchObject({ code: userCode });
    const [colleague] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, home.colleague.id));
    expect(colleague).toMatchObject({ role: "member", active: true });
  });
});

