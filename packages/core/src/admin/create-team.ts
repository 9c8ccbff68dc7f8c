import { teams } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { lockStaff, type TeamInput } from "./staff-input";
import type { UseCaseArgs } from "../use-case";

/** An admin creates a team (a code for routing, a name for people). */
export async function createTeam({ db, actor, input, now }: UseCaseArgs<TeamInput>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:users");
  const { code, name } = input;
  return db.transaction(async (tx) => {
    await lockStaff(tx);
    const [taken] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.code, code)).limit(1);
    if (taken) throw new AppError("validation", { fieldErrors: { code: ["admin.errors.codeTaken"] } });
    const [row] = await tx.insert(teams).values({ code, name, createdAt: now }).returning({ id: teams.id });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "team_created", payload: { teamId: row!.id, code, name } });
    return { id: row!.id };
  });
}
