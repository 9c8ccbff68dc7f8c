/** Server side of the back-office case page (/cases/:reference): the loader and the one action of its forms. */
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
import type { Db } from "@accord/db";
import { env } from "@accord/web/env";
import { maxUploadBytes, readFormWithUploads, translateRefusals } from "@accord/web/uploads";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import type { z } from "zod";
import { requireStaff } from "./actor";
import { dbContext } from "./db";
import { describeError, throwAsResponse } from "./errors";
import { flashCookie, type FlashKey } from "./flash";
import { parseForm } from "./forms";
import { translator } from "./i18n";
import { isSecureRequest } from "@accord/auth";

export async function caseLoader(args: LoaderFunctionArgs) {
  const actor = await requireStaff(args);
  const db = args.context.get(dbContext);
  const t = translator(args.context);
  const now = new Date();
  try {
    const page = await getStaffCase({ db, actor, input: { reference: args.params.reference ?? "" }, now });
    const priceCheck = page.derived.priceCheck ? await getPriceCheck({ db, actor, input: { reference: page.case.reference } }) : null;
    return { page, priceCheck, today: now.toISOString().slice(0, 10), maxUploadBytes: maxUploadBytes() };
  } catch (error) {
    throwAsResponse(error, t);
  }
}

interface Handler {
  schema: z.ZodType;
  flash: FlashKey;
  /** The section the page scrolls back to. */
  anchor: string;
  run(options: { db: Db; actor: StaffActor; input: never; now: Date }): Promise<unknown>;
}

const urls = () => ({ portalUrl: `${env().PORTAL_URL}/`, backofficeUrl: `${env().BACKOFFICE_URL}/` });

/** One form per intent on the page; each names the use case it calls. */
const HANDLERS: Record<string, Handler> = {
  qualify: { schema: qualifyCaseSchema, flash: "casePage.flash.qualified", anchor: "qualification", run: (o) => qualifyCase({ ...o, backofficeUrl: urls().backofficeUrl }) },
  assign: { schema: assignCaseSchema, flash: "casePage.flash.assigned", anchor: "qualification", run: (o) => assignCase({ ...o, backofficeUrl: urls().backofficeUrl }) },
  promote: { schema: promoteToDisputeSchema, flash: "casePage.flash.promoted", anchor: "actions", run: promoteToDispute },
  reject: { schema: rejectCaseSchema, flash: "casePage.flash.rejected", anchor: "actions", run: (o) => rejectCase({ ...o, portalUrl: urls().portalUrl }) },
  merge: { schema: mergeDuplicateSchema, flash: "casePage.flash.merged", anchor: "actions", run: (o) => mergeDuplicate({ ...o, portalUrl: urls().portalUrl }) },
  startInvestigation: { schema: startInvestigationSchema, flash: "casePage.flash.investigationStarted", anchor: "tasks", run: startInvestigation },
  addTask: { schema: addTaskSchema, flash: "casePage.flash.taskAdded", anchor: "tasks", run: addTask },
  completeTask: { schema: completeTaskSchema, flash: "casePage.flash.taskCompleted", anchor: "tasks", run: completeTask },
  requestEvidence: {
    schema: requestEvidenceSchema,
    flash: "casePage.flash.evidenceRequested",
    anchor: "evidence-requests",
    run: (o) => requestEvidence({ ...o, portalUrl: urls().portalUrl }),
  },
  reply: { schema: postStaffReplySchema, flash: "casePage.flash.replied", anchor: "conversation", run: (o) => postStaffReply({ ...o, portalUrl: urls().portalUrl }) },
  note: { schema: addInternalNoteSchema, flash: "casePage.flash.noteAdded", anchor: "conversation", run: addInternalNote },
  evidence: { schema: addStaffEvidenceSchema, flash: "casePage.flash.evidenceAdded", anchor: "evidence", run: addStaffEvidence },
  rootCause: { schema: setRootCauseSchema, flash: "casePage.flash.rootCauseSet", anchor: "root-cause", run: setRootCause },
  stakeholders: {
    schema: notifyStakeholdersSchema,
    flash: "casePage.flash.stakeholdersNotified",
    anchor: "stakeholders",
    run: (o) => notifyStakeholders({ ...o, backofficeUrl: urls().backofficeUrl }),
  },
  logTime: { schema: logTimeSchema, flash: "casePage.flash.timeLogged", anchor: "time", run: logTime },
};

export type CaseIntent = keyof typeof HANDLERS;

export interface CaseActionData {
  intent: string;
  result: SubmissionResult<string[]>;
  uploads?: { id: string; fileName: string; sizeBytes: number; contentType?: string }[];
  refused?: { fileName: string; message: string }[];
}

export async function caseAction(args: ActionFunctionArgs) {
  const actor = await requireStaff(args);
  const db = args.context.get(dbContext);
  const t = translator(args.context);
  const now = new Date();
  const reference = args.params.reference ?? "";
  const multipart = (args.request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const upload = multipart ? await readFormWithUploads(args.request, { db, actor, now }) : null;
  const formData = upload ? upload.fields : await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const handler = HANDLERS[intent];
  if (!handler) throw data(null, { status: 400 });
  formData.set("reference", reference);
  const extra = upload ? { uploads: upload.uploads, refused: translateRefusals(upload.refused, t) } : {};
  const submission = parseForm(formData, handler.schema, t);
  if (submission.status !== "success" || (upload && upload.refused.length > 0)) {
    return data<CaseActionData>({ intent, result: submission.reply(), ...extra }, { status: 400 });
  }
  try {
    await handler.run({ db, actor, input: { ...(submission.value as object), reference } as never, now });
  } catch (error) {
    const described = describeError(error, t);
    if (described.code === "not_found" || described.code === "forbidden") throwAsResponse(error, t);
    const hasFieldErrors = Object.keys(described.fieldErrors).length > 0;
    return data<CaseActionData>(
      { intent, result: submission.reply({ fieldErrors: described.fieldErrors, formErrors: hasFieldErrors ? [] : [described.message] }), ...extra },
      { status: described.status },
    );
  }
  return redirect(`/cases/${reference}#${handler.anchor}`, {
    headers: { "Set-Cookie": flashCookie(handler.flash, { secure: isSecureRequest(args.request) }) },
  });
}

