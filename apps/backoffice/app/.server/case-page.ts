/** Server side of the back-office case page (/cases/:reference): the loader and the page's table of intents. */
import {
  addInternalNote,
  addInternalNoteSchema,
  addStaffEvidence,
  addStaffEvidenceSchema,
  addTask,
  addTaskSchema,
  closeCase,
  closeCaseSchema,
  completeDecision,
  completeDecisionSchema,
  decideApproval,
  decideApprovalSchema,
  DIRECT_OUTCOMES,
  getStaffSettlement,
  recordDecision,
  recordDecisionSchema,
  assignCase,
  assignCaseSchema,
  completeTask,
  completeTaskSchema,
  getPriceCheck,
  getStaffCase,
  getStaffMediation,
  recordMediationOutcome,
  recordMediationOutcomeSchema,
  recordMediationSession,
  recordMediationSessionSchema,
  startMediation,
  startMediationSchema,
  logTime,
  logTimeSchema,
  mergeDuplicate,
  mergeDuplicateSchema,
  notifyStakeholders,
  notifyStakeholdersSchema,
  postStaffReply,
  postStaffReplySchema,
  promoteToDispute,
  promoteToDisputeSchema,
  qualifyCase,
  qualifyCaseSchema,
  rejectCase,
  rejectCaseSchema,
  requestEvidence,
  requestEvidenceSchema,
  setRootCause,
  setRootCauseSchema,
  startInvestigation,
  startInvestigationSchema,
  addCorrectiveAction,
  addCorrectiveActionSchema,
  completeCorrectiveAction,
  correctiveActionTargetSchema,
  findLotRecipients,
  getCaseCorrectiveActions,
  reopenCorrectiveAction,
  sendProactiveNotice,
  sendProactiveNoticeSchema,
  waiveCorrectiveAction,
  waiveCorrectiveActionSchema,
  getStaffLitigation,
  handOverToLegal,
  handOverToLegalSchema,
  recordJudgment,
  recordJudgmentSchema,
  recordLegalCost,
  recordLegalCostSchema,
  recordLegalStep,
  recordLegalStepSchema,
  settleOutOfCourt,
  settleOutOfCourtSchema,
  verifyCaseChain,
} from "@accord/core";
import type { StaffActor } from "@accord/auth";
import { env } from "@accord/web/env";
import type { FlashKey } from "@accord/web/flash";
import { intent, runIntent, type IntentContext, type IntentDone, type IntentName, type IntentReply } from "@accord/web/intents";
import { maxUploadBytes, readFormWithUploads, translateRefusals } from "@accord/web/uploads";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import type { $ZodType, output } from "zod/v4/core";
import { staffRoute } from "./actor";
import { loadOrRespond } from "./errors";

export async function caseLoader(args: LoaderFunctionArgs) {
  const ctx = await staffRoute(args);
  return loadOrRespond(ctx, async () => {
    const page = await getStaffCase({ ...ctx, input: { reference: args.params.reference ?? "" } });
    const priceCheck = page.derived.priceCheck ? await getPriceCheck({ ...ctx, input: { reference: page.case.reference } }) : null;
    const settlement = await getStaffSettlement({ ...ctx, input: { reference: page.case.reference } });
    const corrective = await getCaseCorrectiveActions({ ...ctx, input: { reference: page.case.reference } });
    const lotRecipients = await findLotRecipients({ ...ctx, input: { reference: page.case.reference } });
    const litigation = await getStaffLitigation({ ...ctx, input: { reference: page.case.reference } });
    const mediation = await getStaffMediation({ ...ctx, input: { reference: page.case.reference } });
    const chain = await verifyCaseChain({ ...ctx, input: { reference: page.case.reference } });
    return { page, priceCheck, settlement, corrective, lotRecipients, litigation, mediation, chain, resolveOutcomes: DIRECT_OUTCOMES, today: ctx.now.toISOString().slice(0, 10), maxUploadBytes: maxUploadBytes() };
  });
}

type CaseContext = IntentContext<StaffActor>;

const urls = () => ({ portalUrl: `${env().PORTAL_URL}/`, backofficeUrl: `${env().BACKOFFICE_URL}/` });
/** What every use case of the page takes from the request. */
const base = (ctx: CaseContext) => ({ db: ctx.db, actor: ctx.actor, now: ctx.now });
/** Back to the case, at the section the form belongs to, with its message. */
const backTo =
  (anchor: string, flash: FlashKey) =>
  (_: unknown, ctx: CaseContext): IntentDone => ({ to: `/cases/${ctx.params.reference ?? ""}#${anchor}`, flash });

/** One of the page's forms: its use case gets the request's database, actor and clock with the parsed input; then the page opens at `anchor` with `flash`. */
function caseIntent<S extends $ZodType>(schema: S, run: (args: ReturnType<typeof base> & { input: output<S> }) => Promise<unknown>, anchor: string, flash: FlashKey) {
  return intent(schema, (input, ctx: CaseContext) => run({ ...base(ctx), input }), backTo(anchor, flash));
}

/** The page's forms, one intent each: its schema, the use case it calls, where it leads. */
const INTENTS = {
  qualify: caseIntent(qualifyCaseSchema, (args) => qualifyCase({ ...args, backofficeUrl: urls().backofficeUrl }), "qualification", "casePage.flash.qualified"),
  assign: caseIntent(assignCaseSchema, (args) => assignCase({ ...args, backofficeUrl: urls().backofficeUrl }), "qualification", "casePage.flash.assigned"),
  promote: caseIntent(promoteToDisputeSchema, promoteToDispute, "actions", "casePage.flash.promoted"),
  reject: caseIntent(rejectCaseSchema, (args) => rejectCase({ ...args, portalUrl: urls().portalUrl }), "actions", "casePage.flash.rejected"),
  merge: caseIntent(mergeDuplicateSchema, (args) => mergeDuplicate({ ...args, portalUrl: urls().portalUrl }), "actions", "casePage.flash.merged"),
  startInvestigation: caseIntent(startInvestigationSchema, startInvestigation, "tasks", "casePage.flash.investigationStarted"),
  addTask: caseIntent(addTaskSchema, addTask, "tasks", "casePage.flash.taskAdded"),
  completeTask: caseIntent(completeTaskSchema, completeTask, "tasks", "casePage.flash.taskCompleted"),
  requestEvidence: caseIntent(requestEvidenceSchema, (args) => requestEvidence({ ...args, portalUrl: urls().portalUrl }), "evidence-requests", "casePage.flash.evidenceRequested"),
  reply: caseIntent(postStaffReplySchema, (args) => postStaffReply({ ...args, portalUrl: urls().portalUrl }), "conversation", "casePage.flash.replied"),
  note: caseIntent(addInternalNoteSchema, addInternalNote, "conversation", "casePage.flash.noteAdded"),
  evidence: caseIntent(addStaffEvidenceSchema, addStaffEvidence, "evidence", "casePage.flash.evidenceAdded"),
  rootCause: caseIntent(setRootCauseSchema, setRootCause, "root-cause", "casePage.flash.rootCauseSet"),
  stakeholders: caseIntent(notifyStakeholdersSchema, (args) => notifyStakeholders({ ...args, backofficeUrl: urls().backofficeUrl }), "stakeholders", "casePage.flash.stakeholdersNotified"),
  logTime: caseIntent(logTimeSchema, logTime, "time", "casePage.flash.timeLogged"),
  // Settlement: an approver's decision, the decision without a proposal, its completion, the closure.
  decideApproval: intent(
    decideApprovalSchema,
    (input, ctx: CaseContext) => decideApproval({ ...base(ctx), input, ...urls() }),
    (result, ctx) =>
      backTo("proposals", result.status === "refused" ? "casePage.flash.approvalRefused" : result.status === "offered" ? "casePage.flash.approvalOffered" : "casePage.flash.approvalRecorded")(result, ctx),
  ),
  recordDecision: caseIntent(recordDecisionSchema, (args) => recordDecision({ ...args, portalUrl: urls().portalUrl }), "proposals", "casePage.flash.decisionRecorded"),
  completeDecision: caseIntent(completeDecisionSchema, (args) => completeDecision({ ...args, portalUrl: urls().portalUrl }), "proposals", "casePage.flash.decisionCompleted"),
  closeCase: caseIntent(closeCaseSchema, (args) => closeCase({ ...args, portalUrl: urls().portalUrl }), "proposals", "casePage.flash.caseClosed"),
  // Corrective actions and the proactive notice (issue 12).
  addCorrectiveAction: caseIntent(addCorrectiveActionSchema, addCorrectiveAction, "corrective-actions", "casePage.flash.correctiveActionAdded"),
  completeCorrectiveAction: caseIntent(correctiveActionTargetSchema, completeCorrectiveAction, "corrective-actions", "casePage.flash.correctiveActionCompleted"),
  waiveCorrectiveAction: caseIntent(waiveCorrectiveActionSchema, waiveCorrectiveAction, "corrective-actions", "casePage.flash.correctiveActionWaived"),
  reopenCorrectiveAction: caseIntent(correctiveActionTargetSchema, reopenCorrectiveAction, "corrective-actions", "casePage.flash.correctiveActionReopened"),
  sendProactiveNotice: caseIntent(sendProactiveNoticeSchema, (args) => sendProactiveNotice({ ...args, portalUrl: urls().portalUrl }), "proactive-notice", "casePage.flash.proactiveNoticeSent"),
  // Litigation (contentieux): the hand-over, the steps, the costs, the two endings.
  handOverToLegal: caseIntent(handOverToLegalSchema, handOverToLegal, "litigation", "casePage.flash.handedOverToLegal"),
  recordLegalStep: caseIntent(recordLegalStepSchema, recordLegalStep, "litigation", "casePage.flash.legalStepRecorded"),
  recordLegalCost: caseIntent(recordLegalCostSchema, recordLegalCost, "litigation", "casePage.flash.legalCostRecorded"),
  recordJudgment: caseIntent(recordJudgmentSchema, (args) => recordJudgment({ ...args, portalUrl: urls().portalUrl }), "litigation", "casePage.flash.judgmentRecorded"),
  settleOutOfCourt: caseIntent(settleOutOfCourtSchema, (args) => settleOutOfCourt({ ...args, portalUrl: urls().portalUrl }), "litigation", "casePage.flash.settledOutOfCourt"),
  // Mediation (issue 12): the supervisor starts it, its conductor records sessions and the outcome.
  startMediation: caseIntent(startMediationSchema, (args) => startMediation({ ...args, portalUrl: urls().portalUrl }), "mediation", "casePage.flash.mediationStarted"),
  recordMediationSession: caseIntent(recordMediationSessionSchema, recordMediationSession, "mediation", "casePage.flash.mediationSessionRecorded"),
  recordMediationOutcome: caseIntent(recordMediationOutcomeSchema, recordMediationOutcome, "mediation", "casePage.flash.mediationOutcomeRecorded"),
};

/** The page's intent names: the section components are typed with it. */
export type CaseIntent = IntentName<typeof INTENTS>;

/** The reply of a refused form, with the files an upload form had staged (shown again). */
export interface CaseActionData extends IntentReply<CaseIntent> {
  uploads?: { id: string; fileName: string; sizeBytes: number; contentType?: string }[];
  refused?: { fileName: string; message: string }[];
}

export async function caseAction(args: ActionFunctionArgs) {
  const ctx: CaseContext = await staffRoute(args);
  const multipart = (args.request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const upload = multipart ? await readFormWithUploads(args.request, ctx) : null;
  const formData = upload ? upload.fields : await args.request.formData();
  // The case is the page's: whatever the form says, the reference is the URL's.
  formData.set("reference", args.params.reference ?? "");
  const extra = upload ? { uploads: upload.uploads, refused: translateRefusals(upload.refused, ctx.t) } : {};
  return runIntent(INTENTS, ctx, formData, { extra, refused: (upload?.refused.length ?? 0) > 0 });
}
