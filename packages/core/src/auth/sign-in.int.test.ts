import { validateSession } from "@accord/auth";
import { signInAttempts } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createCustomer, createStaff, FIXTURE_PASSWORD, parseRefusal, rejection } from "../testing/fixtures";
import { signIn } from "./sign-in";
import { parseInput } from "../errors";
import { signInSchema } from "./schemas";

const t = useTestDb();

const now = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

const attempt = (
  email: string,
  password: string,
  options: { app?: "portal" | "backoffice"; ip?: string; at?: Date } = {},
) =>
  signIn({
    db: t.db,
    input: parseInput(signInSchema, { email, password }),
    app: options.app ?? "portal",
    ip: options.ip ?? freshIp(),
    userAgent: "vitest",
    now: options.at ?? now,
  });

describe("signIn", () => {
  it("opens a 30-day session for a customer on the portal, in the user's language", async () => {
    const user = await createCustomer(t.db, { language: "en" });
    const result = await attempt(` ${user.email.toUpperCase()} `, FIXTURE_PASSWORD);
    expect(result.language).toBe("en");
    expect(result.expiresAt).toEqual(new Date(now.getTime() + 30 * 24 * 3600 * 1000));
    const session = await validateSession(t.db, result.token, "customer", now);
    expect(session?.user.id).toBe(user.id);
  });

  it("opens a session for staff on the back-office", async () => {
    const staff = await createStaff(t.db);
    const result = await attempt(staff.email, FIXTURE_PASSWORD, { app: "backoffice" });
    expect((await validateSession(t.db, result.token, "staff", now))?.user.id).toBe(staff.id);
  });

  it("answers a wrong password and an unknown e-mail with the same message", async () => {
    const user = await createCustomer(t.db);
    const wrong = await rejection(attempt(user.email, "not the password"));
    const unknown = await rejection(attempt("nobody@fixture.example", FIXTURE_PASSWORD));
    for (const error of [wrong, unknown]) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "validation", messageKey: "auth.invalidCredentials", fieldErrors: undefined });
    }
  });

  it("refuses a customer on the back-office and staff on the portal, with the same message", async () => {
    const customer = await createCustomer(t.db);
    const staff = await createStaff(t.db);
    expect(await rejection(attempt(customer.email, FIXTURE_PASSWORD, { app: "backoffice" }))).toMatchObject({
      code: "validation",
      messageKey: "auth.invalidCredentials",
    });
    expect(await rejection(attempt(staff.email, FIXTURE_PASSWORD, { app: "portal" }))).toMatchObject({
      code: "validation",
      messageKey: "auth.invalidCredentials",
    });
  });

  it("refuses an inactive user, with the same message", async () => {
    const user = await createCustomer(t.db, { active: false });
    expect(await rejection(attempt(user.email, FIXTURE_PASSWORD))).toMatchObject({ messageKey: "auth.invalidCredentials" });
  });

  it("reports malformed input per field, as message keys", async () => {
    const error = parseRefusal(signInSchema, { email: "not-an-email", password: "" });
    expect(error).toMatchObject({
      code: "validation",
      fieldErrors: { email: ["validation.email"], password: ["validation.required"] },
    });
  });

  it("locks an e-mail for 15 minutes after 5 failures, even with the right password, and records each failure", async () => {
    const user = await createCustomer(t.db);
    for (let i = 0; i < 5; i++) await rejection(attempt(user.email, "wrong", { at: minutes(i) }));
    expect(await t.db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email))).toHaveLength(5);

    // The oldest failure (minute 0) leaves the window at minute 15: at 4.5 that is 10.5 minutes away → 11.
    const locked = await rejection(attempt(user.email, FIXTURE_PASSWORD, { at: minutes(4.5) }));
    expect(locked).toMatchObject({ code: "rate_limited", messageKey: "auth.rateLimited", params: { minutes: 11 } });

    // Once the oldest failure is out of the window, the right password works again.
    await expect(attempt(user.email, FIXTURE_PASSWORD, { at: minutes(15) })).resolves.toHaveProperty("token");
  });

  it("does not lock an e-mail at 4 failures, and a success clears its count", async () => {
    const user = await createCustomer(t.db);
    for (let i = 0; i < 4; i++) await rejection(attempt(user.email, "wrong", { at: minutes(i) }));
    await attempt(user.email, FIXTURE_PASSWORD, { at: minutes(5) });
    for (let i = 0; i < 4; i++) await rejection(attempt(user.email, "wrong", { at: minutes(6 + i) }));
    await expect(attempt(user.email, FIXTURE_PASSWORD, { at: minutes(10) })).resolves.toHaveProperty("token");
  });

  it("locks an IP after 20 failures within 15 minutes, whatever the e-mail", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < 20; i++) await rejection(attempt(`guess-${i}@fixture.example`, "wrong", { ip, at: minutes(i / 4) }));
    const user = await createCustomer(t.db);
    expect(await rejection(attempt(user.email, FIXTURE_PASSWORD, { ip, at: minutes(5) }))).toMatchObject({
      code: "rate_limited",
      params: { minutes: 10 },
    });
    await expect(attempt(user.email, FIXTURE_PASSWORD, { ip: freshIp(), at: minutes(5) })).resolves.toHaveProperty("token");
  });
});
