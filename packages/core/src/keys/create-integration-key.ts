import { integrationKeys } from "@accord/db";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import type { UseCaseArgs } from "../use-case";
import type { CreatedKey } from "./create-api-key";
import type { CreateIntegrationKeyInput } from "./schemas";
import { INTEGRATION_KEY_PREFIX, newSecretKey } from "./secret-key";

/** A staff admin creates a named integration key (the ERP's imports, any account); shown once, audited without the key. */
export async function createIntegrationKey({ db, actor, input, now }: UseCaseArgs<CreateIntegrationKeyInput>): Promise<CreatedKey> {
  const admin = requireStaff(actor, "integration_keys:manage");
  return db.transaction(async (tx) => {
    const secret = newSecretKey(INTEGRATION_KEY_PREFIX);
    const [row] = await tx
      .insert(integrationKeys)
      .values({ name: input.name, prefix: secret.prefix, keyHash: secret.keyHash, scopes: ["imports"], createdById: admin.userId, createdAt: now })
      .returning({ id: integrationKeys.id });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "integration_key_created", payload: { keyId: row!.id, name: input.name, prefix: secret.prefix, scopes: ["imports"] } });
    return { id: row!.id, name: input.name, key: secret.key, prefix: secret.prefix };
  });
}
