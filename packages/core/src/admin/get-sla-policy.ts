import { businessCalendars, slaPolicies, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, desc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { found, idOrNotFound } from "./found";

/** One SLA policy, for its edit form, with the calendars it may use (the default one first). */
export async function getSlaPolicy({ db, actor, policyId }: { db: Db; actor: Actor | null; policyId: string }) {
  requireStaff(actor, "admin:sla");
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, idOrNotFound(policyId))).limit(1);
  const policy = found(row);
  const calendars = await db
    .select({ id: businessCalendars.id, name: businessCalendars.name, isDefault: businessCalendars.isDefault })
    .from(businessCalendars)
    .orderBy(desc(businessCalendars.isDefault), asc(businessCalendars.name));
  return { policy, calendars };
}
