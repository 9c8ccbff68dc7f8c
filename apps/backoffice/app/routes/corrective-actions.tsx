/** « Actions correctives »: every open corrective action, overdue first, by owner and due date; « mine » keeps the reader's. */
import { listOpenCorrectiveActions, listOpenCorrectiveActionsSchema, parseInput } from "@accord/core";
import { Button, ChoiceGroup, DataTable, EmptyState, formatDate, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/corrective-actions";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

export function meta() {
  return [{ title: "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "case:read");
  const scope = new URL(args.request.url).searchParams.get("scope") ?? undefined;
  return loadOrRespond(ctx, () => listOpenCorrectiveActions({ ...ctx, input: parseInput(listOpenCorrectiveActionsSchema, { scope: scope === "mine" ? "mine" : "all" }) }));
}

export default function CorrectiveActionsPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHeader title={t("correctiveActions.title")} description={t("correctiveActions.description")} />
      <Form method="get" className="stack">
        <ChoiceGroup
          id="corrective-scope"
          legend={t("correctiveActions.scope.legend")}
          name="scope"
          type="radio"
          options={[
            { value: "all", label: t("correctiveActions.scope.all") },
            { value: "mine", label: t("correctiveActions.scope.mine") },
          ]}
          defaultValues={[loaderData.scope]}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary">
            {t("correctiveActions.filter")}
          </Button>
        </div>
      </Form>
      <DataTable
        caption={t("correctiveActions.caption")}
        rows={loaderData.actions}
        rowKey={(row) => row.id}
        empty={<EmptyState title={t("correctiveActions.empty")} />}
        columns={[
          { key: "title", header: t("casePage.correctiveActions.title"), rowHeader: true, cell: (row) => row.title },
          { key: "owner", header: t("casePage.correctiveActions.owner"), cell: (row) => row.ownerName },
          {
            key: "due",
            header: t("casePage.correctiveActions.dueDate"),
            cell: (row) => (
              <>
                {formatDate(row.dueDate, i18n.language)}
                {row.overdue ? (
                  <>
                    {" "}
                    <span className="badge">{t("casePage.correctiveActions.overdue")}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { key: "case", header: t("correctiveActions.case"), cell: (row) => <Link to={`/cases/${row.reference}#corrective-actions`}>{row.reference}</Link> },
          { key: "customer", header: t("correctiveActions.customer"), cell: (row) => `${row.accountName} — ${row.caseTitle}` },
        ]}
      />
    </>
  );
}
