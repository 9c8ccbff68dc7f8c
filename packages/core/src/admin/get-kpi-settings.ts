import type { Actor } from "@accord/auth";
import type { DbOrTx } from "@accord/db";
import { requireStaff } from "../access";
import { loadKpiSettings, type KpiSettings } from "../kpi/kpi-settings";

/** The dashboard's costs and windows for the admin form (the defaults when none is stored). */
export async function getKpiSettings({ db, actor }: { db: DbOrTx; actor: Actor | null | undefined; now?: Date }): Promise<KpiSettings> {
  requireStaff(actor, "admin:settings");
  return loadKpiSettings(db);
}
