import type { ForgotPasswordInput } from "@accord/core";
import { forgotPasswordAction } from "@accord/web/auth";
import { getFormProps, useForm } from "@conform-to/react";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import type { Route } from "./+types/forgot-password";
import { APP } from "../.server/app";
import { translator } from "../.server/i18n";
import { env } from "../env.server";

export async function action(args: Route.ActionArgs) {
  return forgotPasswordAction(args, { app: APP, t: translator(args.context), baseUrl: env().PORTAL_URL });
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [form, fields] = useForm<ForgotPasswordInput>({ lastResult: actionData?.result });
  return (
    <div className="card card--narrow">
      <PageHeader title={t("auth.forgotTitle")} description={t("auth.forgotIntro")} />
      {actionData?.sent ? <Alert tone="success">{t("auth.forgotSent")}</Alert> : null}
      {form.errors?.length ? (
        <Alert tone="error" id={form.errorId}>
          {form.errors.join(" ")}
        </Alert>
      ) : null}
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
