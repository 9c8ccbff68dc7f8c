import { isSecureRequest, sessionCookie } from "@accord/auth";
import { signIn, signInSchema, type SignInInput } from "@accord/core";
import { getFormProps, useForm } from "@conform-to/react";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { APP } from "../.server/app";
import { dbContext } from "../.server/db";
import { describeError } from "../.server/errors";
import { parseForm } from "../.server/forms";
import { languageCookie, translator } from "../.server/i18n";
import { clientContext, safeRedirect } from "../.server/request";

export async function action({ request, context }: Route.ActionArgs) {
  const t = translator(context);
  const formData = await request.formData();
  const submission = parseForm(formData, signInSchema, t);
  // The password is never sent back to the page.
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });

  try {
    const { email, password } = submission.value;
    const session = await signIn({
      db: context.get(dbContext),
      input: { email, password },
      app: APP,
      ip: context.get(clientContext).ip,
      userAgent: request.headers.get("user-agent"),
      now: new Date(),
    });
    const secure = isSecureRequest(request);
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(APP).serialize(session.token, session.expiresAt, { secure }));
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
