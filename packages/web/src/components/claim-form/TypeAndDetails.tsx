/**
 * The claim's type, subject and description, then each type's own details (quality, delivery, price
 * and billing, compliance). Without JavaScript every type's section shows (the server reads only the
 * chosen one's); once hydrated, only the chosen type's.
 */
import { CASE_TYPES, type CaseType } from "@accord/domain";
import { ChoiceGroup, Field, SelectField, TextareaField } from "@accord/ui";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { bindField, type ClaimFormState } from "./types";

export function ClaimTypeAndDetails({ state, today }: { state: ClaimFormState; today: string }) {
  const { t } = useTranslation();
  const typed = state.values.type ?? "";
  const [hydrated, setHydrated] = useState(false);
  // The type chosen in the select (UI state): which section shows.
  const [chosen, setChosen] = useState<string>(typed);
  const shown = (section: CaseType) => !hydrated || chosen === section;
  useEffect(() => setChosen(typed), [typed]);
  // A type picked before the page hydrated is in the select already, not in the state: read it (after the
  // effect above, so that it wins on the first render).
  useEffect(() => {
    const select = document.getElementById("claim-type");
    if (select instanceof HTMLSelectElement && select.value) setChosen(select.value);
    setHydrated(true);
  }, []);
  const field = (name: string) => bindField(state, name);

  return (
    <fieldset className="card stack">
      <legend>{t("claims.new.typeLegend")}</legend>
      <SelectField
        id="claim-type"
        label={t("claims.new.type")}
        {...field("type")}
        onChange={(event) => setChosen(event.currentTarget.value)}
        options={[{ value: "", label: t("claims.new.typePlaceholder") }, ...CASE_TYPES.map((code) => ({ value: code, label: t(`claims.new.types.${code}`) }))]}
      />
      <Field id="claim-title" label={t("claims.new.titleLabel")} hint={t("claims.new.titleHint")} maxLength={200} {...field("title")} />
      <TextareaField rows={6} id="claim-description" label={t("claims.new.descriptionLabel")} hint={t("claims.new.descriptionHint")} {...field("description")} />

      <TypeSection section="quality" shown={shown("quality")}>
        <Field id="claim-quality-product" label={t("claims.new.quality.product")} {...field("quality.product")} />
        <Field id="claim-quality-lot" label={t("claims.new.quality.lotNumber")} hint={t("claims.new.quality.lotNumberHint")} {...field("quality.lotNumber")} />
        <p className="muted">{t("claims.new.quality.photosHint")}</p>
      </TypeSection>
      <TypeSection section="delivery" shown={shown("delivery")}>
        <Field id="claim-delivery-note" label={t("claims.new.delivery.deliveryNoteNumber")} {...field("delivery.deliveryNoteNumber")} />
        <Field id="claim-delivery-received" type="date" max={today} label={t("claims.new.delivery.receivedOn")} hint={t("claims.new.delivery.receivedOnHint")} {...field("delivery.receivedOn")} />
        <ChoiceGroup
          type="radio"
          name="delivery.signedWithReservations"
          legend={t("claims.new.delivery.signed")}
          defaultValues={[field("delivery.signedWithReservations").defaultValue]}
          options={[
            { value: "yes", label: t("claims.new.delivery.signedYes") },
            { value: "no", label: t("claims.new.delivery.signedNo") },
          ]}
          errors={state.errors["delivery.signedWithReservations"]}
        />
        <p className="muted">{t("claims.new.delivery.quantitiesHint")}</p>
      </TypeSection>
      <TypeSection section="price_billing" shown={shown("price_billing")}>
        <Field id="claim-price-contract" label={t("claims.new.priceBilling.contractReference")} hint={t("claims.new.priceBilling.contractReferenceHint")} {...field("priceBilling.contractReference")} />
      </TypeSection>
      <TypeSection section="compliance" shown={shown("compliance")}>
        <Field id="claim-compliance-reference" label={t("claims.new.compliance.reference")} hint={t("claims.new.compliance.referenceHint")} {...field("compliance.reference")} />
      </TypeSection>
    </fieldset>
  );
}

/** One type's own details, hidden (not removed: what was typed stays) while another type is chosen. */
function TypeSection({ section, shown, children }: { section: CaseType; shown: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset className="stack" data-claim-type={section} hidden={!shown}>
      <legend>{t("claims.new.typeSection", { type: t(`claims.new.types.${section}`) })}</legend>
      {children}
    </fieldset>
  );
}
