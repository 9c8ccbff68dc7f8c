import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./accounts";
import { cases } from "./cases";
import { createdAt, id, requiredRef, tstz } from "./common";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** Mirror the domain's MEDIATION_KINDS, MEDIATION_OUTCOMES, MEDIATION_FAILURE_NEXT_STEPS and MEDIATION_SESSION_VISIBILITIES (a unit test compares them). */
export const MEDIATION_KIND_VALUES = ["internal", "external"] as const;
export const MEDIATION_OUTCOME_VALUES = ["agreement", "partial_agreement", "failure"] as const;
export const MEDIATION_NEXT_STEP_VALUES = ["investigation", "litigation"] as const;
export const MEDIATION_SESSION_VISIBILITY_VALUES = ["internal", "shared"] as const;

/**
 * A mediation of a case (issue 12): an internal mediator (a staff user with the mediator role, who then
 * sees the case) or an external one (name, organisation, e-mail, the referral's reference; no account).
 * One running mediation per case; the outcome ends it.
 */
export const mediations = pgTable(
  "mediations",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    kind: text("kind").$type<(typeof MEDIATION_KIND_VALUES)[number]>().notNull(),
    mediatorUserId: uuid("mediator_user_id").references(() => staffUsers.id),
    externalName: text("external_name"),
    externalOrganisation: text("external_organisation"),
    externalEmail: text("external_email"),
    externalReference: text("external_reference"),
    startedAt: tstz("started_at").notNull(),
    startedById: requiredRef("started_by_id", () => staffUsers.id),
    endedAt: tstz("ended_at"),
    endedById: uuid("ended_by_id").references(() => staffUsers.id),
    outcome: text("outcome").$type<(typeof MEDIATION_OUTCOME_VALUES)[number]>(),
    /** After a failure: back to the investigation, or to legal. */
    nextStep: text("next_step").$type<(typeof MEDIATION_NEXT_STEP_VALUES)[number]>(),
    outcomeNotes: text("outcome_notes"),
    createdAt: createdAt(),
  },
  (t) => [
    index("mediations_case_idx").on(t.caseId, t.startedAt),
    // The mediator's scope (queue, case page) is one indexed lookup.
    index("mediations_mediator_idx").on(t.mediatorUserId, t.caseId),
    uniqueIndex("mediations_one_running_key").on(t.caseId).where(sql`${t.endedAt} is null`),
    check("mediations_kind_check", sql`${t.kind} in (${inList(MEDIATION_KIND_VALUES)})`),
    check("mediations_outcome_check", sql`${t.outcome} is null or ${t.outcome} in (${inList(MEDIATION_OUTCOME_VALUES)})`),
    check("mediations_next_step_check", sql`${t.nextStep} is null or ${t.nextStep} in (${inList(MEDIATION_NEXT_STEP_VALUES)})`),
    check(
      "mediations_mediator_check",
      sql`(${t.kind} = 'internal' and ${t.mediatorUserId} is not null) or (${t.kind} = 'external' and ${t.mediatorUserId} is null and ${t.externalName} is not null and ${t.externalOrganisation} is not null and ${t.externalEmail} is not null)`,
    ),
    check("mediations_ended_check", sql`(${t.endedAt} is null) = (${t.outcome} is null)`),
  ],
);

/** A session of a mediation: its day, who took part, and notes internal (staff only) or shared with the customer. */
export const mediationSessions = pgTable(
  "mediation_sessions",
  {
    id: id(),
    mediationId: requiredRef("mediation_id", () => mediations.id),
    caseId: requiredRef("case_id", () => cases.id),
    heldOn: date("held_on").notNull(),
    participants: text("participants").notNull(),
    notes: text("notes").notNull(),
    visibility: text("visibility").$type<(typeof MEDIATION_SESSION_VISIBILITY_VALUES)[number]>().notNull(),
    recordedById: requiredRef("recorded_by_id", () => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("mediation_sessions_mediation_idx").on(t.mediationId, t.heldOn),
    check("mediation_sessions_visibility_check", sql`${t.visibility} in (${inList(MEDIATION_SESSION_VISIBILITY_VALUES)})`),
  ],
);
