import { createSession, validateSession } from "@accord/auth";
import { useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../testing/fixtures";
import { signOut } from "./sign-out";

const t = useTestDb();

const now = new Date("2026-03-02T09:00:00Z");

describe("signOut", () => {
  it("ends this session only", async () => {
    const user = await createCustomer(t.db);
    const mine = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const elsewhere = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    await signOut({ db: t.db, token: mine.token });
    expect(await validateSession(t.db, mine.token, "customer", now)).toBeNull();
    expect(await validateSession(t.db, elsewhere.token, "customer", now)).not.toBeNull();
  });

  it("does nothing without a token", async () => {
    await expect(signOut({ db: t.db, token: null })).resolves.toBeUndefined();
  });
});
