import {
  changeCustomerUserRole,
  changeCustomerUserRoleSchema,
  customerUserTargetSchema,
  inviteCustomerUser,
  inviteCustomerUserSchema,
  listCompanyUsers,
  parseInput,
  reactivateCustomerUser,
  revokeInvitation,
  type InviteCustomerUserInput,
  NAME_MAX_LENGTH,
} from "@accord/core";
import { isSecureRequest } from "@accord/auth";
import { Alert, Button, DataTable, EmptyState, Field, formatDateTime, PageHeader } from "@accord/ui";
import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/company";
import { requireCustomer } from "../.server/actor";
import { dbContext } from "../.server/db";
import { describeError, throwAsResponse } from "../.server/errors";
import { flashCookie, type FlashKey } from "../.server/flash";
import { parseForm } from "../.server/forms";
import { translator } from "../.server/i18n";
import { env } from "../env.server";

const ROLES = ["admin", "member", "viewer"] as const;

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireCustomer(args);
  try {
    const list = await listCompanyUsers({ db: args.context.get(dbContext), actor, now: new Date() });
    return {
      nameMaxLength: NAME_MAX_LENGTH,
      canManage: list.canManage,
      users: list.users,
      invitations: list.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() })),
    };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

function done(request: Request, key: FlashKey) {
  return redirect("/company", { headers: { "Set-Cookie": flashCookie(key, { secure: isSecureRequest(request) }) } });
}

/** One form per action, told apart by `intent`: invite, role, reactivate, revoke (deactivation has its confirmation page). */
export async function action(args: Route.ActionArgs) {
  const { request, context } = args;
  const actor = await requireCustomer(args);
  const t = translator(context);
  const db = context.get(dbContext);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const now = new Date();

  if (intent === "invite") {
    const submission = parseForm(formData, inviteCustomerUserSchema, t);
    if (submission.status !== "success") return data({ intent, result: submission.reply(), error: null }, { status: 400 });
    try {
      await inviteCustomerUser({ db, actor, input: submission.value, portalUrl: env().PORTAL_URL, now });
    } catch (error) {
      const failure = describeError(error, t);
      if (failure.code === "forbidden" || failure.code === "not_found") throw data(null, { status: 404 });
      return data(
        { intent, result: submission.reply({ formErrors: Object.keys(failure.fieldErrors).length ? [] : [failure.message], fieldErrors: failure.fieldErrors }), error: null },
        { status: failure.status },
      );
    }
    return done(request, "company.flash.invited");
  }

  try {
    // Parsed here, once (an unknown role is a translated error).
    const userId = formData.get("userId");
    if (intent === "role") {
      await changeCustomerUserRole({ db, actor, input: parseInput(changeCustomerUserRoleSchema, { userId, role: formData.get("role") }), now });
      return done(request, "company.flash.roleChanged");
    }
    if (intent === "reactivate") {
      await reactivateCustomerUser({ db, actor, input: parseInput(customerUserTargetSchema, { userId }), now });
      return done(request, "company.flash.reactivated");
    }
    if (intent === "revoke") {
      await revokeInvitation({ db, actor, input: { email: String(formData.get("email") ?? "") }, now });
      return done(request, "company.flash.invitationRevoked");
    }
  } catch (error) {
    const failure = describeError(error, t);
    // Another company's user, or an action this user may not take: nothing here for them.
    if (failure.code === "forbidden" || failure.code === "not_found") throw data(null, { status: 404 });
    // `attempt` tells this refusal from the previous one: the refused row's select is drawn again with the role it keeps
    return data(
      { intent, result: null, error: { message: failure.message, userId: String(formData.get("userId") ?? ""), attempt: crypto.randomUUID() } },
      { status: failure.status },
    );
  }
  throw data(null, { status: 404 });
}

export default function Company({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { canManage, users, invitations } = loaderData;
  const [form, fields] = useForm<InviteCustomerUserInput>({
    id: "invite",
    lastResult: actionData?.intent === "invite" ? actionData.result : undefined,
  });
  const actionError = actionData?.error ?? null;

  return (
    <>
      <PageHeader eyebrow={t("company.nav")} title={t("company.title")} description={canManage ? undefined : t("company.readOnlyNotice")} />
      {actionError ? <Alert tone="error">{actionError.message}</Alert> : null}
      <DataTable
        caption={t("company.title")}
        rows={users}
        rowKey={(user) => user.id}
        empty={<EmptyState title={t("company.title")} />}
        columns={[
          {
            key: "name",
            header: t("company.columns.name"),
            rowHeader: true,
            cell: (user) => (
              <>
                {user.name} {user.isSelf ? <span className="muted">{t("company.you")}</span> : null}
              </>
            ),
          },
          ...(canManage ? [{ key: "email", header: t("company.columns.email"), cell: (user: (typeof users)[number]) => user.email }] : []),
          {
            key: "role",
            header: t("company.columns.role"),
            cell: (user) =>
              canManage && user.active ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={user.id} />
                  <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                    {t("company.changeRoleLabel", { name: user.name })}
                  </label>
                  <select
                    key={actionError?.userId === user.id ? `${user.role}:${actionError.attempt}` : user.role}
                    id={`role-${user.id}`}
                    name="role"
                    defaultValue={user.role}
                    className="field__input field__input--inline"
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`company.roles.${role}`)}
                      </option>
                    ))}
                  </select>{" "}
                  <Button type="submit" variant="secondary" aria-label={`${t("company.changeRole")} – ${user.name}`}>
                    {t("company.changeRole")}
                  </Button>
                </Form>
              ) : (
                t(`company.roles.${user.role}`)
              ),
          },
          { key: "status", header: t("company.columns.status"), cell: (user) => t(user.active ? "company.status.active" : "company.status.inactive") },
          ...(canManage
            ? [
                {
                  key: "actions",
                  header: t("company.columns.actions"),
                  cell: (user: (typeof users)[number]) =>
                    user.isSelf ? null : user.active ? (
                      <a className="button button--danger" href={`/company/users/${user.id}/deactivate`} aria-label={t("company.deactivateLabel", { name: user.name })}>
                        {t("company.deactivate")}
                      </a>
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="reactivate" />
                        <input type="hidden" name="userId" value={user.id} />
                        <Button type="submit" variant="secondary" aria-label={t("company.reactivateLabel", { name: user.name })}>
                          {t("company.reactivate")}
                        </Button>
                      </Form>
                    ),
                },
              ]
            : []),
        ]}
      />

      {canManage ? (
        <>
          <section aria-labelledby="invitations-title" className="stack">
            <h2 id="invitations-title">{t("company.invitations.title")}</h2>
            <DataTable
              caption={t("company.invitations.caption")}
              rows={invitations}
              rowKey={(invitation) => invitation.email}
              empty={<p className="muted">{t("company.invitations.empty")}</p>}
              columns={[
                { key: "email", header: t("company.columns.email"), rowHeader: true, cell: (i) => i.email },
                { key: "name", header: t("company.columns.name"), cell: (i) => i.name ?? "" },
                { key: "role", header: t("company.columns.role"), cell: (i) => t(`company.roles.${i.role}`) },
                { key: "by", header: t("company.invitations.invitedBy"), cell: (i) => i.invitedByName ?? "" },
                { key: "expires", header: t("company.invitations.expiresAt"), cell: (i) => formatDateTime(i.expiresAt, i18n.language) },
                {
                  key: "actions",
                  header: t("company.columns.actions"),
                  cell: (i) => (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="email" value={i.email} />
                      <Button type="submit" variant="secondary" aria-label={t("company.invitations.revokeLabel", { email: i.email })}>
                        {t("company.invitations.revoke")}
                      </Button>
                    </Form>
                  ),
                },
              ]}
            />
          </section>

          <section aria-labelledby="invite-title" className="card">
            <h2 id="invite-title">{t("company.invite.title")}</h2>
            <p>{t("company.invite.description")}</p>
            {form.errors?.length ? (
              <Alert tone="error" id={form.errorId}>
                {form.errors.join(" ")}
              </Alert>
            ) : null}
            <Form method="post" className="form" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="invite" />
              <Field
                key={fields.email.key}
                name={fields.email.name}
                label={t("company.invite.email")}
                type="email"
                autoComplete="off"
                required
                defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : ""}
                errors={fields.email.errors}
              />
              <Field
                key={fields.name.key}
                name={fields.name.name}
                label={t("company.invite.name")}
                autoComplete="off"
                required
                maxLength={loaderData.nameMaxLength}
                defaultValue={typeof fields.name.initialValue === "string" ? fields.name.initialValue : ""}
                errors={fields.name.errors}
              />
              <fieldset className="field" aria-describedby={fields.role.errors?.length ? "invite-role-error" : undefined}>
                <legend className="field__label">{t("company.invite.role")}</legend>
                {ROLES.map((role) => (
                  <div key={role} className="choice">
                    <input
                      type="radio"
                      id={`invite-role-${role}`}
                      name={fields.role.name}
                      value={role}
                      defaultChecked={(typeof fields.role.initialValue === "string" ? fields.role.initialValue : "member") === role}
                    />{" "}
                    <label htmlFor={`invite-role-${role}`}>
                      {t(`company.roles.${role}`)} <span className="muted">— {t(`company.roleHints.${role}`)}</span>
                    </label>
                  </div>
                ))}
                {fields.role.errors?.length ? (
                  <p className="field__error" id="invite-role-error">
                    {fields.role.errors.join(" ")}
                  </p>
                ) : null}
              </fieldset>
              <div className="form__actions">
                <Button type="submit">{t("company.invite.submit")}</Button>
              </div>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
