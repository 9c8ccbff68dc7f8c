import { businessCalendars, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";

/** One calendar, for its edit form. */
export async function getCalendar({ db, actor, calendarId }: { db: Db; actor: Actor | null; calendarId: string }) {
  requireStaff(actor, "admin:sla");
  if (!/^[0-9a-f-]{36}$/i.test(calendarId)) return null;
  const [calendar] = await db.select().from(businessCalendars).where(eq(businessCalendars.id, calendarId)).limit(1);
  return calendar ?? null;
}
