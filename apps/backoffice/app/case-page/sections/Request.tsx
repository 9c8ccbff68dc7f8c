/** What the customer asked for, in their words, and the details they gave in the claim form. */
import type { StaffCase } from "@accord/core";
import { ClaimDetails } from "@accord/web/components/ClaimDetails";
import { useTranslation } from "react-i18next";
import { Section } from "../parts";

export function Request({ page }: { page: StaffCase }) {
  const { t } = useTranslation();
  return (
    <Section id="description" title={t("casePage.sections.description")}>
      <p style={{ whiteSpace: "pre-line" }}>{page.case.description}</p>
      <ClaimDetails title={t("casePage.details.title")} details={page.case.claimDetails} desiredOutcome={page.case.desiredOutcome} />
    </Section>
  );
}
