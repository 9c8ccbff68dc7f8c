/** Notify internal stakeholders (sales, operations, finance, legal, teams) of the case, with a message. */
import type { NotifyStakeholdersInput } from "@accord/core";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, ChoiceGroup, SubmitRow, TextareaField } from "../fields";
import { Section, useCaseForm, type SectionProps } from "../parts";

const STAKEHOLDER_GROUPS = ["sales", "operations", "finance", "legal"] as const;

export function Stakeholders({ page, actionData }: SectionProps) {
  const { t } = useTranslation();
  const [form, fields] = useCaseForm<NotifyStakeholdersInput>("stakeholders", actionData);
  if (!page.can.notifyStakeholders) return null;
  return (
    <Section id="stakeholders" title={t("casePage.sections.stakeholders")}>
      <IntentForm form={form}>
        <ChoiceGroup
          id="stakeholder-groups"
          legend={t("casePage.stakeholders.groupsLegend")}
          name="groups"
          type="checkbox"
          options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`casePage.stakeholders.groups.${g}`) }))}
          errors={fields.groups.errors}
        />
        <ChoiceGroup
          id="stakeholder-teams"
          legend={t("casePage.stakeholders.teamsLegend")}
          name="teamIds"
          type="checkbox"
          options={page.options.teams.map((team) => ({ value: team.id, label: team.name }))}
          errors={fields.teamIds.errors}
        />
        <TextareaField id="stakeholder-message" label={t("casePage.stakeholders.message")} {...bind(fields.message)} />
        <SubmitRow variant="secondary">{t("casePage.stakeholders.submit")}</SubmitRow>
      </IntentForm>
    </Section>
  );
}
