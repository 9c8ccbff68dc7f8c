import { requireStaff } from "../access";
import type { UseCaseArgs } from "../use-case";
import { instanceSigningKey } from "./signing-key";

export interface ArchivePublicKey {
  publicKeyPem: string;
  fingerprint: string;
  source: "env" | "database";
}

/**
 * The instance's public key, for the back-office page that publishes it (any staff member). The key is
 * created on first use, so this page shows the key every later export will be signed with.
 */
export async function getArchivePublicKey({ db, actor, now, signingKeyPem }: UseCaseArgs<object, { signingKeyPem?: string | undefined }>): Promise<ArchivePublicKey> {
  requireStaff(actor);
  const key = await db.transaction((tx) => instanceSigningKey(tx, { pem: signingKeyPem, now }));
  return { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint, source: key.source };
}
