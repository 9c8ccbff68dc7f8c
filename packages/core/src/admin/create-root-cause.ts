import { rootCauses } from "@accord/db";
import { eq, sql } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { RootCauseInput } from "./root-cause-input";
import { lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/** An admin adds a root cause at the end of the list. */
export async function createRootCause({ db, actor, input, now }: UseCaseArgs<RootCauseInput>): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  const values = input;
  await db.transaction(async (tx) => {
    await lockSettings(tx, "root-causes");
    const [taken] = await tx.select({ code: rootCauses.code }).from(rootCauses).where(eq(rootCauses.code, values.code)).limit(1);
    if (taken) throw new AppError("validation", { fieldErrors: { code: ["admin.errors.codeTaken"] } });
    const [last] = await tx.select({ max: sql<number>`coalesce(max(${rootCauses.position}), 0)::int` }).from(rootCauses);
    await tx.insert(rootCauses).values({ ...values, position: (last?.max ?? 0) + 10, createdAt: now });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "root_cause_created", payload: values });
  });
}
