import { isSecureRequest } from "@accord/auth";
import { checkResetToken, PASSWORD_MIN_LENGTH, resetPassword, resetPasswordSchema, type ResetPasswordInput, type ResetTokenState } from "@accord/core";
import { getFormProps, useForm } from "@conform-to/react";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/reset-password";
import { APP } from "../.server/app";
import { dbContext } from "../.server/db";
import { describeError } from "../.server/errors";
import { flashCookie } from "../.server/flash";
import { parseForm } from "../.server/forms";
import { translator } from "../.server/i18n";

// The token is in the URL: never leak it to another site through Referer.
export const headers: Route.HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const state = await checkResetToken({ db: context.get(dbContext), token, app: APP, now: new Date() });
  return { state, token: state === "valid" ? token : "", minLength: PASSWORD_MIN_LENGTH };
}

export async function action({ request, context }: Route.ActionArgs) {
  const t = translator(context);
  const submission = parseForm(await request.formData(), resetPasswordSchema, t);
  if (submission.status !== "success") {
    return data({ state: null, result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  }
  try {
    await resetPassword({ db: context.get(dbContext), input: submission.value, app: APP, now: new Date() });
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

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [form, fields] = useForm<ResetPasswordInput>({ lastResult: actionData?.result });
  const state = actionData?.state ?? loaderData.state;

  if (state !== "valid") {
    return (
      <div className="card card--narrow">
        <PageHeader title={t("auth.resetTitle")} />
        <Alert tone="error">{t(state === "expired" ? "auth.tokenExpired" : "auth.tokenInvalid")}</Alert>
        <p>
          <a href="/forgot-password">{t("auth.resetAskAgain")}</a>
        </p>
      </div>
    );
  }

  return (
    <div className="card card--narrow">
      <PageHeader title={t("auth.resetTitle")} />
      {form.errors?.length ? (
        <Alert tone="error" id={form.errorId}>
          {form.errors.join(" ")}
        </Alert>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="token" value={loaderData.token} />
        <Field
          name={fields.password.name}
          label={t("auth.newPassword")}
          hint={t("auth.passwordHint", { min: loaderData.minLength })}
          type="password"
          autoComplete="new-password"
          minLength={loaderData.minLength}
          required
          errors={fields.password.errors}
        />
        <Field
          name={fields.confirm.name}
          label={t("auth.confirmPassword")}
          type="password"
          autoComplete="new-password"
          required
          errors={fields.confirm.errors}
        />
        <div className="form__actions">
          <Button type="submit">{t("auth.resetSubmit")}</Button>
        </div>
      </Form>
    </div>
  );
}
