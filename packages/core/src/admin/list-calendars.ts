import { businessCalendars, slaPolicies, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, desc, eq, sql } from "drizzle-orm";
import { requireStaff } from "../access";

/** The business calendars, the default first, with how many active SLA policies use each. */
export async function listCalendars({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:sla");
  return db
    .select({
      id: businessCalendars.id,
      code: businessCalendars.code,
      name: businessCalendars.name,
      definition: businessCalendars.definition,
      isDefault: businessCalendars.isDefault,
      policies: sql<number>`(select count(*)::int from ${slaPolicies} where ${slaPolicies.calendarId} = ${businessCalendars.id} and ${slaPolicies.active})`,
    })
    .from(businessCalendars)
    .orderBy(desc(businessCalendars.isDefault), asc(businessCalendars.name));
}

/** One calendar, for its edit form. */
export async function getCalendar({ db, actor, calendarId }: { db: Db; actor: Actor | null; calendarId: string }) {
  requireStaff(actor, "admin:sla");
  if (!/^[0-9a-f-]{36}$/i.test(calendarId)) return null;
  const [calendar] = await db.select().from(businessCalendars).where(eq(businessCalendars.id, calendarId)).limit(1);
  return calendar ?? null;
}
