import { priceIndexValues, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, desc } from "drizzle-orm";
import { requireStaff } from "../access";

/** The published index values, by index and most recent month first. */
export async function listPriceIndexValues({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:settings");
  return db.select().from(priceIndexValues).orderBy(asc(priceIndexValues.indexCode), desc(priceIndexValues.month));
}
