/** What the customer asked for, in their words. */
import type { StaffCase } from "@accord/core";
import { useTranslation } from "react-i18next";
import { Section } from "../parts";

export function Request({ page }: { page: StaffCase }) {
  const { t } = useTranslation();
  return (
    <Section id="description" title={t("casePage.sections.description")}>
      <p style={{ whiteSpace: "pre-line" }}>{page.case.description}</p>
    </Section>
  );
}
