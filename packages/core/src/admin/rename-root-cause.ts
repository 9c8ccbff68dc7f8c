import { rootCauses } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { findRootCause, type RootCauseLabelsInput } from "./root-cause-input";
import { lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/** An admin renames a root cause (French and English) or changes its category; its code stays. */
export async function renameRootCause({ db, actor, code, input, now }: UseCaseArgs<RootCauseLabelsInput, { code: string }>): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  await db.transaction(async (tx) => {
    await lockSettings(tx, "root-causes");
    const row = await findRootCause(tx, code);
    await tx.update(rootCauses).set(input).where(eq(rootCauses.code, row.code));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "root_cause_renamed", payload: { code: row.code, ...input, before: { labelFr: row.labelFr, labelEn: row.labelEn } } });
  });
}
