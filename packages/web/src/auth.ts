/**
 * The server side of the sign-in pages, the same in both apps: each app's route module calls these
 * from its `loader` / `action` (so React Router keeps them out of the client bundle) and keeps its page.
 */
import { isSecureRequest, sessionCookie, type AppName } from "@accord/auth";
import {
  checkResetToken,
  forgotPasswordSchema,
  PASSWORD_MIN_LENGTH,
  requestPasswordReset,
  resetPassword,
  resetPasswordSchema,
  signIn,
  signInSchema,
  signOut,
  type ResetTokenState,
} from "@accord/core";
import { data, redirect, type RouterContextProvider } from "react-router";
import { dbContext } from "./db";
import { describeError } from "./errors";
import { flashCookie } from "./flash";
import { parseForm } from "./forms";
import { languageCookie, type Translate } from "./i18n";
import { clientContext, safeRedirect } from "./request";

interface RouteArgs {
  request: Request;
  context: Readonly<RouterContextProvider>;
}

/** POST /login: signs in, sets the session and language cookies, and goes back where the user was going. */
export async function signInAction({ request, context }: RouteArgs, { app, t }: { app: AppName; t: Translate }) {
  const formData = await request.formData();
  const submission = parseForm(formData, signInSchema, t);
  // The password is never sent back to the page.
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });

  try {
    const { email, password } = submission.value;
    const session = await signIn({
      db: context.get(dbContext),
      input: { email, password },
      app,
      ip: context.get(clientContext).ip,
      userAgent: request.headers.get("user-agent"),
      now: new Date(),
    });
    const secure = isSecureRequest(request);
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(app).serialize(session.token, session.expiresAt, { secure }));
    // From now on the pages speak the user's stored language.
    headers.append("Set-Cookie", languageCookie(session.language, { secure }));
    return redirect(safeRedirect(formData.get("redirectTo")), { headers });
  } catch (error) {
    const failure = describeError(error, t);
    return data(
      { result: submission.reply({ formErrors: [failure.message], fieldErrors: failure.fieldErrors, hideFields: ["password"] }) },
      { status: failure.status },
    );
  }
}

/** POST /logout: ends the session and clears its cookie. */
export async function signOutAction({ request, context }: RouteArgs, { app }: { app: AppName }) {
  const cookie = sessionCookie(app);
  const token = cookie.read(request);
  if (token) await signOut({ db: context.get(dbContext), token });
  return redirect("/login", { headers: { "Set-Cookie": cookie.clear({ secure: isSecureRequest(request) }) } });
}

/** POST /forgot-password: e-mails a reset link whose base is `baseUrl` (this app's public URL). */
export async function forgotPasswordAction(
  { request, context }: RouteArgs,
  { app, t, baseUrl }: { app: AppName; t: Translate; baseUrl: string },
) {
  const submission = parseForm(await request.formData(), forgotPasswordSchema, t);
  if (submission.status !== "success") return data({ sent: false, result: submission.reply() }, { status: 400 });
  try {
    await requestPasswordReset({ db: context.get(dbContext), input: { email: submission.value.email }, app, baseUrl, now: new Date() });
  } catch (error) {
    const failure = describeError(error, t);
    return data({ sent: false, result: submission.reply({ formErrors: [failure.message], fieldErrors: failure.fieldErrors }) }, { status: failure.status });
  }
  // The same answer whether or not an account exists: nothing to learn here.
  return { sent: true, result: submission.reply({ resetForm: true }) };
}

/** GET /reset-password?token=…: whether the link still works (the token goes to the page only when it does). */
export async function resetPasswordLoader({ request, context }: RouteArgs, { app }: { app: AppName }) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const state = await checkResetToken({ db: context.get(dbContext), token, app, now: new Date() });
  return { state, token: state === "valid" ? token : "", minLength: PASSWORD_MIN_LENGTH };
}

/** POST /reset-password: sets the new password, then to /login with a flash message. */
export async function resetPasswordAction({ request, context }: RouteArgs, { app, t }: { app: AppName; t: Translate }) {
  const submission = parseForm(await request.formData(), resetPasswordSchema, t);
  if (submission.status !== "success") {
    return data({ state: null, result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  }
  try {
    await resetPassword({ db: context.get(dbContext), input: submission.value, app, now: new Date() });
  } catch (error) {
    const failure = describeError(error, t);
    const state: ResetTokenState | null =
      failure.code === "token_expired" ? "expired" : failure.code === "token_invalid" ? "invalid" : null;
    return data(
      {
        state,
        result: submission.reply({ formErrors: [failure.message], fieldErrors: failure.fieldErrors, hideFields: ["password", "confirm"] }),
      },
      { status: failure.status },
    );
  }
  return redirect("/login", { headers: { "Set-Cookie": flashCookie("auth.passwordChanged", { secure: isSecureRequest(request) }) } });
}
