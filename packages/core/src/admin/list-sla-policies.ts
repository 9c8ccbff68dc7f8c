import { businessCalendars, slaPolicies, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, desc, eq, sql } from "drizzle-orm";
import { requireStaff } from "../access";

/** Every SLA policy (active first, most specific first) and the calendars a policy may use. */
export async function listSlaPolicies({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:sla");
  const policies = await db
    .select({
      id: slaPolicies.id,
      name: slaPolicies.name,
      priority: slaPolicies.priority,
      type: slaPolicies.type,
      tier: slaPolicies.tier,
      firstResponseMinutes: slaPolicies.firstResponseMinutes,
      resolutionMinutes: slaPolicies.resolutionMinutes,
      calendarId: slaPolicies.calendarId,
      calendarName: businessCalendars.name,
      active: slaPolicies.active,
    })
    .from(slaPolicies)
    .innerJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
    .orderBy(desc(slaPolicies.active), sql`${slaPolicies.priority} nulls last`, sql`${slaPolicies.type} nulls last`, sql`${slaPolicies.tier} nulls last`, asc(slaPolicies.name));
  const calendars = await db
    .select({ id: businessCalendars.id, name: businessCalendars.name, isDefault: businessCalendars.isDefault })
    .from(businessCalendars)
    .orderBy(desc(businessCalendars.isDefault), asc(businessCalendars.name));
  return { policies, calendars };
}
