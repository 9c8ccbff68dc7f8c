import { rootCauses, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { findRootCause } from "./root-cause-input";
import { lockSettings } from "./schemas";

/** An admin deactivates a root cause (cases keep the code they have) or reactivates it. */
export async function setRootCauseActive({ db, actor, code, active, now }: { db: Db; actor: Actor | null; code: string; active: boolean; now: Date }): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  await db.transaction(async (tx) => {
    await lockSettings(tx, "root-causes");
    const row = await findRootCause(tx, code);
    if (row.active === active) return;
    await tx.update(rootCauses).set({ active }).where(eq(rootCauses.code, row.code));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: active ? "root_cause_reactivated" : "root_cause_deactivated", payload: { code: row.code } });
  });
}
