/**
 * The instance's Ed25519 signing key (docs/decisions/0028-probative-archive.md): ACCORD_SIGNING_KEY
 * (a PKCS#8 PEM) when the operator sets it; else one key generated on first use and kept in the
 * `settings` table, so every app, the worker and the CLI of the instance sign with the same key.
 * Its creation is recorded in the administrative chain. Not a use case: callers check access.
 */
import { settings, type DbOrTx, type Tx } from "@accord/db";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { eq } from "drizzle-orm";
import { appendAdminEvent } from "../audit/append-admin-event";
import { SYSTEM } from "../audit/actor-ref";

export const SIGNING_KEY_SETTING = "archive.signing_key";

export interface InstanceSigningKey {
  privateKey: KeyObject;
  /** SPKI PEM: what `openssl pkeyutl -verify -pubin -inkey` reads. */
  publicKeyPem: string;
  /** SHA-256 of the public key's DER (SPKI), hex: a short way to compare keys. */
  fingerprint: string;
  source: "env" | "database";
}

type StoredKey = { privateKeyPem: string; publicKeyPem: string };

function fromPrivatePem(pem: string, source: InstanceSigningKey["source"]): InstanceSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("ACCORD_SIGNING_KEY must be an Ed25519 private key (PEM)");
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: "spki", format: "der" });
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    fingerprint: createHash("sha256").update(der).digest("hex"),
    source,
  };
}

async function storedKey(tx: DbOrTx): Promise<StoredKey | undefined> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, SIGNING_KEY_SETTING));
  return row?.value as StoredKey | undefined;
}

/** The instance's key; generates and stores it the first time (in the caller's transaction when given one). */
export async function instanceSigningKey(tx: Tx, options: { pem?: string | undefined; now: Date }): Promise<InstanceSigningKey> {
  if (options.pem) return fromPrivatePem(options.pem, "env");
  const existing = await storedKey(tx);
  if (existing) return fromPrivatePem(existing.privateKeyPem, "database");
  const pair = generateKeyPairSync("ed25519");
  const value: StoredKey = {
    privateKeyPem: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
  const inserted = await tx.insert(settings).values({ key: SIGNING_KEY_SETTING, value, updatedAt: options.now }).onConflictDoNothing().returning({ key: settings.key });
  if (inserted.length > 0) {
    const key = fromPrivatePem(value.privateKeyPem, "database");
    await appendAdminEvent(tx, {
      actor: SYSTEM,
      at: options.now,
      type: "signing_key_created",
      payload: { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint },
    });
    return key;
  }
  // Another process created it first: use theirs.
  const winner = await storedKey(tx);
  if (!winner) throw new Error("the instance signing key could not be stored");
  return fromPrivatePem(winner.privateKeyPem, "database");
}
