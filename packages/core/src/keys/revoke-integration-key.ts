import { integrationKeys } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import type { KeyTargetInput } from "./schemas";
import { rowId } from "./scope";

/** A staff admin revokes an integration key (it stays listed with its date); revoking it again changes nothing. */
export async function revokeIntegrationKey({ db, actor, input, now }: UseCaseArgs<KeyTargetInput>): Promise<{ id: string; name: string; revoked: boolean }> {
  const admin = requireStaff(actor, "integration_keys:manage");
  return db.transaction(async (tx) => {
    const [key] = await tx
      .select({ id: integrationKeys.id, name: integrationKeys.name, prefix: integrationKeys.prefix, revokedAt: integrationKeys.revokedAt })
      .from(integrationKeys)
      .where(eq(integrationKeys.id, rowId(input.keyId)))
      .for("update")
      .limit(1);
    if (!key) throw new AppError("not_found");
    if (key.revokedAt) return { id: key.id, name: key.name, revoked: false };
    await tx.update(integrationKeys).set({ revokedAt: now }).where(eq(integrationKeys.id, key.id));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "integration_key_revoked", payload: { keyId: key.id, name: key.name, prefix: key.prefix } });
    return { id: key.id, name: key.name, revoked: true };
  });
}
