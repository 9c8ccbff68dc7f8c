import { forgotPasswordSchema, requestPasswordReset, type ForgotPasswordInput } from "@accord/core";
import { getFormProps, useForm } from "@conform-to/react";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { data, Form } from "react-router";
import type { Route } from "./+types/forgot-password";
import { APP } from "../.server/app";
import { dbContext } from "../.server/db";
import { describeError } from "../.server/errors";
import { parseForm } from "../.server/forms";
import { translator } from "../.server/i18n";
import { env } from "../env.server";

export async function action({ request, context }: Route.ActionArgs) {
  const t = translator(context);
  const submission = parseForm(await request.formData(), forgotPasswordSchema, t);
  if (submission.status !== "success") return data({ sent: false, result: submission.reply() }, { status: 400 });
  try {
    await requestPasswordReset({
      db: context.get(dbContext),
      input: { email: submission.value.email },
      app: APP,
      baseUrl: env().PORTAL_URL,
      now: new Date(),
    });
  } catch (error) {
    const failure = describeError(error, t);
    return data({ sent: false, result: submission.reply({ formErrors: [failure.message], fieldErrors: failure.fieldErrors }) }, { status: failure.status });
  }
  // The same answer whether or not an account exists: nothing to learn here.
  return { sent: true, result: submission.reply({ resetForm: true }) };
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
