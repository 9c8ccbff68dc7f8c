import { staffTeams, staffUsers, teams, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { found, idOrNotFound } from "./found";

/** One staff member with their team ids, for their edit form, and the teams they may join. */
export async function getStaffUser({ db, actor, userId }: { db: Db; actor: Actor | null; userId: string }) {
  requireStaff(actor, "admin:users");
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, roles: staffUsers.roles, language: staffUsers.language, active: staffUsers.active })
    .from(staffUsers)
    .where(eq(staffUsers.id, idOrNotFound(userId)))
    .limit(1);
  const user = found(row);
  const memberships = await db.select({ teamId: staffTeams.teamId }).from(staffTeams).where(eq(staffTeams.staffId, user.id));
  const allTeams = await db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
  return { user: { ...user, teamIds: memberships.map((m) => m.teamId) }, teams: allTeams };
}
