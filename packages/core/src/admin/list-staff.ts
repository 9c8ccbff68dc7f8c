import { staffTeams, staffUsers, teams, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, desc, sql } from "drizzle-orm";
import { requireStaff } from "../access";

/** Staff members (active first) with their team ids, and the teams with their member counts. */
export async function listStaff({ db, actor }: { db: Db; actor: Actor | null }) {
  const admin = requireStaff(actor, "admin:users");
  const users = await db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      roles: staffUsers.roles,
      language: staffUsers.language,
      active: staffUsers.active,
      teamIds: sql<string[]>`coalesce((select array_agg(${staffTeams.teamId}::text) from ${staffTeams} where ${staffTeams.staffId} = ${staffUsers.id}), '{}')`,
    })
    .from(staffUsers)
    .orderBy(desc(staffUsers.active), asc(staffUsers.name));
  const teamRows = await db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      members: sql<number>`(select count(*)::int from ${staffTeams} where ${staffTeams.teamId} = ${teams.id})`,
    })
    .from(teams)
    .orderBy(asc(teams.name));
  return { users: users.map((user) => ({ ...user, isSelf: user.id === admin.userId })), teams: teamRows };
}
