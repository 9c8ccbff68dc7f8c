import { useTranslation } from "react-i18next";
import { CheckboxGroup, SelectField, TextField } from "./fields";

export const STAFF_ROLES = ["agent", "supervisor", "finance", "legal", "mediator", "admin"] as const;

/** A staff member's fields: name, e-mail (creation only), roles, teams, language. */
export function StaffFields({ teams, withEmail }: { teams: { id: string; name: string }[]; withEmail: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="admin-row">
        <TextField name="name" label={t("admin.staff.fields.name")} required autoComplete="off" />
        {withEmail ? <TextField name="email" type="email" label={t("admin.staff.fields.email")} required autoComplete="off" /> : null}
      </div>
      <CheckboxGroup name="roles" legend={t("admin.staff.fields.roles")} options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
      <CheckboxGroup name="teamIds" legend={t("admin.staff.fields.teams")} empty={t("admin.staff.noTeams")} options={teams.map((team) => ({ value: team.id, label: team.name }))} />
      <SelectField name="language" label={t("admin.staff.fields.language")} options={(["fr", "en"] as const).map((code) => ({ value: code, label: t(`common.languages.${code}`) }))} />
    </>
  );
}
