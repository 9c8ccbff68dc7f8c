import { CASE_TYPES, CUSTOMER_TIERS } from "@accord/domain";
import { Button, SelectField } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, useLocation } from "react-router";

export type KpiFilterName = "type" | "team" | "account" | "tier" | "channel";

/**
 * The GET form of the dashboard's filters (the dashboard, the monthly review): the period fields the
 * page passes, then type, team, customer, tier and channel, each refusal beside its field.
 */
export function KpiFilters({
  idPrefix,
  period,
  form,
  options,
  fieldErrors,
  submit,
  after,
}: {
  idPrefix: string;
  period: ReactNode;
  form: Record<KpiFilterName, string>;
  /** Teams and customers by name, and the channels (from the loader: the client bundle never imports @accord/core). */
  options: { teams: readonly { id: string; name: string }[]; accounts: readonly { id: string; name: string }[]; channels: readonly string[] };
  fieldErrors: Record<string, string[]>;
  submit: string;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const select = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}` as never) }));
  const named = (items: readonly { id: string; name: string }[]) => items.map((item) => ({ value: item.id, label: item.name }));
  const lists: [name: KpiFilterName, choices: { value: string; label: string }[]][] = [
    ["type", select(CASE_TYPES, "caseType")],
    ["team", named(options.teams)],
    ["account", named(options.accounts)],
    ["tier", select(CUSTOMER_TIERS, "kpi.tier")],
    ["channel", select(options.channels, "caseChannel")],
  ];
  return (
    <section className="card" aria-labelledby={`${idPrefix}-filters-title`}>
      <h2 id={`${idPrefix}-filters-title`} className="visually-hidden">
        {t("kpi.filters.title")}
      </h2>
      {/* Keyed by the query: after a navigation the fields show the new filters, not the old ones. */}
      <Form method="get" className="form kpi-filters" key={location.search}>
        {period}
        {lists.map(([name, choices]) => (
          <SelectField
            key={name}
            id={`${idPrefix}-${name}`}
            name={name}
            label={t(`kpi.filters.${name}`)}
            defaultValue={form[name]}
            options={[{ value: "", label: t("kpi.filters.any") }, ...choices]}
            errors={fieldErrors[name]}
          />
        ))}
        <div className="form__actions">
          <Button>{submit}</Button>
          {after}
        </div>
      </Form>
    </section>
  );
}
