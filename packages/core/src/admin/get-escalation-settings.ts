import { settings, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { DEFAULT_ESCALATION, type EscalationSettings } from "./update-escalation-settings";

/** The current escalation settings (the defaults when none is stored). */
export async function getEscalationSettings({ db, actor }: { db: Db; actor: Actor | null }): Promise<EscalationSettings> {
  requireStaff(actor, "admin:settings");
  const [row] = await db.select().from(settings).where(eq(settings.key, "escalation")).limit(1);
  return { ...DEFAULT_ESCALATION, ...((row?.value as Partial<EscalationSettings> | undefined) ?? {}) };
}
