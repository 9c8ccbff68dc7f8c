import { settings, type DbOrTx } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";

/**
 * The costs and windows the dashboard's figures are computed with (ADR 0040), stored under the
 * `kpi` settings key and edited by staff admins. Amounts in cents.
 */
export const kpiSettingsSchema = z.object({
  /** Loaded cost of one hour of staff time (cost per dispute). */
  hourlyCostCents: z.number().int().min(0).max(100_000_00),
  /** Average cost of a litigated case (legal costs avoided by each amicable one). */
  litigationCostCents: z.number().int().min(0).max(10_000_000_00),
  /** A customer churned when it has no invoice within this many days after its dispute's resolution. */
  churnWindowDays: z.number().int().min(1).max(730),
  /** Recurrences counted this many days before and after a corrective action. */
  correctiveWindowDays: z.number().int().min(1).max(730),
});

export type KpiSettings = z.output<typeof kpiSettingsSchema>;

export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  hourlyCostCents: 55_00,
  litigationCostCents: 4_500_00,
  churnWindowDays: 90,
  correctiveWindowDays: 90,
};

/** The stored settings merged over the defaults (a missing or damaged value falls back to its default). */
export function kpiSettingsOf(value: unknown): KpiSettings {
  const stored = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const merged = { ...DEFAULT_KPI_SETTINGS };
  for (const key of Object.keys(DEFAULT_KPI_SETTINGS) as (keyof KpiSettings)[]) {
    const field = kpiSettingsSchema.shape[key].safeParse(stored[key]);
    if (field.success) merged[key] = field.data;
  }
  return merged;
}

/** The KPI settings for the dashboard (no actor: the caller checked `kpi:read`). */
export async function loadKpiSettings(db: DbOrTx): Promise<KpiSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "kpi")).limit(1);
  return kpiSettingsOf(row?.value);
}
