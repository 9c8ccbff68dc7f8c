import { generateToken, hashToken } from "@accord/auth";

/** A customer API key starts with this; an integration key (staff, imports) with `accord_int_`. */
export const API_KEY_PREFIX = "accord_live_";
export const INTEGRATION_KEY_PREFIX = "accord_int_";
/** How many of the key's first characters are kept to tell keys apart in lists. */
export const DISPLAY_PREFIX_LENGTH = 16;

/**
 * A new secret key: the prefix then 32 base32 characters (160 random bits). The key is returned once,
 * to be shown to its creator; only its hex SHA-256 (what the API compares) and its first characters are stored.
 */
export function newSecretKey(prefix: typeof API_KEY_PREFIX | typeof INTEGRATION_KEY_PREFIX): { key: string; keyHash: string; prefix: string } {
  const key = `${prefix}${generateToken()}`;
  return { key, keyHash: hashToken(key), prefix: key.slice(0, DISPLAY_PREFIX_LENGTH) };
}
