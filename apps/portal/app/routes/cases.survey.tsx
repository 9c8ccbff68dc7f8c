import { answerSurvey, answerSurveySchema, type AnswerSurveyInput } from "@accord/core";
import { ChoiceGroup, PageHeader } from "@accord/ui";
import { BoundTextarea, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import { intent, type IntentName } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/cases.survey";
import { customerRoute } from "../.server/actor";
import { base, customerAction, type CustomerContext } from "../.server/intents";
import { loadSettlement } from "../.server/settlement";

const SCORES = Array.from({ length: 11 }, (_, score) => String(score));

/** The survey (the closing e-mail links here with `?score=N`): rate the handling from 0 to 10, once. */
export async function loader(args: Route.LoaderArgs) {
  const settlement = await loadSettlement(await customerRoute(args, "case:read"));
  const asked = new URL(args.request.url).searchParams.get("score");
  return { settlement, score: asked !== null && SCORES.includes(asked) ? asked : null };
}

const reference = (ctx: CustomerContext) => (ctx.params.reference ?? "").toUpperCase();

const INTENTS = {
  rate: intent(
    answerSurveySchema,
    (input, ctx: CustomerContext) => answerSurvey({ ...base(ctx), input }),
    (_, ctx) => ({ to: `/cases/${reference(ctx)}#survey`, flash: "cases.flash.rated" }),
  ),
};

export async function action(args: Route.ActionArgs) {
  return customerAction(args, INTENTS, { permission: "case:read", prepare: (formData) => formData.set("reference", args.params.reference ?? "") });
}

export default function CaseSurvey({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { settlement: s, score } = loaderData;
  const [form, fields] = useIntentForm<Partial<Record<keyof AnswerSurveyInput, string>>, IntentName<typeof INTENTS>>("rate", actionData);
  const chosen = typeof fields.score.initialValue === "string" ? fields.score.initialValue : score;
  const label = (value: string) => (value === "0" ? t("settlement.survey.lowest") : value === "10" ? t("settlement.survey.highest") : value);
  return (
    <>
      <PageHeader eyebrow={t("settlement.proposal.eyebrow", { reference: s.reference, title: s.title })} title={t("settlement.survey.title")} />
      {s.survey ? (
        <div className="card stack">
          <p>{t("settlement.survey.thanks", { score: s.survey.score })}</p>
          {s.survey.comment ? <p className="preserve-lines">{s.survey.comment}</p> : null}
        </div>
      ) : s.canRate ? (
        <IntentForm form={form} className="card form stack">
          <ChoiceGroup
            id="survey-score"
            name={fields.score.name}
            type="radio"
            legend={t("settlement.survey.question")}
            options={SCORES.map((value) => ({ value, label: label(value) }))}
            defaultValues={chosen ? [chosen] : []}
            errors={fields.score.errors}
          />
          <BoundTextarea field={fields.comment} id="survey-comment" label={t("settlement.survey.comment")} hint={t("settlement.survey.commentHint")} />
          <SubmitRow label={t("settlement.survey.submit")} />
        </IntentForm>
      ) : (
        <p>{s.mayDecide ? t("settlement.survey.notYet") : t("settlement.survey.whoRates")}</p>
      )}
      <p>
        <Link to={`/cases/${s.reference}`}>{t("settlement.proposal.back")}</Link>
      </p>
    </>
  );
}
