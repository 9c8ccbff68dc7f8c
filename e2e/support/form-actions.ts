/**
 * Every form action of both apps (issue 16, point 2): for each route of routes.ts whose module exports
 * an `action`, the intents it accepts, the zod schema each one parses (the use cases' own, from
 * @accord/core), who posts it and where. `e2e/specs/form-bad-input.spec.ts` posts generated bad input to
 * each; a route with an action and no entry here, or an intent of its source not listed, fails that spec.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as core from "@accord/core";
import { z } from "zod";
import type { $ZodType } from "zod/v4/core";
import { appRoutes } from "./routes";

export type App = "portal" | "backoffice";

/** Demo users (password DEMO_PASSWORD), by the name the specs give them. */
export const FORM_USERS = {
  martinAdmin: { app: "portal", email: "admin@martin.example" },
  agent: { app: "backoffice", email: "agent@accord.example" },
  supervisor: { app: "backoffice", email: "superviseur@accord.example" },
  admin: { app: "backoffice", email: "admin@accord.example" },
} as const;
export type FormUser = keyof typeof FORM_USERS | "anonymous";

/** Ids read from the spec's own database (demo data). */
export interface Known {
  /** A case of Martin's, filed by its admin. */
  martinCase: string;
  /** Martin's member (achats@), as the admin sees them on the company page. */
  colleagueId: string;
  accountId: string;
  slaPolicyId: string;
  calendarId: string;
  staffId: string;
  checklistId: string;
  responseId: string;
  kbArticleId: string;
  rootCauseCode: string;
  inboundId: string;
}

/** One form action: who posts it, where, its intents (name → schema; `""`: the action reads no intent). */
export interface FormAction {
  as: FormUser;
  url: (k: Known) => string;
  intents: Record<string, $ZodType>;
  /** The form is sent as multipart (it carries files): the generated posts are sent both ways. */
  multipart?: boolean;
  /** Intents that write on success and that this spec must not run with valid values (they would sign the poster out, say). */
  note?: string;
}

/** The route's own one-field schemas (not exported by the route module: the same shape here). */
const userTarget = z.object({ userId: z.string() });
const causeTarget = z.object({ code: z.string() });
const policyTarget = z.object({ policyId: z.string() });
const noFields = z.object({});

const c = core;

/** The portal's form actions, by route path (a string: not fuzzed here, and where it is). */
export const PORTAL_ACTIONS: Record<string, FormAction | string> = {
  login: { as: "anonymous", url: () => "/login", intents: { "": c.signInSchema } },
  logout: { as: "anonymous", url: () => "/logout", intents: { "": noFields } },
  "forgot-password": { as: "anonymous", url: () => "/forgot-password", intents: { "": c.forgotPasswordSchema } },
  "reset-password": { as: "anonymous", url: () => "/reset-password", intents: { "": c.resetPasswordSchema } },
  company: {
    as: "martinAdmin",
    url: () => "/company",
    intents: {
      invite: c.inviteCustomerUserSchema,
      role: c.changeCustomerUserRoleSchema,
      reactivate: c.customerUserTargetSchema,
      revoke: c.revokeInvitationSchema,
      createKey: c.createApiKeySchema,
      reviewRevokeKey: c.keyTargetSchema,
      revokeKey: c.keyTargetSchema,
      addReasonCode: c.reasonCodeSchema,
      changeReasonCode: c.changeReasonCodeSchema,
      deleteReasonCode: c.reasonCodeTargetSchema,
    },
  },
  "company/users/:userId/deactivate": { as: "martinAdmin", url: () => "/company/users/00000000-0000-4000-8000-000000000000/deactivate", intents: { deactivate: c.customerUserTargetSchema } },
  "invitations/:token": { as: "anonymous", url: () => "/invitations/not-a-real-token", intents: { accept: c.acceptInvitationSchema } },
  profile: { as: "martinAdmin", url: () => "/profile", intents: { details: c.updateProfileSchema, password: c.changePasswordSchema, emails: c.updateEmailPreferencesSchema } },
  uploads: { as: "martinAdmin", url: () => "/uploads", intents: { "": noFields }, multipart: true },
  "uploads/:id/discard": { as: "martinAdmin", url: () => "/uploads/00000000-0000-4000-8000-000000000000/discard", intents: { "": noFields } },
  "claims/new": { as: "martinAdmin", url: () => "/claims/new", intents: { preview: c.claimSchema, submit: c.claimSchema }, multipart: true },
  "claims/import": { as: "martinAdmin", url: () => "/claims/import", intents: { "": noFields }, multipart: true },
  "cases/:reference": { as: "martinAdmin", url: (k) => `/cases/${k.martinCase}`, intents: { reply: c.customerReplySchema, answer: c.answerEvidenceRequestSchema }, multipart: true },
  "cases/:reference/withdraw": { as: "martinAdmin", url: (k) => `/cases/${k.martinCase}/withdraw`, intents: { withdraw: c.withdrawCaseSchema } },
  "cases/:reference/proposal": {
    as: "martinAdmin",
    url: (k) => `/cases/${k.martinCase}/proposal`,
    intents: { review: c.acceptProposalSchema, accept: c.acceptProposalSchema, decline: c.declineProposalSchema, counter: c.counterProposalSchema },
  },
  "cases/:reference/survey": { as: "martinAdmin", url: (k) => `/cases/${k.martinCase}/survey`, intents: { rate: c.answerSurveySchema } },
  "api/v1/webhooks/resend": "machine-to-machine, signed JSON (resend-webhook.spec)",
  "api/v1/inbound/email": "machine-to-machine, JSON behind a shared secret (inbound-email.spec)",
  "api/v1/*": "the public API: packages/api/src/bad-input.int.test.ts (same generator, every operation)",
  "*": "the catch-all answers 404 to any method (isolation-matrix.spec)",
};

/** The back-office's form actions, by route path. */
export const BACKOFFICE_ACTIONS: Record<string, FormAction | string> = {
  login: { as: "anonymous", url: () => "/login", intents: { "": c.signInSchema } },
  logout: { as: "anonymous", url: () => "/logout", intents: { "": noFields } },
  "forgot-password": { as: "anonymous", url: () => "/forgot-password", intents: { "": c.forgotPasswordSchema } },
  "reset-password": { as: "anonymous", url: () => "/reset-password", intents: { "": c.resetPasswordSchema } },
  "": { as: "supervisor", url: () => "/?index", intents: { "save-view": c.saveQueueViewSchema, "delete-view": c.deleteQueueViewSchema, assign: c.assignCasesSchema } },
  "cases/new": { as: "agent", url: () => "/cases/new", intents: { preview: c.staffClaimSchema, submit: c.staffClaimSchema }, multipart: true },
  "cases/:reference": {
    as: "supervisor",
    url: (k) => `/cases/${k.martinCase}`,
    multipart: true,
    intents: {
      qualify: c.qualifyCaseSchema,
      assign: c.assignCaseSchema,
      promote: c.promoteToDisputeSchema,
      reject: c.rejectCaseSchema,
      merge: c.mergeDuplicateSchema,
      startInvestigation: c.startInvestigationSchema,
      addTask: c.addTaskSchema,
      completeTask: c.completeTaskSchema,
      requestEvidence: c.requestEvidenceSchema,
      reply: c.postStaffReplySchema,
      note: c.addInternalNoteSchema,
      evidence: c.addStaffEvidenceSchema,
      rootCause: c.setRootCauseSchema,
      stakeholders: c.notifyStakeholdersSchema,
      logTime: c.logTimeSchema,
      decideApproval: c.decideApprovalSchema,
      recordDecision: c.recordDecisionSchema,
      completeDecision: c.completeDecisionSchema,
      closeCase: c.closeCaseSchema,
      addCorrectiveAction: c.addCorrectiveActionSchema,
      completeCorrectiveAction: c.correctiveActionTargetSchema,
      waiveCorrectiveAction: c.waiveCorrectiveActionSchema,
      reopenCorrectiveAction: c.correctiveActionTargetSchema,
      sendProactiveNotice: c.sendProactiveNoticeSchema,
      handOverToLegal: c.handOverToLegalSchema,
      recordLegalStep: c.recordLegalStepSchema,
      recordLegalCost: c.recordLegalCostSchema,
      recordJudgment: c.recordJudgmentSchema,
      settleOutOfCourt: c.settleOutOfCourtSchema,
      startMediation: c.startMediationSchema,
      recordMediationSession: c.recordMediationSessionSchema,
      recordMediationOutcome: c.recordMediationOutcomeSchema,
    },
  },
  "cases/:reference/propose": { as: "supervisor", url: (k) => `/cases/${k.martinCase}/propose`, intents: { propose: c.createProposalSchema } },
  "cases/:reference/dossier.zip": { as: "supervisor", url: (k) => `/cases/${k.martinCase}/dossier.zip`, intents: { "": noFields }, note: "any post is an export (a download and its event): the fields are ignored" },
  "inbound/:id": {
    as: "supervisor",
    url: (k) => `/inbound/${k.inboundId}`,
    intents: { "attach-claim": c.attachQuarantinedEmailSchema, "attach-message": c.attachQuarantinedEmailSchema, reject: c.rejectQuarantinedEmailSchema },
  },
  "invoices/import": { as: "admin", url: () => "/invoices/import?kind=invoices", intents: { "": noFields }, multipart: true },
  uploads: { as: "agent", url: () => "/uploads", intents: { "": noFields }, multipart: true },
  "uploads/:id/discard": { as: "agent", url: () => "/uploads/00000000-0000-4000-8000-000000000000/discard", intents: { "": noFields } },
  "admin/sla": { as: "admin", url: () => "/admin/sla", intents: { create: c.slaPolicySchema, deactivate: policyTarget, reactivate: policyTarget } },
  "admin/sla/:id": { as: "admin", url: (k) => `/admin/sla/${k.slaPolicyId}`, intents: { update: c.slaPolicySchema } },
  "admin/calendars/:id": { as: "admin", url: (k) => `/admin/calendars/${k.calendarId}`, intents: { save: c.calendarSchema } },
  "admin/staff": {
    as: "admin",
    url: () => "/admin/staff",
    intents: { create: c.createStaffUserSchema, team: c.teamSchema, rename: c.renameTeamSchema.extend({ teamId: z.string() }), deactivate: userTarget, reactivate: userTarget },
  },
  "admin/staff/:id": { as: "admin", url: (k) => `/admin/staff/${k.staffId}`, intents: { update: c.staffProfileSchema } },
  "admin/accounts/:id": {
    as: "admin",
    url: (k) => `/admin/accounts/${k.accountId}`,
    intents: {
      account: c.customerAccountSchema,
      invite: c.inviteCustomerUserSchema,
      price: c.priceAgreementSchema,
      createKey: c.createApiKeySchema,
      reviewRevokeKey: c.keyTargetSchema,
      revokeKey: c.keyTargetSchema,
      addReasonCode: c.reasonCodeSchema,
      changeReasonCode: c.changeReasonCodeSchema,
      deleteReasonCode: c.reasonCodeTargetSchema,
    },
  },
  "admin/thresholds": { as: "admin", url: () => "/admin/thresholds", intents: { thresholds: c.approvalThresholdsSchema, escalation: c.escalationSettingsSchema, kpi: c.kpiSettingsFormSchema } },
  "admin/indexes": { as: "admin", url: () => "/admin/indexes", intents: { record: c.priceIndexValueSchema } },
  "admin/root-causes": {
    as: "admin",
    url: () => "/admin/root-causes",
    intents: { create: c.rootCauseSchema, up: causeTarget, down: causeTarget, deactivate: causeTarget, reactivate: causeTarget },
  },
  "admin/root-causes/:code": { as: "admin", url: (k) => `/admin/root-causes/${k.rootCauseCode}`, intents: { rename: c.rootCauseLabelsSchema } },
  "admin/checklists/:id": { as: "admin", url: (k) => `/admin/checklists/${k.checklistId}`, intents: { save: c.checklistTemplateSchema } },
  "admin/responses/:id": { as: "admin", url: (k) => `/admin/responses/${k.responseId}`, intents: { save: c.responseTemplateSchema } },
  "admin/kb/:id": { as: "admin", url: (k) => `/admin/kb/${k.kbArticleId}`, intents: { save: c.kbArticleSchema } },
  "admin/company": { as: "admin", url: () => "/admin/company", intents: { company: c.supplierIdentitySchema }, multipart: true },
  "admin/integration-keys": { as: "admin", url: () => "/admin/integration-keys", intents: { createKey: c.createIntegrationKeySchema, reviewRevokeKey: c.keyTargetSchema, revokeKey: c.keyTargetSchema } },
  "admin/reason-codes": { as: "admin", url: () => "/admin/reason-codes", intents: { addReasonCode: c.reasonCodeSchema, changeReasonCode: c.changeReasonCodeSchema, deleteReasonCode: c.reasonCodeTargetSchema } },
  "*": "the catch-all answers 404 to any method (isolation-matrix.spec)",
};

export const FORM_ACTIONS: Record<App, Record<string, FormAction | string>> = { portal: PORTAL_ACTIONS, backoffice: BACKOFFICE_ACTIONS };

function appDir(app: App): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../../apps/${app}/app`);
}

/** The routes of routes.ts whose module exports an action. */
export function routesWithAction(app: App): string[] {
  return appRoutes(app)
    .filter((route) => /export\s+(async\s+function\s+action\b|const\s+action\b|function\s+action\b)/.test(readFileSync(path.join(appDir(app), route.file), "utf8")))
    .map((route) => route.path);
}

/**
 * The intents a route's source names: the entries of its intent tables (`name: intent(…)`) and the
 * `intent === "name"` branches, in the route module and the page module it delegates to (`.server/case-page`).
 */
export function intentsInSource(app: App, routePath: string): string[] {
  const route = appRoutes(app).find((r) => r.path === routePath)!;
  const code = readFileSync(path.join(appDir(app), route.file), "utf8");
  const sources = [code];
  if (/\.server\/case-page"/.test(code)) sources.push(readFileSync(path.join(appDir(app), ".server/case-page.ts"), "utf8"));
  const names = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(/^\s+(\w+): (?:intent|caseIntent|reviewIntent|showOnceIntent)\(/gm)) names.add(match[1]!);
    for (const match of source.matchAll(/\bintent === "([\w-]+)"/g)) names.add(match[1]!);
  }
  return [...names];
}
