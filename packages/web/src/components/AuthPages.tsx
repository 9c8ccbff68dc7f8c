/**
 * The sign-in pages both apps serve the same way (/login, /forgot-password, /reset-password): their
 * actions and loader are in @accord/web/auth; each app's route file keeps its own route types and
 * renders one of these with its loader and action data.
 */
import type { ForgotPasswordInput, ResetPasswordInput, SignInInput } from "@accord/core";
import { Alert } from "@accord/ui";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form, useSearchParams } from "react-router";
import { BoundField, DeadLink, FormErrors, NarrowCard, NewPasswordFields, PasswordField, SubmitRow } from "./FormFields";

type Result = SubmissionResult<string[]> | undefined;

/** /login: e-mail and password; back where the visitor was going (`redirectTo`). */
export function LoginPage({ actionData }: { actionData?: { result?: Result } | undefined }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<SignInInput>({ lastResult: actionData?.result });
  return (
    <NarrowCard title={t("auth.loginTitle")}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <BoundField field={fields.email} label={t("auth.email")} type="email" autoComplete="username" required />
        <PasswordField field={fields.password} label={t("auth.password")} autoComplete="current-password" />
        <SubmitRow label={t("common.signIn")}>
          <a href="/forgot-password">{t("auth.forgotPassword")}</a>
        </SubmitRow>
      </Form>
    </NarrowCard>
  );
}

/** /forgot-password: the same answer whether the address is known or not. */
export function ForgotPasswordPage({ actionData }: { actionData?: { sent?: boolean; result?: Result } | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<ForgotPasswordInput>({ lastResult: actionData?.result });
  return (
    <NarrowCard title={t("auth.forgotTitle")} description={t("auth.forgotIntro")}>
      {actionData?.sent ? <Alert tone="success">{t("auth.forgotSent")}</Alert> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <BoundField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" required />
        <SubmitRow label={t("auth.forgotSubmit")}>
          <a href="/login">{t("auth.backToLogin")}</a>
        </SubmitRow>
      </Form>
    </NarrowCard>
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
      <DeadLink title={t("auth.resetTitle")} message={t(state === "expired" ? "auth.tokenExpired" : "auth.tokenInvalid")}>
        <p>
          <a href="/forgot-password">{t("auth.resetAskAgain")}</a>
        </p>
      </DeadLink>
    );
  }

  return (
    <NarrowCard title={t("auth.resetTitle")}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="token" value={loaderData.token} />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} minLength={loaderData.minLength} labels={{ password: t("auth.newPassword"), confirm: t("auth.confirmPassword") }} />
        <SubmitRow label={t("auth.resetSubmit")} />
      </Form>
    </NarrowCard>
  );
}
