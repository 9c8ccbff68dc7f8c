import { Button } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { AdminForm, CheckboxField, SelectField, TextField } from "./fields";
import type { FormState } from "./form-state";

const TIERS = ["standard", "key", "strategic"] as const;
const KINDS = ["net", "end_of_month", "end_of_month_plus"] as const;
const MEDIATORS = ["internal", "mediateur_des_entreprises"] as const;

export interface AccountDefaults {
  name: string;
  siren: string;
  vatId: string;
  erpCode: string;
  tier: string;
  language: string;
  paymentTermKind: string;
  paymentTermDays: string;
  claimDeadlineDays: string;
  penaltyApplies: boolean;
  penaltyRate: string;
  mediationApplies: boolean;
  mediator: string;
}

/** The customer account form: identity, tier, payment term, clauses. */
export function AccountForm({ state, defaults, submitLabel }: { state: FormState | null; defaults?: AccountDefaults; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <AdminForm intent="account" state={state}>
      <fieldset className="admin-fieldset">
        <legend>{t("admin.accounts.fields.identity")}</legend>
        <TextField name="name" label={t("admin.accounts.fields.name")} required defaultValue={defaults?.name ?? ""} />
        <div className="admin-row">
          <TextField name="siren" label={t("admin.accounts.fields.siren")} hint={t("admin.accounts.fields.sirenHint")} inputMode="numeric" defaultValue={defaults?.siren ?? ""} />
          <TextField name="vatId" label={t("admin.accounts.fields.vatId")} defaultValue={defaults?.vatId ?? ""} />
          <TextField name="erpCode" label={t("admin.accounts.fields.erpCode")} defaultValue={defaults?.erpCode ?? ""} />
        </div>
        <div className="admin-row">
          <SelectField name="tier" label={t("admin.accounts.fields.tier")} defaultValue={defaults?.tier ?? "standard"} options={TIERS.map((tier) => ({ value: tier, label: t(`admin.accounts.tiers.${tier}`) }))} />
          <SelectField
            name="language"
            label={t("admin.accounts.fields.language")}
            defaultValue={defaults?.language ?? "fr"}
            options={(["fr", "en"] as const).map((code) => ({ value: code, label: t(`common.languages.${code}`) }))}
          />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t("admin.accounts.fields.paymentTerm")}</legend>
        <div className="admin-row">
          <SelectField
            name="paymentTermKind"
            label={t("admin.accounts.fields.paymentTermKind")}
            defaultValue={defaults?.paymentTermKind ?? "net"}
            options={KINDS.map((kind) => ({ value: kind, label: t(`admin.accounts.paymentKinds.${kind}`) }))}
          />
          <TextField name="paymentTermDays" label={t("admin.accounts.fields.paymentTermDays")} inputMode="numeric" required defaultValue={defaults?.paymentTermDays ?? "30"} />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t("admin.accounts.fields.clauses")}</legend>
        <TextField name="claimDeadlineDays" label={t("admin.accounts.fields.claimDeadlineDays")} hint={t("admin.accounts.fields.claimDeadlineHint")} inputMode="numeric" defaultValue={defaults?.claimDeadlineDays ?? ""} />
        <CheckboxField name="penaltyApplies" label={t("admin.accounts.fields.penaltyApplies")} defaultChecked={defaults?.penaltyApplies ?? false} />
        <TextField name="penaltyRate" label={t("admin.accounts.fields.penaltyRate")} inputMode="decimal" defaultValue={defaults?.penaltyRate ?? ""} />
        <CheckboxField name="mediationApplies" label={t("admin.accounts.fields.mediationApplies")} defaultChecked={defaults?.mediationApplies ?? false} />
        <SelectField
          name="mediator"
          label={t("admin.accounts.fields.mediator")}
          defaultValue={defaults?.mediator ?? ""}
          options={[{ value: "", label: t("admin.accounts.fields.chooseMediator") }, ...MEDIATORS.map((m) => ({ value: m, label: t(`admin.accounts.mediators.${m}`) }))]}
        />
      </fieldset>
      <div className="form__actions">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </AdminForm>
  );
}
