import { Button } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { AdminForm, CheckboxGroup, SelectField, TextField } from "./fields";
import type { FormState } from "./form-state";

export const STAFF_ROLES = ["agent", "supervisor", "finance", "legal", "mediator", "admin"] as const;

/** A staff member's form: name, e-mail (creation only), roles, teams, language. */
export function StaffForm({
  intent,
  state,
  teams,
  defaults,
  withEmail,
  submitLabel,
}: {
  intent: string;
  state: FormState | null;
  teams: { id: string; name: string }[];
  defaults?: { name: string; roles: string[]; teamIds: string[]; language: string };
  withEmail: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <AdminForm intent={intent} state={state}>
      <div className="admin-row">
        <TextField name="name" label={t("admin.staff.fields.name")} required autoComplete="off" defaultValue={defaults?.name ?? ""} />
        {withEmail ? <TextField name="email" type="email" label={t("admin.staff.fields.email")} required autoComplete="off" defaultValue="" /> : null}
      </div>
      <CheckboxGroup name="roles" legend={t("admin.staff.fields.roles")} defaultValue={defaults?.roles ?? []} options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
      <CheckboxGroup
        name="teamIds"
        legend={t("admin.staff.fields.teams")}
        defaultValue={defaults?.teamIds ?? []}
        empty={t("admin.staff.noTeams")}
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
      />
      <SelectField
        name="language"
        label={t("admin.staff.fields.language")}
        defaultValue={defaults?.language ?? "fr"}
        options={(["fr", "en"] as const).map((code) => ({ value: code, label: t(`common.languages.${code}`) }))}
      />
      <div className="form__actions">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </AdminForm>
  );
}
