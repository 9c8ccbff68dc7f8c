import { rootCauses, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { found } from "./found";

/** One root cause of the taxonomy (active or not), by its code, for its rename form. */
export async function getRootCause({ db, actor, code }: { db: Db; actor: Actor | null; code: string }) {
  requireStaff(actor, "admin:settings");
  const [cause] = await db.select().from(rootCauses).where(eq(rootCauses.code, code)).limit(1);
  return found(cause);
}
