import { settings } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { lockSettings, optionalWholeNumber, wholeNumber } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/** The `escalation` setting as the migration seeds it. */
export interface EscalationSettings {
  /** Share of a target at which a case turns "warning" (0.8 = 80 %). */
  warningShare: number;
  /** Business days without activity before the assignee is reminded. */
  inactivityBusinessDays: number;
  /** Business days before a customer who has not answered is reminded. */
  customerReminderBusinessDays: number;
  /** Business days of customer silence before a case closes by itself; null = never. */
  autoCloseBusinessDays: number | null;
  /** Business days without a new message after which a resolved case closes (the SLA sweep closes it; until then, an agent). */
  closeResolvedAfterBusinessDays: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = { warningShare: 0.8, inactivityBusinessDays: 3, customerReminderBusinessDays: 5, autoCloseBusinessDays: null, closeResolvedAfterBusinessDays: 10 };

/** The escalation form: the warning as a percentage of the target, the rest in business days. */
export const escalationSettingsSchema = z.object({
  warningPercent: wholeNumber(1, 99),
  inactivityBusinessDays: wholeNumber(1, 60),
  customerReminderBusinessDays: wholeNumber(1, 60),
  autoCloseBusinessDays: optionalWholeNumber(1, 365),
  closeResolvedAfterBusinessDays: wholeNumber(1, 120),
});
export type EscalationSettingsInput = z.output<typeof escalationSettingsSchema>;


/** An admin changes the escalation rules' settings (warning share, reminders, auto-close). */
export async function updateEscalationSettings({ db, actor, input, now }: UseCaseArgs<EscalationSettingsInput>): Promise<EscalationSettings> {
  const admin = requireStaff(actor, "admin:settings");
  const value: EscalationSettings = {
    warningShare: input.warningPercent / 100,
    inactivityBusinessDays: input.inactivityBusinessDays,
    customerReminderBusinessDays: input.customerReminderBusinessDays,
    autoCloseBusinessDays: input.autoCloseBusinessDays,
    closeResolvedAfterBusinessDays: input.closeResolvedAfterBusinessDays,
  };
  await db.transaction(async (tx) => {
    await lockSettings(tx, "escalation");
    const [row] = await tx.select().from(settings).where(eq(settings.key, "escalation")).limit(1);
    await tx.insert(settings).values({ key: "escalation", value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
    // The audit chain's canonical JSON holds integers only: the share is recorded as a percentage.
    const asPayload = ({ warningShare, ...rest }: EscalationSettings) => ({ warningPercent: Math.round(warningShare * 100), ...rest });
    const before = row ? asPayload({ ...DEFAULT_ESCALATION, ...(row.value as Partial<EscalationSettings>) }) : null;
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "escalation_settings_updated", payload: { ...asPayload(value), before } });
  });
  return value;
}
