/** The lifecycle moves this staff member may make now (start the investigation, propose a solution, promote, merge, reject), and those reserved to other roles. */
import type { MergeDuplicateInput, PromoteToDisputeInput, RejectCaseInput } from "@accord/core";
import { Field } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { bind, FormErrors, SubmitRow, TextareaField } from "../fields";
import { Section, useCaseForm, type SectionProps } from "../parts";

export function Actions({ page, actionData }: SectionProps) {
  const { t, i18n } = useTranslation();
  const can = page.can;
  const [startForm] = useCaseForm("startInvestigation", actionData);
  const [promoteForm, promoteFields] = useCaseForm<PromoteToDisputeInput>("promote", actionData);
  const [rejectForm, rejectFields] = useCaseForm<RejectCaseInput>("reject", actionData);
  const [mergeForm, mergeFields] = useCaseForm<MergeDuplicateInput>("merge", actionData);
  // A refusal shows in its form; when the case moved on meanwhile and the form is gone, it shows here.
  const shown = [
    { form: startForm, offered: can.startInvestigation },
    { form: promoteForm, offered: can.promote },
    { form: rejectForm, offered: can.reject },
    { form: mergeForm, offered: can.merge },
  ];
  const orphan = shown.find(({ form, offered }) => !offered && form.errors?.length);
  const others = can.reservedToOtherRoles.map((command) => t(`casePage.commands.${command}`));
  return (
    <Section id="actions" title={t("casePage.sections.actions")}>
      <FormErrors id={orphan?.form.errorId ?? "actions-error"} errors={orphan?.form.errors} />
      {page.case.terminal ? <p>{t("casePage.ended")}</p> : null}
      {can.propose ? (
        <p>
          <Link className="button button--primary" to={`/cases/${page.case.reference}/propose`}>
            {t("casePage.settlement.propose")}
          </Link>
        </p>
      ) : null}
      {can.startInvestigation ? (
        <IntentForm form={startForm}>
          <p className="muted">{t("casePage.actions.startInvestigationHint")}</p>
          <SubmitRow>{t("casePage.actions.startInvestigation")}</SubmitRow>
        </IntentForm>
      ) : null}
      {can.promote ? (
        <IntentForm form={promoteForm}>
          <Field id="promote-reason" label={t("casePage.actions.promoteReason")} {...bind(promoteFields.reason)} />
          <SubmitRow variant="secondary">{t("casePage.actions.promote")}</SubmitRow>
        </IntentForm>
      ) : null}
      {can.merge ? (
        <IntentForm form={mergeForm}>
          <Field id="merge-original" label={t("casePage.actions.mergeOriginal")} hint={t("casePage.actions.mergeHint")} placeholder="LIT-2026-000123" {...bind(mergeFields.originalReference)} />
          <SubmitRow variant="secondary">{t("casePage.actions.merge")}</SubmitRow>
        </IntentForm>
      ) : null}
      {can.reject ? (
        <IntentForm form={rejectForm}>
          <TextareaField id="reject-reasons" label={t("casePage.actions.rejectReasons")} hint={t("casePage.actions.rejectHint")} {...bind(rejectFields.reasons)} />
          <SubmitRow variant="danger">{t("casePage.actions.reject")}</SubmitRow>
        </IntentForm>
      ) : null}
      {!page.case.terminal && !can.startInvestigation && !can.propose && !can.promote && !can.merge && !can.reject ? <p>{t("casePage.actions.none")}</p> : null}
      {others.length > 0 ? <p className="muted">{t("casePage.actions.notPermitted", { commands: new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(others) })}</p> : null}
    </Section>
  );
}
