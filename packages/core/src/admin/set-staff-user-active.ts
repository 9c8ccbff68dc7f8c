import { staffUsers, type Db } from "@accord/db";
import { invalidateUserSessions, type Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { idSchema } from "./schemas";
import { lockStaff, otherActiveStaffAdmins } from "./staff-input";

/**
 * An admin deactivates a staff member (their sessions end at once; their cases keep their history)
 * or reactivates one. Nobody deactivates themself, and the back-office keeps an active admin.
 */
export async function setStaffUserActive({
  db,
  actor,
  userId,
  active,
  now,
}: {
  db: Db;
  actor: Actor | null;
  userId: string;
  active: boolean;
  now: Date;
}): Promise<{ id: string; name: string; changed: boolean }> {
  const admin = requireStaff(actor, "admin:users");
  const id = idSchema.safeParse(userId);
  if (!id.success) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    await lockStaff(tx);
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id.data)).limit(1);
    if (!user) throw new AppError("not_found");
    if (user.active === active) return { id: user.id, name: user.name, changed: false };
    if (!active) {
      if (user.id === admin.userId) throw new AppError("validation", { messageKey: "admin.staff.errors.cannotDeactivateSelf" });
      if (user.roles.includes("admin") && (await otherActiveStaffAdmins(tx, user.id)) === 0) {
        throw new AppError("conflict", { messageKey: "admin.staff.errors.lastAdmin" });
      }
    }
    await tx.update(staffUsers).set({ active }).where(eq(staffUsers.id, user.id));
    if (!active) await invalidateUserSessions(tx, "staff", user.id);
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: active ? "staff_user_reactivated" : "staff_user_deactivated", payload: { userId: user.id } });
    return { id: user.id, name: user.name, changed: true };
  });
}
