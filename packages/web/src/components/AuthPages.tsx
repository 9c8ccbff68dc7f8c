/**
 * The sign-in pages both apps serve the same way (/login, /forgot-password, /reset-password): their
 * actions and loader are in @accord/web/auth; each app's route file keeps its own route types and
 * renders one of these with its loader and action data.
 */
import type { ForgotPasswordInput, ResetPasswordInput, SignInInput } from "@accord/core";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form, useSearchParams } from "react-router";

type Result = SubmissionResult<string[]> | undefined;

function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <Alert tone="error" id={id}>
      {errors.join(" ")}
    </Alert>
  ) : null;
}

/** /login: e-mail and password; back where the visitor was going (`redirectTo`). */
export function LoginPage({ actionData }: { actionData?: { result?: Result } | undefined }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<SignInInput>({ lastResult: actionData?.result });
  return (
    <div className="card card--narrow">
      <PageHeader title={t("auth.loginTitle")} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          key={fields.email.key}
          name={fields.email.name}
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : ""}
          errors={fields.email.errors}
        />
        <Field name={fields.password.name} label={t("auth.password")} type="password" autoComplete="current-password" required errors={fields.password.errors} />
        <div className="form__actions">
          <Button type="submit">{t("common.signIn")}</Button>
          <a href="/forgot-password">{t("auth.forgotPassword")}</a>
        </div>
      </Form>
    </div>
  );
}

/** /forgot-password: the same answer whether the address is known or not. */
export function ForgotPasswordPage({ actionData }: { actionData?: { sent?: boolean; result?: Result } | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<ForgotPasswordInput>({ lastResult: actionData?.result });
  return (
    <div className="card card--narrow">
      <PageHeader title={t("auth.forgotTitle")} description={t("auth.forgotIntro")} />
      {actionData?.sent ? <Alert tone="success">{t("auth.forgotSent")}</Alert> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <Field
          key={fields.email.key}
          name={fields.email.name}
          label={t("auth.email")}
          type="email"
          autoComplete="email"
          required
          defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : ""}
          errors={fields.email.errors}
        />
        <div className="form__actions">
          <Button type="submit">{t("auth.forgotSubmit")}</Button>
          <a href="/login">{t("auth.backToLogin")}</a>
        </div>
      </Form>
    </div>
  );
}

/** /reset-password?token=…: a new password twice, or why the link no longer works. */
export function ResetPasswordPage({
  loaderData,
  actionData,
}: {
  loaderData: { state: string; token: string; minLength: number };
  actionData?: { state?: string | null; result?: Result } | undefined;
}) {
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
      <FormErrors id={form.errorId} errors={form.errors} />
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
        <Field name={fields.confirm.name} label={t("auth.confirmPassword")} type="password" autoComplete="new-password" required errors={fields.confirm.errors} />
        <div className="form__actions">
          <Button type="submit">{t("auth.resetSubmit")}</Button>
        </div>
      </Form>
    </div>
  );
}
