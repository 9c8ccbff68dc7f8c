import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane). `algorithm` is left
 * to the library default (argon2id): its `Algorithm` is an ambient const enum,
 * which isolated modules cannot read.
 */
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a hash that cannot be read alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A valid argon2id hash (same parameters) of a random password that was thrown
 * away: verifying against it when the user does not exist costs the same time
 * as a real check, so timing does not tell which e-mails have an account.
 */
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$IrweriQvdyw6SsVcHay7eQ$kolvoTAXDdI3+1tfAgMb7XA4dX/eTFtvXZSkZfm3rEU";
