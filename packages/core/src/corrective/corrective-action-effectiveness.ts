import { correctiveActions, type DbOrTx } from "@accord/db";
import { EFFECTIVENESS_WINDOW_DAYS, effectivenessFromCounts, type ActionEffectiveness } from "@accord/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { correctiveActionTargetSchema } from "./schemas";

export const correctiveActionEffectivenessSchema = correctiveActionTargetSchema;
export type CorrectiveActionEffectivenessInput = z.output<typeof correctiveActionEffectivenessSchema>;

/**
 * Recurrences of each done action's root cause, counted in SQL: the other cases (any customer; not
 * the action's own case, not duplicates) received in the 90 days before `done_at`, and from `done_at`
 * to the end of the 90 days after it or to `asOf`. The domain's `actionEffectiveness` is the same
 * definition over dates (an integration test holds them together).
 */
export async function effectivenessOfActions(db: DbOrTx, actionIds: readonly string[], asOf: Date): Promise<Map<string, ActionEffectiveness>> {
  const result = new Map<string, ActionEffectiveness>();
  if (actionIds.length === 0) return result;
  // 90 × 24 h exactly, as the domain counts (a 90-day interval would follow the session's daylight-saving changes).
  const window = sql`make_interval(hours => ${EFFECTIVENESS_WINDOW_DAYS * 24}::int)`;
  // Columns named with their table: drizzle leaves them unqualified in a one-table select, and inside
  // the subqueries an unqualified root_cause_code would be the counted case's own.
  const rows = await db
    .select({
      id: correctiveActions.id,
      doneAt: correctiveActions.doneAt,
      before: sql<number>`(select count(*)::int from cases c
        where c.root_cause_code = corrective_actions.root_cause_code and c.id <> corrective_actions.case_id and c.status <> 'duplicate'
          and c.received_at >= corrective_actions.done_at - ${window} and c.received_at < corrective_actions.done_at)`,
      after: sql<number>`(select count(*)::int from cases c
        where c.root_cause_code = corrective_actions.root_cause_code and c.id <> corrective_actions.case_id and c.status <> 'duplicate'
          and c.received_at >= corrective_actions.done_at
          and c.received_at < corrective_actions.done_at + ${window} and c.received_at <= ${asOf.toISOString()}::timestamptz)`,
    })
    .from(correctiveActions)
    .where(and(inArray(correctiveActions.id, [...actionIds]), eq(correctiveActions.status, "done")));
  for (const row of rows) {
    result.set(row.id, effectivenessFromCounts({ doneAt: row.doneAt!, before: row.before, after: row.after, asOf }));
  }
  return result;
}

/** The effectiveness of one action of a case the staff member may see (`not_applicable` unless done). */
export async function correctiveActionEffectiveness({ db, actor, input, now }: UseCaseArgs<CorrectiveActionEffectivenessInput>): Promise<ActionEffectiveness> {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const [action] = await tx
        .select({ id: correctiveActions.id })
        .from(correctiveActions)
        .where(and(eq(correctiveActions.id, input.actionId), eq(correctiveActions.caseId, row.id)));
      if (!action) throw new AppError("not_found");
      return (await effectivenessOfActions(tx, [action.id], now)).get(action.id) ?? { state: "not_applicable" };
    },
    { accessMode: "read only" },
  );
}
