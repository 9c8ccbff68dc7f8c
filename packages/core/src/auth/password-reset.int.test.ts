import { createSession, validateSession } from "@accord/auth";
import { emailMessages, passwordResetTokens } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer, createStaff, FIXTURE_PASSWORD, parseRefusal, rejection, workerJobs } from "../testing/fixtures";
import { checkResetToken } from "./check-reset-token";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { signIn } from "./sign-in";
import { parseInput } from "../errors";
import { forgotPasswordSchema, resetPasswordSchema, signInSchema } from "./schemas";

const t = useTestDb();

const now = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const baseUrl = "http://localhost:3000/";
const NEW_PASSWORD = "a brand new passphrase";

async function emailsTo(address: string) {
  const rows = await t.db.select().from(emailMessages);
  return rows.filter((row) => row.to.includes(address));
}

/** Requests a reset and returns the token from the queued e-mail's link, as the user would click it. */
async function requestToken(email: string, app: "portal" | "backoffice" = "portal", at = now) {
  await requestPasswordReset({ db: t.db, input: parseInput(forgotPasswordSchema, { email }), app, baseUrl, now: at });
  const rows = await emailsTo(email);
  const resetUrl = (rows.at(-1)?.props as { resetUrl: string }).resetUrl;
  return new URL(resetUrl).searchParams.get("token")!;
}

describe("requestPasswordReset", () => {
  it("queues exactly one password-reset e-mail and its delivery job, in the user's language", async () => {
    const user = await createCustomer(t.db, { language: "en", name: "Claire Dupont" });
    const jobsBefore = (await workerJobs(t.sql)).length;
    await requestPasswordReset({ db: t.db, input: parseInput(forgotPasswordSchema, { email: user.email.toUpperCase() }), app: "portal", baseUrl, now });

    const rows = await emailsTo(user.email);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      template: "password-reset",
      language: "en",
      subject: "Reset your Accord password",
      state: "queued",
      to: [user.email],
      queuedAt: now,
    });
    expect((row.props as { resetUrl: string }).resetUrl).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=[a-z2-7]{32}$/);
    expect(row.props).toMatchObject({ name: "Claire Dupont" });

    const jobs = await workerJobs(t.sql);
    expect(jobs).toHaveLength(jobsBefore + 1);
    expect(jobs.at(-1)).toMatchObject({
      task_identifier: "send_email",
      key: `email:${row.id}`,
      payload: { emailId: row.id },
      max_attempts: 10,
    });
  });

  it("queues nothing for an unknown e-mail, and resolves the same way", async () => {
    const rowsBefore = (await t.db.select().from(emailMessages)).length;
    const jobsBefore = (await workerJobs(t.sql)).length;
    await expect(
      requestPasswordReset({ db: t.db, input: parseInput(forgotPasswordSchema, { email: "nobody@fixture.example" }), app: "portal", baseUrl, now }),
    ).resolves.toBeUndefined();
    expect(await t.db.select().from(emailMessages)).toHaveLength(rowsBefore);
    expect(await workerJobs(t.sql)).toHaveLength(jobsBefore);
  });

  it("queues nothing for a staff e-mail on the portal", async () => {
    const staff = await createStaff(t.db);
    await requestPasswordReset({ db: t.db, input: parseInput(forgotPasswordSchema, { email: staff.email }), app: "portal", baseUrl, now });
    expect(await emailsTo(staff.email)).toEqual([]);
  });

  it("stops sending after 3 requests in 15 minutes", async () => {
    const user = await createCustomer(t.db);
    for (let i = 0; i < 5; i++) {
      await requestPasswordReset({ db: t.db, input: parseInput(forgotPasswordSchema, { email: user.email }), app: "portal", baseUrl, now: minutes(i) });
    }
    expect(await emailsTo(user.email)).toHaveLength(3);
  });

  it("rejects a malformed e-mail with a field error", async () => {
    expect(
      parseRefusal(forgotPasswordSchema, { email: "nope" }),
    ).toMatchObject({ code: "validation", fieldErrors: { email: ["validation.email"] } });
  });
});

describe("resetPassword", () => {
  it("sets the new password once, ends every session, and the link then stops working", async () => {
    const user = await createCustomer(t.db);
    const other = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const token = await requestToken(user.email);
    expect(await checkResetToken({ db: t.db, token, app: "portal", now: minutes(5) })).toBe("valid");

    const result = await resetPassword({
      db: t.db,
      input: parseInput(resetPasswordSchema, { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
      app: "portal",
      now: minutes(5),
    });
    expect(result).toEqual({ email: user.email });
    expect(await validateSession(t.db, other.token, "customer", minutes(5))).toBeNull();

    const signInAt = (password: string) =>
      signIn({ db: t.db, input: parseInput(signInSchema, { email: user.email, password }), app: "portal", ip: "203.0.113.9", userAgent: null, now: minutes(6) });
    await expect(signInAt(NEW_PASSWORD)).resolves.toHaveProperty("token");
    expect(await rejection(signInAt(FIXTURE_PASSWORD))).toMatchObject({ messageKey: "auth.invalidCredentials" });

    expect(await checkResetToken({ db: t.db, token, app: "portal", now: minutes(7) })).toBe("invalid");
    expect(
      await rejection(
        resetPassword({ db: t.db, input: parseInput(resetPasswordSchema, { token, password: "yet another passphrase", confirm: "yet another passphrase" }), app: "portal", now: minutes(7) }),
      ),
    ).toMatchObject({ code: "token_invalid" });
  });

  it("says an expired link is expired", async () => {
    const user = await createCustomer(t.db);
    const token = await requestToken(user.email);
    expect(await checkResetToken({ db: t.db, token, app: "portal", now: minutes(60) })).toBe("expired");
    expect(
      await rejection(resetPassword({ db: t.db, input: parseInput(resetPasswordSchema, { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }), app: "portal", now: minutes(61) })),
    ).toMatchObject({ code: "token_expired", messageKey: "auth.resetTokenExpired" });
    expect(await checkResetToken({ db: t.db, token, app: "portal", now: minutes(59) })).toBe("valid");
  });

  it("refuses an unknown token, and a portal token on the back-office", async () => {
    const user = await createCustomer(t.db);
    const token = await requestToken(user.email);
    expect(await checkResetToken({ db: t.db, token: "a".repeat(32), app: "portal", now })).toBe("invalid");
    expect(await checkResetToken({ db: t.db, token: "", app: "portal", now })).toBe("invalid");
    expect(await checkResetToken({ db: t.db, token, app: "backoffice", now })).toBe("invalid");
    expect(
      await rejection(resetPassword({ db: t.db, input: parseInput(resetPasswordSchema, { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }), app: "backoffice", now })),
    ).toMatchObject({ code: "token_invalid" });
  });

  it("reports a short or mismatched password per field and keeps the link usable", async () => {
    const user = await createCustomer(t.db);
    const token = await requestToken(user.email);
    expect(
      parseRefusal(resetPasswordSchema, { token, password: "short", confirm: "short" }),
    ).toMatchObject({ code: "validation", fieldErrors: { password: ["validation.passwordTooShort"] } });
    expect(
      parseRefusal(resetPasswordSchema, { token, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }),
    ).toMatchObject({ code: "validation", fieldErrors: { confirm: ["validation.passwordMismatch"] } });
    expect(await checkResetToken({ db: t.db, token, app: "portal", now })).toBe("valid");
  });

  it("voids the user's other pending reset links", async () => {
    const user = await createCustomer(t.db);
    const first = await requestToken(user.email);
    const second = await requestToken(user.email, "portal", minutes(1));
    await resetPassword({ db: t.db, input: parseInput(resetPasswordSchema, { token: second, password: NEW_PASSWORD, confirm: NEW_PASSWORD }), app: "portal", now: minutes(2) });
    expect(await checkResetToken({ db: t.db, token: first, app: "portal", now: minutes(3) })).toBe("invalid");
    const rows = await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows.every((row) => row.usedAt !== null)).toBe(true);
  });

  it("works for staff on the back-office", async () => {
    const staff = await createStaff(t.db);
    const token = await requestToken(staff.email, "backoffice");
    await resetPassword({ db: t.db, input: parseInput(resetPasswordSchema, { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }), app: "backoffice", now });
    await expect(
      signIn({ db: t.db, input: parseInput(signInSchema, { email: staff.email, password: NEW_PASSWORD }), app: "backoffice", ip: "203.0.113.10", userAgent: null, now }),
    ).resolves.toHaveProperty("token");
  });
});
