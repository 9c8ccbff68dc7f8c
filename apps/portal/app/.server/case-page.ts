/** Server side of the portal's case page (/cases/:reference): the loader and the page's table of intents. */
import { answerEvidenceRequest, answerEvidenceRequestSchema, customerReplySchema, getCustomerCase, getCustomerLitigation, getCustomerMediation, postCustomerReply } from "@accord/core";
import type { FlashKey } from "@accord/web/flash";
import { intent, runIntent, type IntentName, type IntentReply } from "@accord/web/intents";
import type { RouteArgs } from "@accord/web/route";
import { maxUploadBytes, readFormWithUploads, translateRefusals } from "@accord/web/uploads";
import { env } from "../env.server";
import { customerRoute } from "./actor";
import { loadOrRespond } from "./errors";
import { base, type CustomerContext } from "./intents";
import { loadSettlement } from "./settlement";

export async function caseLoader(args: RouteArgs) {
  const ctx = await customerRoute(args, "case:read");
  const page = await loadOrRespond(ctx, () => getCustomerCase({ ...ctx, input: { reference: args.params.reference ?? "" } }));
  const settlement = await loadSettlement(ctx);
  const legal = await getCustomerLitigation({ ...ctx, input: { reference: page.case.reference } });
  const mediation = await loadOrRespond(ctx, () => getCustomerMediation({ ...ctx, input: { reference: page.case.reference } }));
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  const file = (f: (typeof page.evidence)[number]) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, uploadedByKind: f.uploadedByKind, createdAt: f.createdAt.toISOString() });
  const target = (t: NonNullable<typeof page.sla>["firstResponse"]) => ({ inWords: t.inWords, deadlineAt: iso(t.deadlineAt), completedAt: iso(t.completedAt), clock: t.clock });
  // Only what the page shows goes to the browser.
  return {
    case: {
      ...page.case,
      receivedAt: page.case.receivedAt.toISOString(),
      lastActivityAt: page.case.lastActivityAt.toISOString(),
      nextStep: { statusKey: page.case.nextStep.statusKey, nextKey: page.case.nextStep.nextKey, owner: page.case.nextStep.owner },
    },
    maxUploadBytes: maxUploadBytes(),
    mergedInto: page.mergedInto,
    sla: page.sla ? { firstResponse: target(page.sla.firstResponse), resolution: target(page.sla.resolution), paused: page.sla.paused } : null,
    can: page.can,
    readOnly: !page.can.reply && !page.can.withdraw && !page.can.answer && ctx.actor.role === "viewer",
    timeline: page.timeline.map((event) => ({ ...event, at: event.at.toISOString() })),
    messages: page.messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString(), attachments: message.attachments.map(file) })),
    evidence: page.evidence.map(file),
    evidenceRequests: page.evidenceRequests.map((request) => ({ ...request, createdAt: request.createdAt.toISOString(), answeredAt: iso(request.answeredAt), files: request.files.map(file) })),
    lines: page.lines,
    settlement,
    /** « Handled by our legal department » and the documents legal shared (issue 12): nothing else of a litigation. */
    legal: { handledByLegal: legal.handledByLegal, documents: legal.documents.map((d) => ({ id: d.id, fileName: d.fileName, sizeBytes: d.sizeBytes, uploadedByKind: "staff" as const, createdAt: d.createdAt.toISOString() })) },
    mediation: mediation
      ? { ...mediation, startedAt: mediation.startedAt.toISOString(), endedAt: iso(mediation.endedAt) }
      : null,
  };
}

/** What the page's components receive from the loader. */
export type CustomerCasePage = Awaited<ReturnType<typeof caseLoader>>;

const reference = (ctx: CustomerContext) => ctx.params.reference ?? "";
/** Back to the case, at the section the form belongs to, with its message. */
const backTo = (anchor: string, flash: FlashKey) => (_: unknown, ctx: CustomerContext) => ({ to: `/cases/${reference(ctx)}#${anchor}`, flash });

/** The page's two forms: a reply (with attachments) and the answer to one evidence request. */
const INTENTS = {
  reply: intent(
    customerReplySchema,
    (input, ctx: CustomerContext) => postCustomerReply({ ...base(ctx), input: { ...input, reference: reference(ctx) }, backofficeUrl: env().BACKOFFICE_URL }),
    backTo("messages", "cases.flash.replied"),
  ),
  answer: intent(
    answerEvidenceRequestSchema,
    (input, ctx: CustomerContext) => answerEvidenceRequest({ ...base(ctx), input: { ...input, reference: reference(ctx) } }),
    backTo("requests", "cases.flash.answered"),
  ),
};

/** The page's intent names: the section components are typed with it. */
export type CustomerCaseIntent = IntentName<typeof INTENTS>;

/** The reply of a refused form, with the files it had staged (shown again). */
export interface CustomerCaseReply extends IntentReply<CustomerCaseIntent> {
  uploads?: { id: string; fileName: string; sizeBytes: number; contentType?: string }[];
  refused?: { fileName: string; message: string }[];
}

export async function caseAction(args: RouteArgs) {
  const ctx = await customerRoute(args, "case:read");
  const upload = await loadOrRespond(ctx, () => readFormWithUploads(args.request, ctx));
  const extra = { uploads: upload.uploads, refused: translateRefusals(upload.refused, ctx.t) };
  return runIntent(INTENTS, ctx, upload.fields, { extra, refused: upload.refused.length > 0 });
}
