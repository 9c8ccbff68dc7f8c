import { createSession, validateSession } from "@accord/auth";
import { adminEvents, customerUsers } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "../auth/sign-in";
import { AppError } from "../errors";
import { createCustomer, createStaff, customerActor, FIXTURE_PASSWORD, parseRefusal, rejection, staffActor } from "../testing/fixtures";
import { changePassword } from "./change-password";
import { customerWantsEmail } from "./customer-wants-email";
import { getProfile } from "./get-profile";
import { updateEmailPreferences } from "./update-email-preferences";
import { updateProfile } from "./update-profile";
import { parseInput } from "../errors";
import { signInSchema } from "../auth/schemas";
import { changePasswordSchema } from "./change-password";
import { updateEmailPreferencesSchema } from "./update-email-preferences";
import { updateProfileSchema } from "./update-profile";

const t = useTestDb();

const now = new Date("2026-11-25T10:00:00Z");
const NEW_PASSWORD = "another long passphrase";

async function lastAdminEvent() {
  const [row] = await t.db.select().from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
  return row!;
}

describe("updateProfile", () => {
  it("sets a viewer's own name and language, recorded with what changed", async () => {
    const user = await createCustomer(t.db, { role: "viewer", name: "Chloé Compta", language: "fr" });
    const actor = await customerActor(t.db, user.id);
    expect(await updateProfile({ db: t.db, actor, input: parseInput(updateProfileSchema, { name: " Chloé C. ", language: "en" }), now })).toEqual({ name: "Chloé C.", language: "en" });
    const [row] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, user.id));
    expect(row).toMatchObject({ name: "Chloé C.", language: "en" });
    expect(await lastAdminEvent()).toMatchObject({
      type: "customer_profile_updated",
      actorId: user.id,
      payload: { userId: user.id, changes: { name: { from: "Chloé Compta", to: "Chloé C." }, language: { from: "fr", to: "en" } } },
    });
  });

  it("refuses an empty name and an unknown language, field by field", async () => {
    const error = parseRefusal(updateProfileSchema, { name: "", language: "de" as never });
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual({ name: ["validation.required"], language: ["profile.errors.languageInvalid"] });
  });

  it("is for customers only", async () => {
    const staff = await staffActor(t.db, (await createStaff(t.db)).id);
    expect((await rejection(updateProfile({ db: t.db, actor: staff, input: parseInput(updateProfileSchema, { name: "X", language: "fr" }), now })) as AppError).code).toBe("forbidden");
  });
});

describe("changePassword", () => {
  it("checks the current password, then signs out every other session and keeps this one", async () => {
    const user = await createCustomer(t.db);
    const actor = await customerActor(t.db, user.id);
    const current = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const elsewhere = await createSession(t.db, { userKind: "customer", userId: user.id }, now);

    await changePassword({
      db: t.db,
      actor,
      input: parseInput(changePasswordSchema, { currentPassword: FIXTURE_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
      sessionToken: current.token,
      now,
    });
    expect(await validateSession(t.db, current.token, "customer", now)).not.toBeNull();
    expect(await validateSession(t.db, elsewhere.token, "customer", now)).toBeNull();
    const signedIn = await signIn({ db: t.db, input: parseInput(signInSchema, { email: user.email, password: NEW_PASSWORD }), app: "portal", ip: null, userAgent: null, now });
    expect(signedIn.token).toBeTruthy();
    const old = await rejection(signIn({ db: t.db, input: parseInput(signInSchema, { email: user.email, password: FIXTURE_PASSWORD }), app: "portal", ip: null, userAgent: null, now }));
    expect((old as AppError).messageKey).toBe("auth.invalidCredentials");
    const event = await lastAdminEvent();
    expect(event).toMatchObject({ type: "customer_password_changed", actorId: user.id });
    expect(JSON.stringify(event.payload)).not.toContain(NEW_PASSWORD);
  });

  it("refuses a wrong current password on its field and changes nothing", async () => {
    const user = await createCustomer(t.db);
    const error = await rejection(
      changePassword({
        db: t.db,
        actor: await customerActor(t.db, user.id),
        input: parseInput(changePasswordSchema, { currentPassword: "wrong password!", password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
        sessionToken: null,
        now,
      }),
    );
    expect((error as AppError).fieldErrors).toEqual({ currentPassword: ["profile.errors.currentPasswordWrong"] });
    const signedIn = await signIn({ db: t.db, input: parseInput(signInSchema, { email: user.email, password: FIXTURE_PASSWORD }), app: "portal", ip: null, userAgent: null, now });
    expect(signedIn.token).toBeTruthy();
  });

  it("applies the new-password rules", async () => {
    const error = parseRefusal(changePasswordSchema, { currentPassword: FIXTURE_PASSWORD, password: "short", confirm: "different" });
    expect((error as AppError).fieldErrors).toEqual({ password: ["validation.passwordTooShort"], confirm: ["validation.passwordMismatch"] });
  });
});

describe("email preferences", () => {
  it("starts with everything on, mandatory kinds marked", async () => {
    const user = await createCustomer(t.db);
    const profile = await getProfile({ db: t.db, actor: await customerActor(t.db, user.id) });
    expect(profile.emailPreferences.every((p) => p.enabled)).toBe(true);
    expect(profile.emailPreferences.find((p) => p.kind === "resolution")).toEqual({ kind: "resolution", mandatory: true, enabled: true });
    expect(profile.emailPreferences.find((p) => p.kind === "new_reply")).toEqual({ kind: "new_reply", mandatory: false, enabled: true });
  });

  it("turns an optional kind off (unticked box) and keeps the mandatory ones on", async () => {
    const user = await createCustomer(t.db, { role: "viewer" });
    const actor = await customerActor(t.db, user.id);
    const stored = await updateEmailPreferences({ db: t.db, actor, input: parseInput(updateEmailPreferencesSchema, { reminder: "on", proposal_accepted: "on" }), now });
    expect(stored).toEqual({ new_reply: false, reminder: true, proposal_accepted: true, proactive_notice: false });
    const profile = await getProfile({ db: t.db, actor });
    expect(profile.emailPreferences.filter((p) => !p.enabled).map((p) => p.kind)).toEqual(["new_reply", "proactive_notice"]);
    expect(await lastAdminEvent()).toMatchObject({ type: "customer_email_preferences_updated", payload: { to: { new_reply: false } } });
  });

  it("refuses to turn a mandatory kind off, on its field, and writes nothing", async () => {
    const user = await createCustomer(t.db);
    const error = parseRefusal(updateEmailPreferencesSchema, { resolution: "false", new_reply: "on" });
    expect((error as AppError).code).toBe("validation");
    expect((error as AppError).fieldErrors).toEqual({ resolution: ["profile.errors.emailMandatory"] });
    const [row] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, user.id));
    expect(row!.emailPreferences).toEqual({});
  });
});

describe("customerWantsEmail", () => {
  it("follows the stored preference for an optional kind, always sends a mandatory one, nothing to an inactive user", async () => {
    const user = await createCustomer(t.db);
    const actor = await customerActor(t.db, user.id);
    expect(await customerWantsEmail(t.db, user.id, "new_reply")).toBe(true);
    await updateEmailPreferences({ db: t.db, actor, input: parseInput(updateEmailPreferencesSchema, { reminder: "on" }), now });
    expect(await customerWantsEmail(t.db, user.id, "new_reply")).toBe(false);
    expect(await customerWantsEmail(t.db, user.id, "reminder")).toBe(true);
    expect(await customerWantsEmail(t.db, user.id, "resolution")).toBe(true);
    const inactive = await createCustomer(t.db, { active: false });
    expect(await customerWantsEmail(t.db, inactive.id, "resolution")).toBe(false);
  });
});
