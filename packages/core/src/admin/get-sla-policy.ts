import { businessCalendars, slaPolicies, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, desc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { idSchema } from "./schemas";

/** One SLA policy, for its edit form, with the calendars it may use (the default one first). */
export async function getSlaPolicy({ db, actor, policyId }: { db: Db; actor: Actor | null; policyId: string }) {
  requireStaff(actor, "admin:sla");
  const id = idSchema.safeParse(policyId);
  if (!id.success) throw new AppError("not_found");
  const [policy] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id.data)).limit(1);
  if (!policy) throw new AppError("not_found");
  const calendars = await db
    .select({ id: businessCalendars.id, name: businessCalendars.name, isDefault: businessCalendars.isDefault })
    .from(businessCalendars)
    .orderBy(desc(businessCalendars.isDefault), asc(businessCalendars.name));
  return { policy, calendars };
}
