import type { Actor } from "@accord/auth";
import { savedViews, type DbOrTx } from "@accord/db";
import { asc, eq } from "drizzle-orm";
import { requireStaff } from "../access";

export interface QueueView {
  id: string;
  name: string;
  /** The canonical query string, ready for `/?<query>`. */
  query: string;
}

/** The signed-in staff member's saved queue views, by name. */
export async function listQueueViews({ db, actor }: { db: DbOrTx; actor: Actor | null | undefined; now?: Date }): Promise<QueueView[]> {
  const staff = requireStaff(actor, "case:read");
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(eq(savedViews.staffId, staff.userId))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
}
