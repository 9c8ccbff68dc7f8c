import { businessCalendars, slaPolicies, type Tx } from "@accord/db";
import { CASE_TYPES, CUSTOMER_TIERS, PRIORITIES, validateSlaPolicies, type SlaPolicy } from "@accord/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../errors";
import { businessHoursSchema, idSchema, optionalChoice, requiredText } from "./schemas";

/** The SLA policy form (create and edit): criteria (empty = any) and targets in business hours. */
export const slaPolicySchema = z.object({
  name: requiredText(120),
  priority: optionalChoice(PRIORITIES),
  type: optionalChoice(CASE_TYPES),
  tier: optionalChoice(CUSTOMER_TIERS),
  firstResponseHours: businessHoursSchema,
  resolutionHours: businessHoursSchema,
  calendarId: z
    .union([z.literal(""), idSchema])
    .optional()
    .transform((value) => (value ? value : null)),
});
export type SlaPolicyInput = z.output<typeof slaPolicySchema>;
export type SlaPolicyValues = z.output<typeof slaPolicySchema>;

/** The calendar a policy uses: the chosen one, else the default calendar. */
export async function resolveCalendarId(tx: Tx, calendarId: string | null): Promise<string> {
  const [calendar] = await tx
    .select({ id: businessCalendars.id })
    .from(businessCalendars)
    .where(calendarId ? eq(businessCalendars.id, calendarId) : eq(businessCalendars.isDefault, true))
    .limit(1);
  if (!calendar) throw new AppError("validation", { fieldErrors: { calendarId: ["admin.sla.errors.unknownCalendar"] } });
  return calendar.id;
}

/**
 * The active set after the change must pass the domain's check (no two policies with the same
 * criteria, positive targets). `candidate` replaces the policy with its id, or is added.
 */
export async function checkActiveSet(tx: Tx, candidate: SlaPolicy): Promise<void> {
  const active = await tx
    .select({
      id: slaPolicies.id,
      priority: slaPolicies.priority,
      type: slaPolicies.type,
      tier: slaPolicies.tier,
      firstResponseMinutes: slaPolicies.firstResponseMinutes,
      resolutionMinutes: slaPolicies.resolutionMinutes,
    })
    .from(slaPolicies)
    .where(eq(slaPolicies.active, true));
  // The candidate last: a duplicate is reported on it, not on the policy already there.
  const set: SlaPolicy[] = [...active.filter((p) => p.id !== candidate.id), candidate];
  const candidateIndex = set.length - 1;
  const fieldErrors: Record<string, string[]> = {};
  for (const error of validateSlaPolicies(set)) {
    const match = /^policies\[(\d+)\]\.(\w+)$/.exec(error.field ?? "");
    if (!match || Number(match[1]) !== candidateIndex) continue;
    const reason = String(error.params.reason ?? "invalid");
    const field =
      reason === "duplicate_criteria" ? "priority" : match[2] === "firstResponseMinutes" ? "firstResponseHours" : match[2] === "resolutionMinutes" ? "resolutionHours" : match[2]!;
    (fieldErrors[field] ??= []).push(`admin.sla.errors.${reason}`);
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("validation", { fieldErrors });
}
