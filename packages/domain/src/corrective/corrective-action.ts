import { domainError, type DomainError } from "../errors/errors";
import { assertInstant, isIsoDate, type IsoDate } from "../dates/iso-date";
import { correctiveActionEffectiveness } from "../kpi/kpi";

/**
 * Corrective actions ("mise en conformité"): work that removes a case's root cause so the dispute does
 * not recur. Each has an owner (an active staff member), a due date and a status:
 * - `open`: to do;
 * - `done`: carried out (its effectiveness is measured from that instant);
 * - `waived`: deliberately not carried out, with a reason.
 * A case closes only when none is open (the lifecycle's `close` guard).
 */
export const CORRECTIVE_ACTION_STATUSES = ["open", "done", "waived"] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];

/** Recurrences are counted this many days before and after an action is done. */
export const EFFECTIVENESS_WINDOW_DAYS = 90;

export type CorrectiveActionRefusal = "root_cause_required" | "owner_inactive" | "title_required" | "due_date_invalid" | "case_ended";

function refusal(reason: CorrectiveActionRefusal, field: string): DomainError {
  return domainError("guard_failed", { field, messageKey: `domain.error.corrective.${reason}`, params: { reason } });
}

/** What adding an action checks: the case's root cause, the owner, the title and the due date. */
export interface NewCorrectiveAction {
  /** The case's root cause (null until the analysis sets one). */
  readonly rootCauseCode: string | null;
  /** Whether the case is terminal (closed, withdrawn, rejected, duplicate): no more work then. */
  readonly caseTerminal: boolean;
  /** The owner as found among staff users (null: no such staff member). */
  readonly owner: { readonly active: boolean } | null;
  readonly title: string;
  readonly dueDate: IsoDate;
}

/**
 * Whether a corrective action may be added: only once the root cause is set (it fixes that cause),
 * on a case still open, owned by an active staff member, with a title and a real due date. A due date
 * in the past is allowed (an action recorded after the fact); the list shows it overdue.
 */
export function checkNewCorrectiveAction(input: NewCorrectiveAction): DomainError | null {
  if (input.caseTerminal) return refusal("case_ended", "reference");
  if (input.rootCauseCode === null || input.rootCauseCode.trim() === "") return refusal("root_cause_required", "rootCauseCode");
  if (input.owner === null || !input.owner.active) return refusal("owner_inactive", "ownerId");
  if (input.title.trim() === "") return refusal("title_required", "title");
  if (!isIsoDate(input.dueDate)) return refusal("due_date_invalid", "dueDate");
  return null;
}

export type CorrectiveActionChange = { readonly type: "complete" } | { readonly type: "waive"; readonly reason: string } | { readonly type: "reopen" };

export type CorrectiveActionChangeRefusal = "not_open" | "not_closed" | "reason_required" | "case_ended";

/**
 * The status an action moves to: an open action is done or waived (a waiver needs a reason); a done or
 * waived action may be reopened while the case is not over (a fix that did not hold, a waiver taken
 * back). Anything else is refused, never a silent no-op.
 */
export function changeCorrectiveAction(
  current: { readonly status: CorrectiveActionStatus; readonly caseTerminal: boolean },
  change: CorrectiveActionChange,
): { readonly ok: true; readonly status: CorrectiveActionStatus } | { readonly ok: false; readonly error: DomainError } {
  const refuse = (reason: CorrectiveActionChangeRefusal, field: string) =>
    ({ ok: false, error: domainError("guard_failed", { field, messageKey: `domain.error.corrective.${reason}`, params: { reason, status: current.status } }) }) as const;
  if (current.caseTerminal) return refuse("case_ended", "reference");
  switch (change.type) {
    case "complete":
      return current.status === "open" ? { ok: true, status: "done" } : refuse("not_open", "actionId");
    case "waive":
      if (current.status !== "open") return refuse("not_open", "actionId");
      return typeof change.reason === "string" && change.reason.trim() !== "" ? { ok: true, status: "waived" } : refuse("reason_required", "reason");
    case "reopen":
      return current.status === "open" ? refuse("not_closed", "actionId") : { ok: true, status: "open" };
  }
}

/** Whether an open action's due date has passed (`today` is the calendar day in the business's time zone). */
export function isOverdue(action: { readonly status: CorrectiveActionStatus; readonly dueDate: IsoDate }, today: IsoDate): boolean {
  return action.status === "open" && action.dueDate < today;
}

/**
 * The effectiveness of one action: how often its root cause recurred (cases opened with that root
 * cause) in the {@link EFFECTIVENESS_WINDOW_DAYS} days before it was done and in those after.
 * - `not_applicable`: the action is open or waived (nothing was done to measure);
 * - `pending`: done less than 90 days ago; `before` is final, `afterSoFar` still grows;
 * - `measured`: both windows are over; `reductionPercent` as the KPI defines it (null when `before` is 0).
 * The counting is the KPI's ({@link correctiveActionEffectiveness}), so the case page and the steering
 * dashboard agree.
 */
export type ActionEffectiveness =
  | { readonly state: "not_applicable" }
  | { readonly state: "pending"; readonly before: number; readonly afterSoFar: number; readonly measurableOn: Date }
  | { readonly state: "measured"; readonly before: number; readonly after: number; readonly reductionPercent: number | null };

export function actionEffectiveness(input: {
  readonly status: CorrectiveActionStatus;
  readonly rootCause: string;
  /** When the action was done (null unless done). */
  readonly doneAt: Date | null;
  /** When each other case with this root cause was opened (the action's own case left out). */
  readonly recurrences: readonly Date[];
  readonly asOf: Date;
}): ActionEffectiveness {
  assertInstant(input.asOf, "asOf");
  if (input.status !== "done" || input.doneAt === null) return { state: "not_applicable" };
  assertInstant(input.doneAt, "doneAt");
  const window = EFFECTIVENESS_WINDOW_DAYS * 86_400_000;
  const measurableOn = new Date(input.doneAt.getTime() + window);
  const cases = input.recurrences.map((openedAt) => ({ rootCause: input.rootCause, accountId: "", openedAt }));
  const action = { id: "action", rootCause: input.rootCause, completedAt: input.doneAt };
  // Before the after-window ends, measure "as of" its end, then keep only what has happened by now.
  const measured = correctiveActionEffectiveness({ actions: [action], cases, asOf: measurableOn > input.asOf ? measurableOn : input.asOf, windowDays: EFFECTIVENESS_WINDOW_DAYS });
  const row = measured.actions[0]!;
  const afterSoFar = input.recurrences.filter((at) => at.getTime() >= input.doneAt!.getTime() && at.getTime() <= input.asOf.getTime()).length;
  return effectivenessFromCounts({ doneAt: input.doneAt, before: row.before, after: measurableOn <= input.asOf ? row.after : afterSoFar, asOf: input.asOf });
}

/**
 * The same result from counts made elsewhere (core's SQL): `before` in the 90 days before `doneAt`,
 * `after` from `doneAt` to the end of the 90 days after it or to `asOf`, whichever comes first.
 */
export function effectivenessFromCounts(input: { readonly doneAt: Date; readonly before: number; readonly after: number; readonly asOf: Date }): ActionEffectiveness {
  assertInstant(input.doneAt, "doneAt");
  assertInstant(input.asOf, "asOf");
  const measurableOn = new Date(input.doneAt.getTime() + EFFECTIVENESS_WINDOW_DAYS * 86_400_000);
  if (measurableOn.getTime() > input.asOf.getTime()) return { state: "pending", before: input.before, afterSoFar: input.after, measurableOn };
  const reductionPercent = input.before === 0 ? null : ((input.before - input.after) * 100) / input.before;
  return { state: "measured", before: input.before, after: input.after, reductionPercent };
}
