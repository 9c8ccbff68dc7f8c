import { slaPolicies } from "@accord/db";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { lockSettings } from "./schemas";
import { checkActiveSet, resolveCalendarId, type SlaPolicyInput } from "./sla-policy-input";
import type { UseCaseArgs } from "../use-case";

/** An admin adds an SLA policy; the active set must keep distinct criteria (domain check). */
export async function createSlaPolicy({ db, actor, input, now }: UseCaseArgs<SlaPolicyInput>): Promise<{ id: string }> {
  const staff = requireStaff(actor, "admin:sla");
  const { name, priority, type, tier, firstResponseHours, resolutionHours } = input;

  return db.transaction(async (tx) => {
    await lockSettings(tx, "sla-policies");
    const calendarId = await resolveCalendarId(tx, input.calendarId);
    await checkActiveSet(tx, { id: "new", priority, type, tier, firstResponseMinutes: firstResponseHours, resolutionMinutes: resolutionHours });
    const [row] = await tx
      .insert(slaPolicies)
      .values({ name, priority, type, tier, firstResponseMinutes: firstResponseHours, resolutionMinutes: resolutionHours, calendarId, createdAt: now, updatedAt: now })
      .returning({ id: slaPolicies.id });
    await appendAdminEvent(tx, {
      actor: actorRef(staff),
      at: now,
      type: "sla_policy_created",
      payload: { policyId: row!.id, name, priority, type, tier, firstResponseMinutes: firstResponseHours, resolutionMinutes: resolutionHours, calendarId },
    });
    return { id: row!.id };
  });
}
