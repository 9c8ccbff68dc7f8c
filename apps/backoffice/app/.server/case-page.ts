/** Server side of the back-office case page (/cases/:reference): the loader and the page's table of intents. */
import {
  addInternalNote,
  addInternalNoteSchema,
  addStaffEvidence,
  addStaffEvidenceSchema,
  addTask,
  addTaskSchema,
  assignCase,
  assignCaseSchema,
  completeTask,
  completeTaskSchema,
  getPriceCheck,
  getStaffCase,
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
} from "@accord/core";
import type { StaffActor } from "@accord/auth";
import { env } from "@accord/web/env";
import type { FlashKey } from "@accord/web/flash";
import { intent, runIntent, type IntentContext, type IntentDone, type IntentName, type IntentReply } from "@accord/web/intents";
import { maxUploadBytes, readFormWithUploads, translateRefusals } from "@accord/web/uploads";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import { staffRoute } from "./actor";
import { loadOrRespond } from "./errors";

export async function caseLoader(args: LoaderFunctionArgs) {
  const ctx = await staffRoute(args);
  return loadOrRespond(ctx, async () => {
    const page = await getStaffCase({ ...ctx, input: { reference: args.params.reference ?? "" } });
    const priceCheck = page.derived.priceCheck ? await getPriceCheck({ ...ctx, input: { reference: page.case.reference } }) : null;
    return { page, priceCheck, today: ctx.now.toISOString().slice(0, 10), maxUploadBytes: maxUploadBytes() };
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

/** The page's forms, one intent each: its schema, the use case it calls, where it leads. */
const INTENTS = {
  qualify: intent(qualifyCaseSchema, (input, ctx: CaseContext) => qualifyCase({ ...base(ctx), input, backofficeUrl: urls().backofficeUrl }), backTo("qualification", "casePage.flash.qualified")),
  assign: intent(assignCaseSchema, (input, ctx: CaseContext) => assignCase({ ...base(ctx), input, backofficeUrl: urls().backofficeUrl }), backTo("qualification", "casePage.flash.assigned")),
  promote: intent(promoteToDisputeSchema, (input, ctx: CaseContext) => promoteToDispute({ ...base(ctx), input }), backTo("actions", "casePage.flash.promoted")),
  reject: intent(rejectCaseSchema, (input, ctx: CaseContext) => rejectCase({ ...base(ctx), input, portalUrl: urls().portalUrl }), backTo("actions", "casePage.flash.rejected")),
  merge: intent(mergeDuplicateSchema, (input, ctx: CaseContext) => mergeDuplicate({ ...base(ctx), input, portalUrl: urls().portalUrl }), backTo("actions", "casePage.flash.merged")),
  startInvestigation: intent(startInvestigationSchema, (input, ctx: CaseContext) => startInvestigation({ ...base(ctx), input }), backTo("tasks", "casePage.flash.investigationStarted")),
  addTask: intent(addTaskSchema, (input, ctx: CaseContext) => addTask({ ...base(ctx), input }), backTo("tasks", "casePage.flash.taskAdded")),
  completeTask: intent(completeTaskSchema, (input, ctx: CaseContext) => completeTask({ ...base(ctx), input }), backTo("tasks", "casePage.flash.taskCompleted")),
  requestEvidence: intent(
    requestEvidenceSchema,
    (input, ctx: CaseContext) => requestEvidence({ ...base(ctx), input, portalUrl: urls().portalUrl }),
    backTo("evidence-requests", "casePage.flash.evidenceRequested"),
  ),
  reply: intent(postStaffReplySchema, (input, ctx: CaseContext) => postStaffReply({ ...base(ctx), input, portalUrl: urls().portalUrl }), backTo("conversation", "casePage.flash.replied")),
  note: intent(addInternalNoteSchema, (input, ctx: CaseContext) => addInternalNote({ ...base(ctx), input }), backTo("conversation", "casePage.flash.noteAdded")),
  evidence: intent(addStaffEvidenceSchema, (input, ctx: CaseContext) => addStaffEvidence({ ...base(ctx), input }), backTo("evidence", "casePage.flash.evidenceAdded")),
  rootCause: intent(setRootCauseSchema, (input, ctx: CaseContext) => setRootCause({ ...base(ctx), input }), backTo("root-cause", "casePage.flash.rootCauseSet")),
  stakeholders: intent(
    notifyStakeholdersSchema,
    (input, ctx: CaseContext) => notifyStakeholders({ ...base(ctx), input, backofficeUrl: urls().backofficeUrl }),
    backTo("stakeholders", "casePage.flash.stakeholdersNotified"),
  ),
  logTime: intent(logTimeSchema, (input, ctx: CaseContext) => logTime({ ...base(ctx), input }), backTo("time", "casePage.flash.timeLogged")),
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
