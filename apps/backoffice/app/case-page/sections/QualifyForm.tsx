/** The qualification form (type, priority, team, assignee) and the assignment-only form. */
import type { AssignCaseInput, QualifyCaseInput } from "@accord/core";
import { CASE_TYPES, PRIORITIES } from "@accord/domain";
import { Button } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { initial, SelectField } from "../fields";
import { useCaseForm, type SectionProps } from "../parts";

function useAssignmentOptions(page: SectionProps["page"]) {
  const { t } = useTranslation();
  return {
    teams: [{ value: "", label: t("casePage.noTeam") }, ...page.options.teams.map((team) => ({ value: team.id, label: team.name }))],
    staff: [{ value: "", label: t("casePage.unassigned") }, ...page.options.staff.map((s) => ({ value: s.id, label: s.name }))],
  };
}

export function QualifyForm({ page, actionData }: SectionProps) {
  const { t } = useTranslation();
  const c = page.case;
  const [form, fields] = useCaseForm<QualifyCaseInput>("qualify", actionData);
  const options = useAssignmentOptions(page);
  return (
    <IntentForm form={form}>
      <SelectField
        id="qualify-type"
        name={fields.type.name}
        label={t("casePage.qualify.type")}
        defaultValue={initial(fields.type.initialValue, c.type)}
        errors={fields.type.errors}
        options={CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))}
      />
      <SelectField
        id="qualify-priority"
        name={fields.priority.name}
        label={t("casePage.qualify.priority")}
        hint={t("casePage.qualify.priorityHint")}
        defaultValue={initial(fields.priority.initialValue, page.derived.proposedPriority)}
        errors={fields.priority.errors}
        options={PRIORITIES.map((p) => ({ value: p, label: p }))}
      />
      <SelectField
        id="qualify-team"
        name={fields.teamId.name}
        label={t("casePage.qualify.team")}
        defaultValue={initial(fields.teamId.initialValue, c.team?.id ?? "")}
        errors={fields.teamId.errors}
        options={options.teams}
      />
      <SelectField
        id="qualify-assignee"
        name={fields.assigneeId.name}
        label={t("casePage.qualify.assignee")}
        defaultValue={initial(fields.assigneeId.initialValue, c.assignee?.id ?? "")}
        errors={fields.assigneeId.errors}
        options={options.staff}
      />
      <div className="form__actions">
        <Button type="submit">{page.derived.firstQualification ? t("casePage.qualify.submitReceived") : t("casePage.qualify.submit")}</Button>
      </div>
    </IntentForm>
  );
}

export function AssignForm({ page, actionData }: SectionProps) {
  const { t } = useTranslation();
  const c = page.case;
  const [form, fields] = useCaseForm<AssignCaseInput>("assign", actionData);
  const options = useAssignmentOptions(page);
  return (
    <IntentForm form={form}>
      <SelectField
        id="assign-team"
        name={fields.teamId.name}
        label={t("casePage.qualify.team")}
        defaultValue={initial(fields.teamId.initialValue, c.team?.id ?? "")}
        errors={fields.teamId.errors}
        options={options.teams}
      />
      <SelectField
        id="assign-assignee"
        name={fields.assigneeId.name}
        label={t("casePage.qualify.assignee")}
        defaultValue={initial(fields.assigneeId.initialValue, c.assignee?.id ?? "")}
        errors={fields.assigneeId.errors}
        options={options.staff}
      />
      <div className="form__actions">
        <Button type="submit">{t("casePage.assign.submit")}</Button>
      </div>
    </IntentForm>
  );
}
