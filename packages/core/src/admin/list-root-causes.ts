import { rootCauses, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc } from "drizzle-orm";
import { requireStaff } from "../access";

/** The root-cause taxonomy in its order (inactive ones included, for the admin). */
export async function listRootCauses({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:settings");
  return db.select().from(rootCauses).orderBy(asc(rootCauses.position), asc(rootCauses.code));
}
