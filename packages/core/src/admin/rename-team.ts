import { teams } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { idSchema } from "./schemas";
import { lockStaff } from "./staff-input";
import type { UseCaseArgs } from "../use-case";

/** An admin renames a team (its code, used for routing, stays). */
export async function renameTeam({ db, actor, teamId, input, now }: UseCaseArgs<{ name?: string }, { teamId: string }>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:users");
  const id = idSchema.safeParse(teamId);
  if (!id.success) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    await lockStaff(tx);
    const [team] = await tx.select().from(teams).where(eq(teams.id, id.data)).limit(1);
    if (!team) throw new AppError("not_found");
    await tx.update(teams).set({ name: input.name }).where(eq(teams.id, team.id));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "team_renamed", payload: { teamId: team.id, name: input.name, before: team.name } });
    return { id: team.id };
  });
}
