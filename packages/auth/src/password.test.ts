import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";

describe("passwords", () => {
  it("hashes with argon2id at 19 MiB, 2 passes, 1 lane, and verifies", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
  });

  it("salts: the same password hashes differently twice", async () => {
    expect(await hashPassword("accord-demo")).not.toBe(await hashPassword("accord-demo"));
  });

  it("treats an unreadable hash as a wrong password", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });

  it("has a dummy hash with the same parameters, which nobody's password matches", async () => {
    expect(DUMMY_PASSWORD_HASH).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "")).toBe(false);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "accord-demo")).toBe(false);
  });
});
