import { customerCaseFiltersSchema, listCustomerCases, parseInput } from "@accord/core";
import { CASE_STATUSES, CASE_TYPES, STATUS_GROUPS } from "@accord/domain";
import { Alert, DataTable, EmptyState, Field, formatDate, formatMoney, PageHeader, SelectField } from "@accord/ui";
import { SubmitRow } from "@accord/web/components/FormFields";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/cases";
import { customerRoute } from "../.server/actor";
import { describeError, throwAsResponse } from "../.server/errors";

const FILTERS = ["status", "type", "from", "to", "q"] as const;
type FilterName = (typeof FILTERS)[number];

export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args, "case:read");
  const { t } = ctx;
  const params = new URL(args.request.url).searchParams;
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ""])) as Record<FilterName, string>;
  const cursor = params.get("cursor") ?? "";
  try {
    const list = await listCustomerCases({ ...ctx, input: parseInput(customerCaseFiltersSchema, { ...filters, cursor }) });
    return {
      filters,
      isFirstPage: cursor === "",
      fieldErrors: {} as Record<string, string[]>,
      formError: null as string | null,
      nextCursor: list.nextCursor,
      cases: list.cases.map((row) => ({
        reference: row.reference,
        title: row.title,
        type: row.type,
        statusKey: row.nextStep.statusKey,
        nextKey: row.nextStep.nextKey,
        owner: row.nextStep.owner,
        receivedAt: row.receivedAt.toISOString(),
        disputedAmountCents: row.disputedAmountCents,
        currency: row.currency,
      })),
    };
  } catch (error) {
    const failure = describeError(error, t);
    if (failure.code !== "validation") throwAsResponse(error, t);
    // Wrong filters: the form comes back with the error next to the field, and no list.
    return { filters, isFirstPage: true, fieldErrors: failure.fieldErrors, formError: failure.message, nextCursor: null, cases: [] };
  }
}

function nextHref(filters: Record<FilterName, string>, cursor: string): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  params.set("cursor", cursor);
  return `/cases?${params.toString()}`;
}

function firstHref(filters: Record<FilterName, string>): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  const query = params.toString();
  return query ? `/cases?${query}` : "/cases";
}

export default function Cases({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { filters, fieldErrors, formError, cases, nextCursor, isFirstPage } = loaderData;
  const filtered = FILTERS.some((name) => filters[name] !== "");
  return (
    <>
      <PageHeader eyebrow={t("cases.list.eyebrow")} title={t("cases.list.title")} />
      <Form key={FILTERS.map((name) => filters[name]).join("\u0000")} method="get" className="card form filters" role="search" aria-label={t("cases.filters.legend")}>
        <fieldset className="stack">
          <legend>{t("cases.filters.legend")}</legend>
          {formError && Object.keys(fieldErrors).length === 0 ? <Alert tone="error">{formError}</Alert> : null}
          <Field name="q" label={t("cases.filters.q")} hint={t("cases.filters.qHint")} defaultValue={filters.q} errors={fieldErrors.q} type="search" />
          <SelectField
            name="status"
            label={t("cases.filters.status")}
            defaultValue={filters.status}
            errors={fieldErrors.status}
            options={[
              { value: "", label: t("cases.filters.anyStatus") },
              ...STATUS_GROUPS.map((group) => ({ value: group, label: t(`cases.filters.${group}`) })),
              ...CASE_STATUSES.map((status) => ({ value: status, label: t(`case.status.${status}`) })),
            ]}
          />
          <SelectField
            name="type"
            label={t("cases.filters.type")}
            defaultValue={filters.type}
            errors={fieldErrors.type}
            options={[{ value: "", label: t("cases.filters.anyType") }, ...CASE_TYPES.map((type) => ({ value: type, label: t(`cases.type.${type}`) }))]}
          />
          <Field name="from" type="date" label={t("cases.filters.from")} defaultValue={filters.from} errors={fieldErrors.from} />
          <Field name="to" type="date" label={t("cases.filters.to")} defaultValue={filters.to} errors={fieldErrors.to} />
          <SubmitRow label={t("cases.filters.submit")}>{filtered ? <Link to="/cases">{t("cases.filters.reset")}</Link> : null}</SubmitRow>
        </fieldset>
      </Form>
      {formError && Object.keys(fieldErrors).length > 0 ? null : (
        <DataTable
          caption={t("cases.list.caption")}
          rows={cases}
          rowKey={(row) => row.reference}
          empty={<EmptyState title={t(filtered ? "cases.list.emptyFiltered" : "cases.list.empty")} />}
          columns={[
            {
              key: "reference",
              header: t("cases.list.columns.reference"),
              rowHeader: true,
              cell: (row) => <Link to={`/cases/${row.reference}`}>{row.reference}</Link>,
            },
            { key: "title", header: t("cases.list.columns.title"), cell: (row) => row.title },
            { key: "type", header: t("cases.list.columns.type"), cell: (row) => t(`cases.type.${row.type}`) },
            { key: "received", header: t("cases.list.columns.received"), cell: (row) => formatDate(row.receivedAt, i18n.language) },
            { key: "status", header: t("cases.list.columns.status"), cell: (row) => <span className="badge">{t(row.statusKey)}</span> },
            {
              key: "next",
              header: t("cases.list.columns.nextStep"),
              cell: (row) => (
                <>
                  {t(row.nextKey)}
                  <br />
                  <span className="muted">{t("cases.list.waitsOn", { owner: t(`cases.owner.${row.owner}`) })}</span>
                </>
              ),
            },
            {
              key: "amount",
              header: t("cases.list.columns.amount"),
              align: "end",
              cell: (row) => formatMoney(row.disputedAmountCents, row.currency, i18n.language),
            },
          ]}
        />
      )}
      {nextCursor || !isFirstPage ? (
        <nav aria-label={t("cases.list.pagination")} className="form__actions">
          {!isFirstPage ? <Link to={firstHref(filters)}>{t("cases.list.first")}</Link> : null}
          {nextCursor ? (
            <Link to={nextHref(filters, nextCursor)} rel="next">
              {t("cases.list.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
