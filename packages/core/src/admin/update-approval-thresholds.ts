import { settings } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { eurosSchema, lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/** Approval thresholds in euros: above the first a supervisor approves, above the second finance too. */
export const approvalThresholdsSchema = z
  .object({ supervisorAbove: eurosSchema, financeAbove: eurosSchema })
  .refine((value) => value.supervisorAbove < value.financeAbove, { path: ["financeAbove"], message: "admin.thresholds.errors.order" });
export type ApprovalThresholdsInput = z.output<typeof approvalThresholdsSchema>;

/** The `approval_thresholds` setting: the default thresholds, and per-kind overrides kept as they are. */
export type StoredApprovalThresholds = { default: { supervisorAboveCents: number; financeAboveCents: number } } & Record<string, unknown>;


/** An admin changes the default approval thresholds (per-kind overrides, if any, are kept). */
export async function updateApprovalThresholds({ db, actor, input, now }: UseCaseArgs<ApprovalThresholdsInput>): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  const next = { supervisorAboveCents: input.supervisorAbove, financeAboveCents: input.financeAbove };
  await db.transaction(async (tx) => {
    await lockSettings(tx, "approval_thresholds");
    const [row] = await tx.select().from(settings).where(eq(settings.key, "approval_thresholds")).limit(1);
    const previous = (row?.value as StoredApprovalThresholds | undefined) ?? null;
    const value = { ...(previous ?? {}), default: next };
    await tx
      .insert(settings)
      .values({ key: "approval_thresholds", value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "approval_thresholds_updated", payload: { ...next, before: previous?.default ?? null } });
  });
}
