import { settings } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { kpiSettingsOf, kpiSettingsSchema, type KpiSettings } from "../kpi/kpi-settings";
import type { UseCaseArgs } from "../use-case";
import { eurosSchema, lockSettings, wholeNumber } from "./schemas";

const { hourlyCostCents, litigationCostCents, churnWindowDays, correctiveWindowDays } = kpiSettingsSchema.shape;

/** Euros as typed ("55", "1 250,50") within the stored value's bounds. */
const euros = (bounds: z.ZodNumber) => eurosSchema.refine((cents) => bounds.safeParse(cents).success, "admin.errors.outOfRange");
/** Days as typed, within the stored value's bounds. */
const days = (bounds: z.ZodNumber) => wholeNumber(bounds.minValue ?? 1, bounds.maxValue ?? 730);

/** The KPI settings form: the two costs in euros (French or English decimals), the two windows in days. */
export const kpiSettingsFormSchema = z.object({
  hourlyCost: euros(hourlyCostCents),
  litigationCost: euros(litigationCostCents),
  churnWindowDays: days(churnWindowDays),
  correctiveWindowDays: days(correctiveWindowDays),
});
export type KpiSettingsFormInput = z.output<typeof kpiSettingsFormSchema>;

/** An admin changes the costs and windows the dashboard computes its gains, churn and corrective figures with. */
export async function updateKpiSettings({ db, actor, input, now }: UseCaseArgs<KpiSettingsFormInput>): Promise<KpiSettings> {
  const admin = requireStaff(actor, "admin:settings");
  const value: KpiSettings = kpiSettingsSchema.parse({
    hourlyCostCents: input.hourlyCost,
    litigationCostCents: input.litigationCost,
    churnWindowDays: input.churnWindowDays,
    correctiveWindowDays: input.correctiveWindowDays,
  });
  await db.transaction(async (tx) => {
    await lockSettings(tx, "kpi");
    const [row] = await tx.select().from(settings).where(eq(settings.key, "kpi")).limit(1);
    await tx.insert(settings).values({ key: "kpi", value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "kpi_settings_updated", payload: { ...value, before: row ? kpiSettingsOf(row.value) : null } });
  });
  return value;
}
