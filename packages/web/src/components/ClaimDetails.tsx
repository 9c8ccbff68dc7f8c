/**
 * "Détails de la réclamation": what the customer typed in the claim form beyond the title and the
 * description (desired outcome, product and lot, delivery note and reception, contract or specification),
 * with the claim form's own labels. Shown on the case page of both apps.
 */
import { formatDate } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The details as the domain reads them from the case (`readClaimDetails`). */
interface Details {
  product: string | null;
  lotNumber: string | null;
  deliveryNoteNumber: string | null;
  receivedOn: string | null;
  signedWithReservations: boolean | null;
  contractReference: string | null;
  complianceReference: string | null;
  desiredOutcomeText: string | null;
}

export function ClaimDetails({ title, details, desiredOutcome }: { title: string; details: Details; desiredOutcome: string | null }) {
  const { t, i18n } = useTranslation();
  const rows: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode | null) => {
    if (value !== null) rows.push([label, value]);
  };
  add(t("claims.new.outcomeLegend"), desiredOutcome ? t(`claims.new.outcomes.${desiredOutcome}`, { defaultValue: "" }) || null : null);
  add(t("claims.new.outcomeText"), details.desiredOutcomeText);
  add(t("claims.new.quality.product"), details.product);
  add(t("claims.new.quality.lotNumber"), details.lotNumber);
  add(t("claims.new.delivery.deliveryNoteNumber"), details.deliveryNoteNumber);
  add(t("claims.new.delivery.receivedOn"), details.receivedOn ? formatDate(details.receivedOn, i18n.language) : null);
  add(
    t("claims.new.delivery.signed"),
    details.signedWithReservations === null ? null : details.signedWithReservations ? t("claims.new.delivery.signedYes") : t("claims.new.delivery.signedNo"),
  );
  add(t("claims.new.priceBilling.contractReference"), details.contractReference);
  add(t("claims.new.compliance.reference"), details.complianceReference);
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <dl className="definition-list" data-testid="claim-details">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
