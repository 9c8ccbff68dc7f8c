import type { ResetPasswordInput } from "@accord/core";
import { resetPasswordAction, resetPasswordLoader } from "@accord/web/auth";
import { getFormProps, useForm } from "@conform-to/react";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import type { Route } from "./+types/reset-password";
import { APP } from "../.server/app";
import { translator } from "../.server/i18n";

// The token is in the URL: never leak it to another site through Referer.
export const headers: Route.HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export async function loader(args: Route.LoaderArgs) {
  return resetPasswordLoader(args, { app: APP });
}

export async function action(args: Route.ActionArgs) {
  return resetPasswordAction(args, { app: APP, t: translator(args.context) });
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
