import { invalidateUserSessions } from "@accord/auth";
import { staffUsers } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { idSchema } from "./schemas";
import { checkTeams, lockStaff, otherActiveStaffAdmins, setStaffTeams, type UpdateStaffUserInput } from "./staff-input";
import type { UseCaseArgs } from "../use-case";

/**
 * An admin changes a staff member's name, roles, teams and language. The back-office keeps an
 * active admin: the last one cannot lose the role. A change of roles ends the member's sessions (a
 * session never outlives the privileges it was opened with: they sign in again under the new roles).
 */
export async function updateStaffUser({ db, actor, userId, input, now }: UseCaseArgs<UpdateStaffUserInput, { userId: string }>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:users");
  const id = idSchema.safeParse(userId);
  if (!id.success) throw new AppError("not_found");
  const { name, roles, language } = input;

  return db.transaction(async (tx) => {
    await lockStaff(tx);
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id.data)).limit(1);
    if (!user) throw new AppError("not_found");
    const teamIds = await checkTeams(tx, input.teamIds);
    if (user.active && user.roles.includes("admin") && !roles.includes("admin") && (await otherActiveStaffAdmins(tx, user.id)) === 0) {
      throw new AppError("validation", { fieldErrors: { roles: ["admin.staff.errors.lastAdmin"] } });
    }
    await tx.update(staffUsers).set({ name, roles, language }).where(eq(staffUsers.id, user.id));
    await setStaffTeams(tx, user.id, teamIds);
    const rolesChanged = roles.length !== user.roles.length || roles.some((role) => !user.roles.includes(role));
    if (rolesChanged) await invalidateUserSessions(tx, "staff", user.id);
    await appendAdminEvent(tx, {
      actor: actorRef(admin),
      at: now,
      type: "staff_user_updated",
      payload: { userId: user.id, name, roles, teamIds, language, rolesBefore: user.roles },
    });
    return { id: user.id };
  });
}
