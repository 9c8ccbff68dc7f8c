import { useTranslation } from "react-i18next";
import { CheckboxField, SelectField, TextField } from "./fields";

const TIERS = ["standard", "key", "strategic"] as const;
const KINDS = ["net", "end_of_month", "end_of_month_plus"] as const;
const MEDIATORS = ["internal", "mediateur_des_entreprises"] as const;

/** An account as its form writes it (the checkboxes "on" when checked). */
export type AccountDefaults = {
  name: string;
  siren: string;
  vatId: string;
  erpCode: string;
  tier: string;
  language: string;
  paymentTermKind: string;
  paymentTermDays: string;
  claimDeadlineDays: string;
  penaltyApplies?: "on";
  penaltyRate: string;
  mediationApplies?: "on";
  mediator: string;
};

/** The values of a new account's form. */
export const NEW_ACCOUNT = { tier: "standard", language: "fr", paymentTermKind: "net", paymentTermDays: "30" };

/** The customer account form's fields: identity, tier, payment term, clauses. */
export function AccountFields() {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="admin-fieldset">
        <legend>{t("admin.accounts.fields.identity")}</legend>
        <TextField name="name" label={t("admin.accounts.fields.name")} required />
        <div className="admin-row">
          <TextField name="siren" label={t("admin.accounts.fields.siren")} hint={t("admin.accounts.fields.sirenHint")} inputMode="numeric" />
          <TextField name="vatId" label={t("admin.accounts.fields.vatId")} />
          <TextField name="erpCode" label={t("admin.accounts.fields.erpCode")} />
        </div>
        <div className="admin-row">
          <SelectField name="tier" label={t("admin.accounts.fields.tier")} options={TIERS.map((tier) => ({ value: tier, label: t(`admin.accounts.tiers.${tier}`) }))} />
          <SelectField name="language" label={t("admin.accounts.fields.language")} options={(["fr", "en"] as const).map((code) => ({ value: code, label: t(`common.languages.${code}`) }))} />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t("admin.accounts.fields.paymentTerm")}</legend>
        <div className="admin-row">
          <SelectField name="paymentTermKind" label={t("admin.accounts.fields.paymentTermKind")} options={KINDS.map((kind) => ({ value: kind, label: t(`admin.accounts.paymentKinds.${kind}`) }))} />
          <TextField name="paymentTermDays" label={t("admin.accounts.fields.paymentTermDays")} inputMode="numeric" required />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t("admin.accounts.fields.clauses")}</legend>
        <TextField name="claimDeadlineDays" label={t("admin.accounts.fields.claimDeadlineDays")} hint={t("admin.accounts.fields.claimDeadlineHint")} inputMode="numeric" />
        <CheckboxField name="penaltyApplies" label={t("admin.accounts.fields.penaltyApplies")} />
        <TextField name="penaltyRate" label={t("admin.accounts.fields.penaltyRate")} inputMode="decimal" />
        <CheckboxField name="mediationApplies" label={t("admin.accounts.fields.mediationApplies")} />
        <SelectField
          name="mediator"
          label={t("admin.accounts.fields.mediator")}
          options={[{ value: "", label: t("admin.accounts.fields.chooseMediator") }, ...MEDIATORS.map((m) => ({ value: m, label: t(`admin.accounts.mediators.${m}`) }))]}
        />
      </fieldset>
    </>
  );
}
