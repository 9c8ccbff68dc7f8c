import { businessCalendars, slaPolicies, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, desc, sql } from "drizzle-orm";
import { requireStaff } from "../access";
import { qualified } from "../qualified-column";

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
      policies: sql<number>`(select count(*)::int from ${slaPolicies} where ${slaPolicies.calendarId} = ${qualified(businessCalendars.id)} and ${slaPolicies.active})`,
    })
    .from(businessCalendars)
    .orderBy(desc(businessCalendars.isDefault), asc(businessCalendars.name));
}
