/** The company's users: name, e-mail, role (an admin changes it in place), status, and deactivate / reactivate. */
import type { CompanyUser } from "@accord/core";
import { Button, DataTable, EmptyState } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { ROLES, RowButtonForm, useCompanyForm, useReplyCount, type CompanyReply } from "./parts";

type User = CompanyUser;

function RoleForm({ user, actionData }: { user: User; actionData: CompanyReply }) {
  const { t } = useTranslation();
  const [form, fields] = useCompanyForm<{ role: string }>("role", actionData, user.id);
  const replies = useReplyCount(actionData);
  // A refusal (the company's last admin) stands beside the select, which shows the role kept.
  const errors = fields.role.errors ?? [];
  const errorId = `role-${user.id}-error`;
  return (
    <IntentForm form={form} className="inline-form">
      <input type="hidden" name="userId" value={user.id} />
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        {t("company.changeRoleLabel", { name: user.name })}
      </label>
      <select
        key={`${user.role}:${replies}`}
        id={`role-${user.id}`}
        name="role"
        defaultValue={user.role}
        className="field__input field__input--inline"
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? errorId : undefined}
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
      {errors.length ? (
        <p className="field__error" id={errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
    </IntentForm>
  );
}

function UserActions({ user, actionData }: { user: User; actionData: CompanyReply }) {
  const { t } = useTranslation();
  if (user.isSelf) return null;
  if (!user.active) {
    return <RowButtonForm intent="reactivate" target={{ name: "userId", value: user.id }} label={t("company.reactivate")} ariaLabel={t("company.reactivateLabel", { name: user.name })} actionData={actionData} />;
  }
  return (
    <a className="button button--danger" href={`/company/users/${user.id}/deactivate`} aria-label={t("company.deactivateLabel", { name: user.name })}>
      {t("company.deactivate")}
    </a>
  );
}

export function UsersTable({ users, canManage, actionData }: { users: User[]; canManage: boolean; actionData: CompanyReply }) {
  const { t } = useTranslation();
  const managerOnly = <C,>(columns: C[]): C[] => (canManage ? columns : []);
  return (
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
        ...managerOnly([{ key: "email", header: t("company.columns.email"), cell: (user: User) => user.email }]),
        {
          key: "role",
          header: t("company.columns.role"),
          cell: (user) => (canManage && user.active ? <RoleForm user={user} actionData={actionData} /> : t(`company.roles.${user.role}`)),
        },
        { key: "status", header: t("company.columns.status"), cell: (user) => t(user.active ? "company.status.active" : "company.status.inactive") },
        ...managerOnly([{ key: "actions", header: t("company.columns.actions"), cell: (user: User) => <UserActions user={user} actionData={actionData} /> }]),
      ]}
    />
  );
}
