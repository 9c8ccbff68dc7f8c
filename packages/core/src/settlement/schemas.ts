import { isIsoDate, parseDecimal, PROPOSAL_KINDS, type IsoDate } from "@accord/domain";
import { z } from "zod";
import { caseReferenceSchema } from "../instruction/staff-case";
import { singleLine } from "../single-line";

/**
 * The settlement's form fields, shared by the back-office (proposal, approval, decision) and the portal
 * (acceptance, refusal, counter-proposal). Every message is a catalogue key `proposal.error.*`
 * (packages/ui/src/locales/settlement.ts).
 */
const key = (name: string) => `proposal.error.${name}`;
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const SETTLEMENT_LIMITS = { terms: 5_000, comment: 2_000, concession: 500, concessions: 20, signer: 200, rationale: 10_000, creditNote: 60 } as const;

/** An amount in euros as typed ("1 250,50", "1250.5") → cents; a negative figure or a third decimal is refused by name. */
export const amountSchema = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : blankToUndefined(value)),
  z
    .string({ error: key("amount_required") })
    .max(40, { error: key("amount_invalid") })
    .transform((value, ctx) => {
      const parsed = parseDecimal(value, 2);
      if (typeof parsed === "number") return parsed;
      ctx.addIssue({ code: "custom", message: key(parsed === "invalid" ? "amount_invalid" : `amount_${parsed}`) });
      return z.NEVER;
    }),
);

/** An optional amount (penalties): empty is 0. */
export const optionalAmountSchema = z.preprocess((value) => (blankToUndefined(value) === undefined ? "0" : value), amountSchema);

export const isoDayField = (required = key("date_required")) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: required })
      .trim()
      .refine((value): value is IsoDate => isIsoDate(value), key("date_invalid")),
  );

const requiredText = (max: number, required = key("required")) =>
  z.preprocess(blankToUndefined, z.string({ error: required }).trim().min(1, required).max(max, { error: key("too_long") }));
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, { error: key("too_long") }).optional());

/** A textarea of one item per line (concessions) → its non-empty lines, each one line of text. */
const linesField = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0) : (value ?? [])),
  z.array(singleLine(z.string().max(SETTLEMENT_LIMITS.concession, { error: key("too_long") }))).max(SETTLEMENT_LIMITS.concessions, { error: key("too_many_concessions") }),
);

export const proposalKindSchema = z.enum(PROPOSAL_KINDS, { error: key("kind_required") });

/** The agent's proposal ("Proposer une solution"). */
export const createProposalSchema = z.object({
  reference: caseReferenceSchema,
  kind: proposalKindSchema,
  amount: amountSchema,
  terms: optionalText(SETTLEMENT_LIMITS.terms).transform((value) => value ?? ""),
  expiresOn: isoDayField(),
  concessionsSupplier: linesField,
  concessionsCustomer: linesField,
  /** The customer's counter-proposal this one takes up, if any. */
  counterOfId: z.preprocess(blankToUndefined, z.uuid().optional()),
});
export type CreateProposalInput = z.output<typeof createProposalSchema>;

export const proposalIdSchema = z.uuid({ error: key("proposal_unknown") });

/** An approver's decision on a proposal: a comment is always asked for. */
export const decideApprovalSchema = z.object({
  proposalId: proposalIdSchema,
  decision: z.enum(["approved", "rejected"], { error: key("decision_required") }),
  comment: requiredText(SETTLEMENT_LIMITS.comment, key("comment_required")),
});
export type DecideApprovalInput = z.output<typeof decideApprovalSchema>;

/** The customer's acceptance: explicit consent, the signer's typed name, and the SHA-256 of the text they read. */
export const acceptProposalSchema = z.object({
  reference: caseReferenceSchema,
  proposalId: proposalIdSchema,
  consent: z.preprocess((value) => value === "on" || value === "true" || value === true, z.literal(true, { error: key("consent_required") })),
  signerName: z.preprocess(blankToUndefined, singleLine(z.string({ error: key("signer_required") }).trim().min(1, key("signer_required")).max(SETTLEMENT_LIMITS.signer, { error: key("too_long") }))),
  textSha256: z.string({ error: key("text_changed") }).regex(/^[0-9a-f]{64}$/, key("text_changed")),
});
export type AcceptProposalInput = z.output<typeof acceptProposalSchema>;

export const declineProposalSchema = z.object({
  reference: caseReferenceSchema,
  proposalId: proposalIdSchema,
  reason: requiredText(SETTLEMENT_LIMITS.comment, key("reason_required")),
});
export type DeclineProposalInput = z.output<typeof declineProposalSchema>;

export const counterProposalSchema = z.object({
  reference: caseReferenceSchema,
  proposalId: proposalIdSchema,
  kind: proposalKindSchema,
  amount: amountSchema,
  comment: requiredText(SETTLEMENT_LIMITS.comment, key("comment_required")),
});
export type CounterProposalInput = z.output<typeof counterProposalSchema>;

/** Outcomes an agent records without an accepted proposal (`resolve`). */
export const DIRECT_OUTCOMES = ["upheld", "partially_upheld", "rejected"] as const;

export const recordDecisionSchema = z.object({
  reference: caseReferenceSchema,
  outcome: z.enum(DIRECT_OUTCOMES, { error: key("outcome_required") }),
  granted: optionalAmountSchema,
  penalties: optionalAmountSchema,
  publicRationale: requiredText(SETTLEMENT_LIMITS.rationale, key("rationale_required")),
  internalRationale: optionalText(SETTLEMENT_LIMITS.rationale),
  creditNoteNumber: z.preprocess(blankToUndefined, singleLine(z.string().trim().max(SETTLEMENT_LIMITS.creditNote, { error: key("too_long") })).optional()),
});
export type RecordDecisionInput = z.output<typeof recordDecisionSchema>;

/** Completing a decision (rationale, penalties, the ERP's credit-note number) changes no status. */
export const completeDecisionSchema = z.object({
  reference: caseReferenceSchema,
  penalties: optionalAmountSchema,
  /** What the customer has paid of the disputed remainder since the decision (recovered). */
  recovered: optionalAmountSchema,
  publicRationale: optionalText(SETTLEMENT_LIMITS.rationale),
  internalRationale: optionalText(SETTLEMENT_LIMITS.rationale),
  creditNoteNumber: z.preprocess(blankToUndefined, singleLine(z.string().trim().max(SETTLEMENT_LIMITS.creditNote, { error: key("too_long") })).optional()),
});
export type CompleteDecisionInput = z.output<typeof completeDecisionSchema>;

export const answerSurveySchema = z.object({
  reference: caseReferenceSchema,
  score: z.preprocess(
    (value) => (typeof value === "string" && /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : value),
    z.number({ error: key("score_required") }).int(key("score_required")).min(0, key("score_required")).max(10, key("score_required")),
  ),
  comment: optionalText(SETTLEMENT_LIMITS.comment),
});
export type AnswerSurveyInput = z.output<typeof answerSurveySchema>;
