import { rootCauses, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { lockSettings } from "./schemas";

/** An admin moves a root cause one place up or down the list (positions renumbered 10, 20, 30…). */
export async function moveRootCause({ db, actor, code, direction, now }: { db: Db; actor: Actor | null; code: string; direction: "up" | "down"; now: Date }): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  await db.transaction(async (tx) => {
    await lockSettings(tx, "root-causes");
    const rows = await tx.select({ code: rootCauses.code }).from(rootCauses).orderBy(asc(rootCauses.position), asc(rootCauses.code));
    const index = rows.findIndex((row) => row.code === code);
    if (index < 0) throw new AppError("not_found");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rows.length) return;
    const order = rows.map((row) => row.code);
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [i, c] of order.entries()) await tx.update(rootCauses).set({ position: (i + 1) * 10 }).where(eq(rootCauses.code, c));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "root_causes_reordered", payload: { moved: code, direction, order } });
  });
}
