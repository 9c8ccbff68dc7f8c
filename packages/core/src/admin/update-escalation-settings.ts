import { settings } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/** The `escalation` setting: every threshold of the SLA and escalation sweeps (ADR 0032). */
export interface EscalationSettings {
  /** Share of a target at which a case turns "warning" (0.8 = 80 %). */
  warningShare: number;
  /** Business days without activity before the assignee is reminded. */
  inactivityBusinessDays: number;
  /** Business days before a customer who has not answered an evidence request or a proposal is reminded. */
  customerReminderBusinessDays: number;
  /** Business days after the first customer reminder before the second. */
  customerSecondReminderBusinessDays: number;
  /**
   * Business days after the second reminder before an unanswered evidence request closes its case as
   * abandoned; null = nothing happens (the agent decides).
   */
  autoCloseBusinessDays: number | null;
  /** Business days without a new message after which a resolved case closes (the SLA sweep closes it). */
  closeResolvedAfterBusinessDays: number;
  /** Whether customers' contacts are reminded of invoices falling due soon. */
  preDueReminderEnabled: boolean;
  /** Calendar days before the due date at which they are. */
  preDueReminderDays: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = {
  warningShare: 0.8,
  inactivityBusinessDays: 3,
  customerReminderBusinessDays: 5,
  customerSecondReminderBusinessDays: 5,
  autoCloseBusinessDays: null,
  closeResolvedAfterBusinessDays: 10,
  preDueReminderEnabled: true,
  preDueReminderDays: 7,
};

/** The stored setting with the defaults of the fields it predates (values saved before ADR 0032). */
export function escalationSettingsOf(stored: unknown): EscalationSettings {
  return { ...DEFAULT_ESCALATION, ...((stored as Partial<EscalationSettings> | null | undefined) ?? {}) };
}

/**
 * A whole number typed in the form, between `min` and `max`; a negative one has its own message
 * (« un nombre de jours ne peut pas être négatif »). Absent (a caller older than the field): `fallback`.
 */
const days = (min: number, max: number, message = "admin.thresholds.errors.negativeDays") =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .superRefine((value, ctx) => {
      if (!/^-?\d+$/.test(value)) ctx.addIssue({ code: "custom", message: "admin.errors.wholeNumber" });
      else if (Number(value) < 0) ctx.addIssue({ code: "custom", message });
      else if (Number(value) < min || Number(value) > max) ctx.addIssue({ code: "custom", message: "admin.errors.outOfRange" });
    })
    .transform(Number);
const withFallback = <T extends z.ZodType>(schema: T, fallback: string) => z.preprocess((value) => (value === undefined ? fallback : value), schema);

/** The escalation form: the warning as a percentage of the target, the rest in business days. */
export const escalationSettingsSchema = z.object({
  warningPercent: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .superRefine((value, ctx) => {
      if (!/^-?\d+$/.test(value)) ctx.addIssue({ code: "custom", message: "admin.errors.wholeNumber" });
      else if (Number(value) < 1 || Number(value) > 99) ctx.addIssue({ code: "custom", message: "admin.thresholds.errors.warningPercent" });
    })
    .transform(Number),
  inactivityBusinessDays: days(1, 60),
  customerReminderBusinessDays: days(1, 60),
  customerSecondReminderBusinessDays: withFallback(days(1, 60), String(DEFAULT_ESCALATION.customerSecondReminderBusinessDays)),
  // Blank (or absent) = nothing happens after the reminders.
  autoCloseBusinessDays: z
    .preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), days(1, 365).optional())
    .transform((value) => value ?? null),
  closeResolvedAfterBusinessDays: days(1, 120),
  // A choice, not a checkbox: an unchecked box posts nothing, which could not be told from a caller older than the field.
  preDueReminderEnabled: withFallback(z.enum(["on", "off"], { error: "validation.invalid" }), "on").transform((value) => value === "on"),
  preDueReminderDays: withFallback(days(1, 60), String(DEFAULT_ESCALATION.preDueReminderDays)),
});
export type EscalationSettingsInput = z.output<typeof escalationSettingsSchema>;

/** An admin changes the escalation rules' settings (warning share, reminders, auto-close, pre-due reminders). */
export async function updateEscalationSettings({ db, actor, input, now }: UseCaseArgs<EscalationSettingsInput>): Promise<EscalationSettings> {
  const admin = requireStaff(actor, "admin:settings");
  const value: EscalationSettings = {
    warningShare: input.warningPercent / 100,
    inactivityBusinessDays: input.inactivityBusinessDays,
    customerReminderBusinessDays: input.customerReminderBusinessDays,
    customerSecondReminderBusinessDays: input.customerSecondReminderBusinessDays,
    autoCloseBusinessDays: input.autoCloseBusinessDays,
    closeResolvedAfterBusinessDays: input.closeResolvedAfterBusinessDays,
    preDueReminderEnabled: input.preDueReminderEnabled,
    preDueReminderDays: input.preDueReminderDays,
  };
  await db.transaction(async (tx) => {
    await lockSettings(tx, "escalation");
    const [row] = await tx.select().from(settings).where(eq(settings.key, "escalation")).limit(1);
    await tx.insert(settings).values({ key: "escalation", value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
    // The audit chain's canonical JSON holds integers only: the share is recorded as a percentage.
    const asPayload = ({ warningShare, ...rest }: EscalationSettings) => ({ warningPercent: Math.round(warningShare * 100), ...rest });
    const before = row ? asPayload(escalationSettingsOf(row.value)) : null;
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "escalation_settings_updated", payload: { ...asPayload(value), before } });
  });
  return value;
}
