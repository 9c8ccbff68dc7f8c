import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "./token";

describe("tokens", () => {
  it("are 32 lower-case base32 characters (160 bits) and never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it("are stored as their hex SHA-256", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashToken(generateToken())).toMatch(/^[0-9a-f]{64}$/);
  });
});
