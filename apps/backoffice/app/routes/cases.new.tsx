import type { StaffClaimFormInput } from "@accord/core";
import { Button, Field, formatDate, formatMoney, PageHeader } from "@accord/ui";
import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/cases.new";
import { ChoiceGroup, FormErrors, SelectField, TextareaField } from "../case-page/fields";
import { onBehalfAction, onBehalfLoader } from "../.server/open-on-behalf";

const TYPES = ["quality", "delivery", "price_billing", "compliance", "other"] as const;
const OUTCOMES = ["credit_note", "replacement", "refund", "other"] as const;

export function meta() {
  return [{ title: "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  return onBehalfLoader(args);
}

export async function action(args: Route.ActionArgs) {
  return onBehalfAction(args);
}

/** Open a case on behalf of a customer (a phone call): the account, the contact, then the claim's fields. */
export default function OpenOnBehalf({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { accounts, account, contacts, invoices } = loaderData;
  const [form] = useForm<StaffClaimFormInput>({ id: "open-on-behalf", lastResult: actionData?.result, shouldValidate: "onSubmit" });
  const initial = (form.initialValue ?? {}) as Record<string, unknown>;
  const value = (path: string): string => {
    const found = path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), initial);
    return typeof found === "string" ? found : "";
  };
  const lineValue = (index: number, name: string): string => {
    const lines = initial.lines;
    const line = Array.isArray(lines) ? (lines[index] as Record<string, unknown> | undefined) : undefined;
    return typeof line?.[name] === "string" ? (line[name] as string) : "";
  };
  const errors = (name: string) => form.allErrors[name] ?? undefined;
  let index = -1;
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
        <Form method="post" className="form card" style={{ marginTop: "1.5rem" }} {...getFormProps(form)}>
          <h2 style={{ marginTop: 0 }}>{t("onBehalf.claimFor", { account: account.name })}</h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="accountId" value={account.id} />
          <SelectField
            id="on-behalf-contact"
            name="customerContactId"
            label={t("onBehalf.contact")}
            defaultValue={value("customerContactId")}
            errors={errors("customerContactId")}
            options={[{ value: "", label: t("onBehalf.chooseContact") }, ...contacts.map((c) => ({ value: c.id, label: `${c.name} — ${c.email}` }))]}
          />
          <SelectField
            id="on-behalf-type"
            name="type"
            label={t("onBehalf.type")}
            defaultValue={value("type") || "quality"}
            errors={errors("type")}
            options={TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))}
          />
          <Field id="on-behalf-title" name="title" label={t("onBehalf.subject")} defaultValue={value("title")} errors={errors("title")} />
          <TextareaField id="on-behalf-description" name="description" label={t("onBehalf.descriptionField")} defaultValue={value("description")} errors={errors("description")} />
          <SelectField
            id="on-behalf-outcome"
            name="desiredOutcome"
            label={t("onBehalf.desiredOutcome")}
            defaultValue={value("desiredOutcome")}
            errors={errors("desiredOutcome")}
            options={[{ value: "", label: t("onBehalf.chooseOutcome") }, ...OUTCOMES.map((o) => ({ value: o, label: t(`onBehalf.outcomes.${o}`) }))]}
          />
          <Field id="on-behalf-outcome-text" name="desiredOutcomeText" label={t("onBehalf.desiredOutcomeText")} defaultValue={value("desiredOutcomeText")} errors={errors("desiredOutcomeText")} />
          <fieldset className="field">
            <legend className="field__label">{t("onBehalf.details")}</legend>
            <p className="field__hint">{t("onBehalf.detailsHint")}</p>
            <Field id="q-product" name="quality.product" label={t("onBehalf.quality.product")} defaultValue={value("quality.product")} errors={errors("quality.product")} />
            <Field id="q-lot" name="quality.lotNumber" label={t("onBehalf.quality.lotNumber")} defaultValue={value("quality.lotNumber")} errors={errors("quality.lotNumber")} />
            <Field
              id="d-note"
              name="delivery.deliveryNoteNumber"
              label={t("onBehalf.delivery.deliveryNoteNumber")}
              defaultValue={value("delivery.deliveryNoteNumber")}
              errors={errors("delivery.deliveryNoteNumber")}
            />
            <Field id="d-received" type="date" name="delivery.receivedOn" label={t("onBehalf.delivery.receivedOn")} defaultValue={value("delivery.receivedOn")} errors={errors("delivery.receivedOn")} />
            <ChoiceGroup
              id="d-reservations"
              legend={t("onBehalf.delivery.signedWithReservations")}
              name="delivery.signedWithReservations"
              type="radio"
              defaultValues={[value("delivery.signedWithReservations")]}
              options={[
                { value: "yes", label: t("onBehalf.yes") },
                { value: "no", label: t("onBehalf.no") },
              ]}
              errors={errors("delivery.signedWithReservations")}
            />
            <Field
              id="p-contract"
              name="priceBilling.contractReference"
              label={t("onBehalf.priceBilling.contractReference")}
              defaultValue={value("priceBilling.contractReference")}
              errors={errors("priceBilling.contractReference")}
            />
            <Field id="c-reference" name="compliance.reference" label={t("onBehalf.compliance.reference")} defaultValue={value("compliance.reference")} errors={errors("compliance.reference")} />
          </fieldset>
          <h3>{t("onBehalf.lines")}</h3>
          <p className="muted">{t("onBehalf.linesHint")}</p>
          <FormErrors id="on-behalf-lines-error" errors={errors("lines")} />
          {invoices.length === 0 ? <p>{t("onBehalf.noInvoices")}</p> : null}
          {invoices.map((invoice) => (
            <fieldset key={invoice.id} className="field">
              <legend className="field__label">
                {t("onBehalf.invoice", { number: invoice.number, date: formatDate(invoice.issueDate, i18n.language) })}
              </legend>
              {invoice.lines.map((line) => {
                index += 1;
                const i = index;
                const described = `${line.description} (${invoice.number})`;
                return (
                  <div key={line.id} style={{ display: "grid", gridTemplateColumns: "2fr 1fr 1fr", gap: "0.75rem", alignItems: "end" }}>
                    <input type="hidden" name={`lines[${i}].invoiceLineId`} value={line.id} />
                    <p style={{ margin: 0 }}>
                      {line.lineNo}. {line.description} — {formatMoney(line.unitPriceCents, invoice.currency, i18n.language)}
                    </p>
                    <Field
                      id={`line-${i}-quantity`}
                      name={`lines[${i}].contestedQuantity`}
                      label={t("onBehalf.contestedQuantity", { line: described })}
                      inputMode="decimal"
                      defaultValue={lineValue(i, "contestedQuantity")}
                      errors={errors(`lines[${i}].contestedQuantity`)}
                    />
                    <Field
                      id={`line-${i}-price`}
                      name={`lines[${i}].contestedUnitPrice`}
                      label={t("onBehalf.contestedUnitPrice", { line: described })}
                      inputMode="decimal"
                      defaultValue={lineValue(i, "contestedUnitPrice")}
                      errors={errors(`lines[${i}].contestedUnitPrice`)}
                    />
                  </div>
                );
              })}
            </fieldset>
          ))}
          <div className="form__actions">
            <Button type="submit">{t("onBehalf.submit")}</Button>
          </div>
        </Form>
      ) : null}
    </>
  );
}
