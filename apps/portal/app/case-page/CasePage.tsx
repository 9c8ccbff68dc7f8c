/**
 * The portal's case page, composed of its sections (one file each under ./sections): summary, our
 * proposal, decision and survey (issue 11), commitment, evidence requests, lines, messages, shared evidence, history and withdrawal. Its two
 * forms post one intent each of the page's table (.server/case-page.ts) and work without JavaScript.
 */
import { Alert, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FormSectionProps } from "./parts";
import { Evidence } from "./sections/Evidence";
import { EvidenceRequests } from "./sections/EvidenceRequests";
import { Legal } from "./sections/Legal";
import { Lines } from "./sections/Lines";
import { Mediation } from "./sections/Mediation";
import { Messages } from "./sections/Messages";
import { DecisionBlock, ProposalBlock, SurveyBlock } from "./sections/Settlement";
import { Sla } from "./sections/Sla";
import { Summary } from "./sections/Summary";
import { Timeline } from "./sections/Timeline";
import { Withdraw } from "./sections/Withdraw";

/** Where the case went when it was merged into another (the customer may not see that one). */
function MergedNotice({ mergedInto }: { mergedInto: NonNullable<FormSectionProps["page"]["mergedInto"]> }) {
  const { t } = useTranslation();
  const reference = mergedInto.reference;
  return (
    <Alert tone="info">
      <p>{t("cases.page.merged.followed", { reference })}</p>
      {mergedInto.canOpen ? (
        <p>
          <Link to={`/cases/${reference}`}>{t("cases.page.merged.open", { reference })}</Link>
        </p>
      ) : (
        <p>{t("cases.page.merged.colleague", { reference })}</p>
      )}
    </Alert>
  );
}

export function CasePage({ page, actionData }: FormSectionProps) {
  const { t } = useTranslation();
  const forms = { page, actionData };
  return (
    <>
      <PageHeader eyebrow={t("cases.page.eyebrow", { reference: page.case.reference })} title={page.case.title} />
      {page.readOnly ? <Alert tone="info">{t("cases.page.readOnly")}</Alert> : null}
      {page.mergedInto ? <MergedNotice mergedInto={page.mergedInto} /> : null}
      <Summary page={page} />
      <Legal page={page} />
      <ProposalBlock page={page} />
      <Mediation page={page} />
      <DecisionBlock page={page} />
      <SurveyBlock page={page} />
      <Sla page={page} />
      <EvidenceRequests {...forms} />
      <Lines page={page} />
      <Messages {...forms} />
      <Evidence page={page} />
      <Timeline page={page} />
      {page.can.withdraw ? <Withdraw page={page} /> : null}
    </>
  );
}
