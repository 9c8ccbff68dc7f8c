import { staffTeams, staffUsers, teams, type Tx } from "@accord/db";
import { STAFF_ROLES } from "@accord/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { emailSchema } from "../auth/schemas";
import { AppError } from "../errors";
import { idSchema, manyOf, requiredText } from "./schemas";

export const staffProfileSchema = z.object({
  name: requiredText(200),
  roles: manyOf(z.enum(STAFF_ROLES, { error: "validation.invalid" })).refine((roles) => roles.length > 0, "admin.staff.errors.rolesRequired"),
  teamIds: manyOf(idSchema),
  language: z.enum(["fr", "en"], { error: "validation.invalid" }),
});

export const createStaffUserSchema = staffProfileSchema.extend({ email: emailSchema });
export type CreateStaffUserInput = z.output<typeof createStaffUserSchema>;
export type UpdateStaffUserInput = z.output<typeof staffProfileSchema>;

export const teamSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(60, "validation.tooLong")
    .regex(/^[a-z0-9-]+$/, "admin.errors.codeFormat"),
  name: requiredText(120),
});
export type TeamInput = z.output<typeof teamSchema>;
export const renameTeamSchema = teamSchema.pick({ name: true });

/** Serialises staff changes, so two admins cannot each remove the other's admin role. */
export async function lockStaff(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('admin:staff', 0))`);
}

/** Every team id must exist. */
export async function checkTeams(tx: Tx, teamIds: string[]): Promise<string[]> {
  const unique = [...new Set(teamIds)];
  if (unique.length === 0) return unique;
  const found = await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, unique));
  if (found.length !== unique.length) throw new AppError("validation", { fieldErrors: { teamIds: ["admin.staff.errors.unknownTeam"] } });
  return unique;
}

export async function setStaffTeams(tx: Tx, staffId: string, teamIds: string[]): Promise<void> {
  await tx.delete(staffTeams).where(eq(staffTeams.staffId, staffId));
  if (teamIds.length > 0) await tx.insert(staffTeams).values(teamIds.map((teamId) => ({ staffId, teamId })));
}

/** Active admins other than `exceptId`. */
export async function otherActiveStaffAdmins(tx: Tx, exceptId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), sql`'admin' = any(${staffUsers.roles})`, ne(staffUsers.id, exceptId)));
  return row?.n ?? 0;
}
