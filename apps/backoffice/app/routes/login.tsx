import type { SignInInput } from "@accord/core";
import { signInAction } from "@accord/web/auth";
import { getFormProps, useForm } from "@conform-to/react";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Form, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { APP } from "../.server/app";
import { translator } from "../.server/i18n";

export async function action(args: Route.ActionArgs) {
  return signInAction(args, { app: APP, t: translator(args.context) });
}

export default function Login({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<SignInInput>({ lastResult: actionData?.result });
  return (
    <div className="card card--narrow">
      <PageHeader title={t("auth.loginTitle")} />
      {form.errors?.length ? (
        <Alert tone="error" id={form.errorId}>
          {form.errors.join(" ")}
        </Alert>
      ) : null}
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
        <Field
          name={fields.password.name}
          label={t("auth.password")}
          type="password"
          autoComplete="current-password"
          required
          errors={fields.password.errors}
        />
        <div className="form__actions">
          <Button type="submit">{t("common.signIn")}</Button>
          <a href="/forgot-password">{t("auth.forgotPassword")}</a>
        </div>
      </Form>
    </div>
  );
}
