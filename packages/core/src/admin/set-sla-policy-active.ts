import { slaPolicies, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { idSchema, lockSettings } from "./schemas";
import { checkActiveSet } from "./sla-policy-input";

/**
 * An admin deactivates an SLA policy (cases keep the deadlines already computed; new cases
 * fall back on a less specific policy), or reactivates it if its criteria are still free.
 */
export async function setSlaPolicyActive({
  db,
  actor,
  policyId,
  active,
  now,
}: {
  db: Db;
  actor: Actor | null;
  policyId: string;
  active: boolean;
  now: Date;
}): Promise<{ id: string; changed: boolean }> {
  const staff = requireStaff(actor, "admin:sla");
  const id = idSchema.safeParse(policyId);
  if (!id.success) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    await lockSettings(tx, "sla-policies");
    const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, id.data)).limit(1);
    if (!policy) throw new AppError("not_found");
    if (policy.active === active) return { id: policy.id, changed: false };
    if (active) {
      try {
        await checkActiveSet(tx, policy);
      } catch (error) {
        if (error instanceof AppError) throw new AppError("conflict", { messageKey: "admin.sla.errors.duplicate_criteria" });
        throw error;
      }
    }
    await tx.update(slaPolicies).set({ active, updatedAt: now }).where(eq(slaPolicies.id, policy.id));
    await appendAdminEvent(tx, { actor: actorRef(staff), at: now, type: active ? "sla_policy_reactivated" : "sla_policy_deactivated", payload: { policyId: policy.id } });
    return { id: policy.id, changed: true };
  });
}
