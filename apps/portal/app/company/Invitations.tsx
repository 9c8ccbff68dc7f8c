/** The pending invitations (each can be withdrawn) and the form to invite a colleague. */
import type { InviteCustomerUserInput, PendingInvitation } from "@accord/core";
import { ChoiceGroup, DataTable, formatDateTime } from "@accord/ui";
import { BoundField, initialText, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { ROLES, RowButtonForm, useCompanyForm, type CompanyReply } from "./parts";

/** An invitation as the page receives it (dates as ISO strings). */
type Invitation = Omit<PendingInvitation, "createdAt" | "expiresAt"> & { createdAt: string; expiresAt: string };

function InviteForm({ nameMaxLength, actionData }: { nameMaxLength: number; actionData: CompanyReply }) {
  const { t } = useTranslation();
  const [form, fields] = useCompanyForm<InviteCustomerUserInput>("invite", actionData);
  return (
    <section aria-labelledby="invite-title" className="card">
      <h2 id="invite-title">{t("company.invite.title")}</h2>
      <p>{t("company.invite.description")}</p>
      <IntentForm form={form}>
        <BoundField field={fields.email} label={t("company.invite.email")} type="email" autoComplete="off" required />
        <BoundField field={fields.name} label={t("company.invite.name")} autoComplete="off" required maxLength={nameMaxLength} />
        <ChoiceGroup
          id="invite-role"
          name={fields.role.name}
          legend={t("company.invite.role")}
          type="radio"
          defaultValues={[initialText(fields.role.initialValue, "member")]}
          options={ROLES.map((role) => ({
            value: role,
            label: (
              <>
                {t(`company.roles.${role}`)} <span className="muted">— {t(`company.roleHints.${role}`)}</span>
              </>
            ),
          }))}
          errors={fields.role.errors}
        />
        <SubmitRow label={t("company.invite.submit")} />
      </IntentForm>
    </section>
  );
}

export function InvitationsSection({ invitations, nameMaxLength, actionData }: { invitations: Invitation[]; nameMaxLength: number; actionData: CompanyReply }) {
  const { t, i18n } = useTranslation();
  return (
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
                <RowButtonForm intent="revoke" target={{ name: "email", value: i.email }} label={t("company.invitations.revoke")} ariaLabel={t("company.invitations.revokeLabel", { email: i.email })} actionData={actionData} />
              ),
            },
          ]}
        />
      </section>
      <InviteForm nameMaxLength={nameMaxLength} actionData={actionData} />
    </>
  );
}
