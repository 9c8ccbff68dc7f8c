import { settings, type Db, type DbOrTx } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { escalationSettingsOf, type EscalationSettings } from "./update-escalation-settings";

/** The current escalation settings (the defaults when none is stored). */
export async function getEscalationSettings({ db, actor }: { db: Db; actor: Actor | null }): Promise<EscalationSettings> {
  requireStaff(actor, "admin:settings");
  return loadEscalationSettings(db);
}

/** The escalation settings for the system (the SLA sweeps, the SLA clock): no actor to check. */
export async function loadEscalationSettings(db: DbOrTx): Promise<EscalationSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "escalation")).limit(1);
  return escalationSettingsOf(row?.value);
}
