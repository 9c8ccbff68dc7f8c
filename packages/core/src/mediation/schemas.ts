import { MEDIATION_FAILURE_NEXT_STEPS, MEDIATION_KINDS, MEDIATION_OUTCOMES, MEDIATION_SESSION_VISIBILITIES } from "@accord/domain";
import { z } from "zod";
import { EMAIL_MAX_LENGTH } from "../auth/schemas";
import { caseReferenceSchema } from "../instruction/staff-case";
import { singleLine } from "../single-line";

/**
 * The mediation's form fields (back-office). Every message is a catalogue key `mediation.error.*`
 * (apps/backoffice/app/case-page/sections/Mediation.messages.ts) or a shared `validation.*`.
 */
const key = (name: string) => `mediation.error.${name}`;
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const MEDIATION_LIMITS = { name: 200, reference: 120, participants: 1_000, notes: 10_000 } as const;

const optionalLine = (max: number) => z.preprocess(blankToUndefined, singleLine(z.string().trim().max(max, { error: key("too_long") })).optional());
const requiredText = (max: number, required: string) => z.preprocess(blankToUndefined, z.string({ error: required }).trim().min(1, required).max(max, { error: key("too_long") }));

/**
 * A supervisor starts a mediation: an internal mediator (a staff member with the mediator role), or an
 * external one (name, organisation and e-mail required; the referral's reference when there is one).
 */
export const startMediationSchema = z
  .object({
    reference: caseReferenceSchema,
    kind: z.enum(MEDIATION_KINDS, { error: key("kind_required") }),
    mediatorUserId: z.preprocess(blankToUndefined, z.uuid({ error: key("mediator_required") }).optional()),
    externalName: optionalLine(MEDIATION_LIMITS.name),
    externalOrganisation: optionalLine(MEDIATION_LIMITS.name),
    externalEmail: z.preprocess(
      blankToUndefined,
      z.string().trim().toLowerCase().max(EMAIL_MAX_LENGTH, { error: key("too_long") }).pipe(z.email({ error: "validation.email" })).optional(),
    ),
    externalReference: optionalLine(MEDIATION_LIMITS.reference),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "internal") {
      if (!value.mediatorUserId) ctx.addIssue({ code: "custom", path: ["mediatorUserId"], message: key("mediator_required") });
      return;
    }
    if (!value.externalName) ctx.addIssue({ code: "custom", path: ["externalName"], message: key("external_name_required") });
    if (!value.externalOrganisation) ctx.addIssue({ code: "custom", path: ["externalOrganisation"], message: key("external_organisation_required") });
    if (!value.externalEmail) ctx.addIssue({ code: "custom", path: ["externalEmail"], message: key("external_email_required") });
  });
export type StartMediationInput = z.output<typeof startMediationSchema>;

/** A session: its day, who took part, the notes and whether the customer reads them. */
export const recordMediationSessionSchema = z.object({
  reference: caseReferenceSchema,
  heldOn: z.preprocess(blankToUndefined, z.string({ error: key("session_date_required") }).trim().min(1, key("session_date_required"))),
  participants: requiredText(MEDIATION_LIMITS.participants, key("participants_required")),
  notes: requiredText(MEDIATION_LIMITS.notes, key("notes_required")),
  visibility: z.enum(MEDIATION_SESSION_VISIBILITIES, { error: key("visibility_required") }),
});
export type RecordMediationSessionInput = z.output<typeof recordMediationSessionSchema>;

/** The outcome: agreement, partial agreement or failure (then what follows: investigation or litigation). */
export const recordMediationOutcomeSchema = z
  .object({
    reference: caseReferenceSchema,
    outcome: z.enum(MEDIATION_OUTCOMES, { error: key("outcome_required") }),
    nextStep: z.preprocess(blankToUndefined, z.enum(MEDIATION_FAILURE_NEXT_STEPS, { error: key("next_step_required") }).optional()),
    notes: z.preprocess(blankToUndefined, z.string().trim().max(MEDIATION_LIMITS.notes, { error: key("too_long") }).optional()),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "failure" && !value.nextStep) ctx.addIssue({ code: "custom", path: ["nextStep"], message: key("next_step_required") });
  });
export type RecordMediationOutcomeInput = z.output<typeof recordMediationOutcomeSchema>;
