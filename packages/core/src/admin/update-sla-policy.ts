import { slaPolicies } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { idSchema, lockSettings } from "./schemas";
import { checkActiveSet, resolveCalendarId, type SlaPolicyInput } from "./sla-policy-input";
import type { UseCaseArgs } from "../use-case";

/** An admin edits an SLA policy (an inactive one is checked against the active set when reactivated). */
export async function updateSlaPolicy({ db, actor, policyId, input, now }: UseCaseArgs<SlaPolicyInput, { policyId: string }>): Promise<{ id: string }> {
  const staff = requireStaff(actor, "admin:sla");
  const id = idSchema.safeParse(policyId);
  if (!id.success) throw new AppError("not_found");
  const { name, priority, type, tier, firstResponseHours, resolutionHours } = input;

  return db.transaction(async (tx) => {
    await lockSettings(tx, "sla-policies");
    const [existing] = await tx.select({ id: slaPolicies.id, active: slaPolicies.active }).from(slaPolicies).where(eq(slaPolicies.id, id.data)).limit(1);
    if (!existing) throw new AppError("not_found");
    const calendarId = await resolveCalendarId(tx, input.calendarId);
    if (existing.active) {
      await checkActiveSet(tx, { id: existing.id, priority, type, tier, firstResponseMinutes: firstResponseHours, resolutionMinutes: resolutionHours });
    }
    await tx
      .update(slaPolicies)
      .set({ name, priority, type, tier, firstResponseMinutes: firstResponseHours, resolutionMinutes: resolutionHours, calendarId, updatedAt: now })
      .where(eq(slaPolicies.id, existing.id));
    await appendAdminEvent(tx, {
      actor: actorRef(staff),
      at: now,
      type: "sla_policy_updated",
      payload: { policyId: existing.id, name, priority, type, tier, firstResponseMinutes: firstResponseHours, resolutionMinutes: resolutionHours, calendarId },
    });
    return { id: existing.id };
  });
}
