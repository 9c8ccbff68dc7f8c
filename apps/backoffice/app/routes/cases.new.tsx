import { Button, PageHeader } from "@accord/ui";
import { ClaimForm } from "@accord/web/components/ClaimForm";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/cases.new";
import { SelectField } from "../case-page/fields";
import { onBehalfAction, onBehalfLoader } from "../.server/open-on-behalf";

export function meta() {
  return [{ title: "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  return onBehalfLoader(args);
}

export async function action(args: Route.ActionArgs) {
  return onBehalfAction(args);
}

/**
 * Open a case on behalf of a customer (a phone call): the account, then the contact and the portal's
 * own claim form (ClaimForm of @accord/web: same fields, evidence, "Vérifier" step, then submit).
 */
export default function OpenOnBehalf({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { accounts, account, contacts, invoices, today, maxUploadBytes, submissionKey } = loaderData;
  const values = actionData?.values ?? {};
  const errors = actionData?.errors ?? {};
  return (
    <>
      <p>
        <Link to="/">{t("casePage.back")}</Link>
      </p>
      <PageHeader title={t("onBehalf.title")} description={t("onBehalf.description")} />
      <Form method="get" className="form card">
        <SelectField
          id="on-behalf-account"
          name="accountId"
          label={t("onBehalf.account")}
          defaultValue={account?.id ?? ""}
          options={[{ value: "", label: t("onBehalf.chooseAccount") }, ...accounts.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary">
            {t("onBehalf.pickAccount")}
          </Button>
        </div>
      </Form>
      {account ? (
        <>
          <h2>{t("onBehalf.claimFor", { account: account.name })}</h2>
          <ClaimForm
            key={account.id}
            invoices={invoices}
            today={today}
            maxUploadBytes={maxUploadBytes}
            submissionKey={submissionKey}
            result={actionData}
            uploadUrl="/uploads"
            labels={{
              errorSummary: t("onBehalf.errorSummary"),
              check: t("onBehalf.check"),
              submit: t("onBehalf.submit"),
              reviewTitle: t("onBehalf.reviewTitle"),
              reviewIntro: t("onBehalf.reviewIntro"),
              warningsIntro: t("onBehalf.warningsIntro"),
              duplicatesIntro: t("onBehalf.duplicatesIntro"),
            }}
          >
            <fieldset className="card stack">
              <legend>{t("onBehalf.contactLegend")}</legend>
              <input type="hidden" name="accountId" value={account.id} />
              <SelectField
                id="on-behalf-contact"
                name="customerContactId"
                label={t("onBehalf.contact")}
                defaultValue={values.customerContactId ?? ""}
                errors={errors.customerContactId}
                options={[{ value: "", label: t("onBehalf.chooseContact") }, ...contacts.map((c) => ({ value: c.id, label: `${c.name} — ${c.email}` }))]}
              />
            </fieldset>
          </ClaimForm>
        </>
      ) : null}
    </>
  );
}
