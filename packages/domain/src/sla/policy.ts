import { domainError, fail, type DomainError } from "../errors/errors";
import { WEEKDAYS, type Weekday } from "../dates/iso-date";
import { compileCalendar, type BusinessCalendar } from "../calendar/calendar";
import { isCaseType, isCustomerTier, isPriority, type CaseType, type CustomerTier, type Priority } from "../lifecycle/statuses";

/**
 * An SLA policy: targets for the cases it matches. A `null` criterion is a
 * wildcard (matches any value).
 */
export interface SlaPolicy {
  readonly id: string;
  readonly priority: Priority | null;
  readonly type: CaseType | null;
  readonly tier: CustomerTier | null;
  /** First-response target, in business minutes (> 0). */
  readonly firstResponseMinutes: number;
  /** Resolution target, in business minutes (> 0). */
  readonly resolutionMinutes: number;
}

export interface SlaCaseProfile {
  readonly priority: Priority;
  readonly type: CaseType;
  readonly tier: CustomerTier;
}

/** Weight of each criterion in the specificity of a policy: priority > type > tier. */
const SPECIFICITY = { priority: 4, type: 2, tier: 1 } as const;

/**
 * The policy that applies to a case: among the policies whose every
 * non-null criterion equals the case's, the most specific one. Specificity
 * weighs a matching priority 4, type 2 and tier 1, so a policy naming the
 * priority beats any policy that does not, then the type decides, then the
 * tier. Two policies with the same criteria: the first in the list wins
 * ({@link validateSlaPolicies} reports such duplicates). Null when none matches.
 */
export function selectSlaPolicy<P extends SlaPolicy>(policies: readonly P[], profile: SlaCaseProfile): P | null {
  let best: P | null = null;
  let bestScore = -1;
  for (const policy of policies) {
    if (!matches(policy, profile)) continue;
    const score = specificity(policy);
    if (score > bestScore) {
      best = policy;
      bestScore = score;
    }
  }
  return best;
}

function matches(policy: SlaPolicy, profile: SlaCaseProfile): boolean {
  return (
    (policy.priority === null || policy.priority === profile.priority) &&
    (policy.type === null || policy.type === profile.type) &&
    (policy.tier === null || policy.tier === profile.tier)
  );
}

function specificity(policy: SlaPolicy): number {
  return (
    (policy.priority === null ? 0 : SPECIFICITY.priority) + (policy.type === null ? 0 : SPECIFICITY.type) + (policy.tier === null ? 0 : SPECIFICITY.tier)
  );
}

/** Every problem of a list of policies (bad criteria, bad targets, duplicate criteria), each naming its field. */
export function validateSlaPolicies(policies: readonly SlaPolicy[]): DomainError[] {
  const errors: DomainError[] = [];
  const seen = new Map<string, number>();
  policies.forEach((policy, index) => {
    const problem = (field: string, reason: string, value?: unknown): void => {
      errors.push(
        domainError("invalid_policy", {
          field: `policies[${index}].${field}`,
          messageKey: `domain.error.invalid_policy.${reason}`,
          params: { reason, ...(value === undefined ? {} : { value: String(value) }) },
        }),
      );
    };
    if (policy.priority !== null && !isPriority(policy.priority)) problem("priority", "unknown_priority", policy.priority);
    if (policy.type !== null && !isCaseType(policy.type)) problem("type", "unknown_type", policy.type);
    if (policy.tier !== null && !isCustomerTier(policy.tier)) problem("tier", "unknown_tier", policy.tier);
    for (const key of ["firstResponseMinutes", "resolutionMinutes"] as const) {
      if (!Number.isSafeInteger(policy[key]) || policy[key] <= 0) problem(key, "not_a_positive_integer", policy[key]);
    }
    const criteria = `${policy.priority}|${policy.type}|${policy.tier}`;
    const first = seen.get(criteria);
    if (first === undefined) seen.set(criteria, index);
    else problem("id", "duplicate_criteria", policies[first]?.id);
  });
  return errors;
}

/**
 * Business minutes of one full working day of a calendar ("1 jour ouvré"):
 * the working time of `weekday` (Monday by default). 480 for the default
 * calendar (09:00–12:30 + 13:30–18:00).
 */
export function workingDayMinutes(calendar: BusinessCalendar, weekday: Weekday = "mon"): number {
  const compiled = compileCalendar(calendar);
  if (!WEEKDAYS.includes(weekday)) fail("invalid_argument", "weekday", { value: String(weekday) });
  return compiled.weekly[weekday].reduce((sum, [start, end]) => sum + end - start, 0);
}
