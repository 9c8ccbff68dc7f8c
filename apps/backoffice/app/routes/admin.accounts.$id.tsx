import { createCustomerAccount, createPriceAgreement, inviteCustomerUser, inviteCustomerUserSchema, customerAccountSchema, getCustomerAccount, listCustomerAccounts, priceAgreementSchema, updateCustomerAccount } from "@accord/core";
import { hasPermission, isSecureRequest } from "@accord/auth";
import { Button, DataTable, EmptyState, formatDate, formatMoney, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link, redirect } from "react-router";
import { AccountForm, type AccountDefaults } from "../admin/account-form";
import { AdminForm, SelectField, stateFor, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.accounts.$id";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { flashCookie } from "../.server/flash";
import { languageOf, translator } from "../.server/i18n";
import { env } from "../env.server";

const NEW = "new";

/** /admin/accounts/new creates an account; /admin/accounts/<id> edits one, lists its users and its contracted prices. */
export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  const db = args.context.get(dbContext);
  try {
    if (args.params.id === NEW) {
      await listCustomerAccounts({ db, actor }); // the permission check (404 otherwise)
      return { account: null, defaults: undefined, users: [], agreements: [], canEditPrices: false };
    }
    const { account, users, agreements } = await getCustomerAccount({ db, actor, accountId: args.params.id });
    const language = languageOf(args.context);
    const defaults: AccountDefaults = {
      name: account.name,
      siren: account.siren ?? "",
      vatId: account.vatId ?? "",
      erpCode: account.erpCode ?? "",
      tier: account.tier,
      language: account.language,
      paymentTermKind: account.paymentTerm.kind,
      paymentTermDays: String(account.paymentTerm.days),
      claimDeadlineDays: account.clauses.claimDeadlineDays === null ? "" : String(account.clauses.claimDeadlineDays),
      penaltyApplies: account.clauses.penalty.applies,
      penaltyRate: account.clauses.penalty.rateBasisPoints === null ? "" : String(account.clauses.penalty.rateBasisPoints / 100).replace(".", language === "fr" ? "," : "."),
      mediationApplies: account.clauses.mediation.applies,
      mediator: account.clauses.mediation.mediator ?? "",
    };
    return {
      account: { id: account.id, name: account.name },
      defaults,
      users,
      agreements: agreements.map((a) => ({
        id: a.id,
        productCode: a.productCode,
        description: a.description,
        unitPriceCents: a.unitPriceCents,
        validFrom: a.validFrom,
        validTo: a.validTo,
        indexation: a.indexation,
      })),
      canEditPrices: hasPermission(actor, "admin:settings"),
    };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context, params } = args;
  const t = translator(context);
  const db = context.get(dbContext);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const now = new Date();
  if (intent === "account") {
    if (params.id === NEW) {
      let created = "";
      const refused = await submitForm(formData, customerAccountSchema, t, async (input) => {
        created = (await createCustomerAccount({ db, actor, input, now })).id;
      });
      return refused ?? redirect(`/admin/accounts/${created}`, { headers: { "Set-Cookie": flashCookie("admin.flash.saved", { secure: isSecureRequest(request) }) } });
    }
    const refused = await submitForm(formData, customerAccountSchema, t, (input) => updateCustomerAccount({ db, actor, accountId: params.id, input, now }));
    return refused ?? savedRedirect(request, `/admin/accounts/${params.id}`);
  }
  if (intent === "invite" && params.id !== NEW) {
    const refused = await submitForm(formData, inviteCustomerUserSchema, t, (input) =>
      inviteCustomerUser({ db, actor, accountId: params.id, input, portalUrl: env().PORTAL_URL, now }),
    );
    return refused ?? savedRedirect(request, `/admin/accounts/${params.id}`, "admin.flash.invited");
  }
  if (intent === "price" && params.id !== NEW) {
    const refused = await submitForm(formData, priceAgreementSchema, t, (input) => createPriceAgreement({ db, actor, accountId: params.id, input, now }));
    return refused ?? savedRedirect(request, `/admin/accounts/${params.id}`);
  }
  notFound();
}

export default function AccountPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { account, defaults, users, agreements, canEditPrices } = loaderData;
  const title = account ? t("admin.accounts.editTitle", { name: account.name }) : t("admin.accounts.createTitle");
  return (
    <>
      <PageHeader eyebrow={t("admin.accounts.title")} title={title} />
      <p>
        <Link to="/admin/accounts">{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        <AccountForm key={JSON.stringify(defaults ?? null)} state={stateFor(actionData, "account")} defaults={defaults} submitLabel={account ? t("admin.save") : t("admin.create")} />
      </section>
      {account ? (
        <>
          <section aria-labelledby="account-users" className="stack">
            <h2 id="account-users">{t("admin.accounts.users.title")}</h2>
            <DataTable
              caption={t("admin.accounts.users.caption")}
              rows={users}
              rowKey={(user) => user.id}
              empty={<p className="muted">{t("admin.accounts.users.empty")}</p>}
              columns={[
                { key: "name", header: t("admin.accounts.users.columns.name"), rowHeader: true, cell: (u) => u.name },
                { key: "email", header: t("admin.accounts.users.columns.email"), cell: (u) => u.email },
                { key: "role", header: t("admin.accounts.users.columns.role"), cell: (u) => t(`admin.accounts.users.roles.${u.role}`) },
                { key: "status", header: t("admin.accounts.users.columns.status"), cell: (u) => t(u.active ? "admin.active" : "admin.inactive") },
              ]}
            />
            <p className="muted">{t("admin.accounts.users.inviteNote")}</p>
            <div className="card">
              <h3>{t("admin.accounts.users.invite.title")}</h3>
              <p>{t("admin.accounts.users.invite.description")}</p>
              <AdminForm intent="invite" state={stateFor(actionData, "invite")}>
                <div className="admin-row">
                  <TextField name="email" id="invite-email" type="email" autoComplete="off" label={t("admin.accounts.users.invite.email")} required />
                  <TextField name="name" id="invite-name" autoComplete="off" label={t("admin.accounts.users.invite.name")} required />
                  <SelectField
                    name="role"
                    id="invite-role"
                    label={t("admin.accounts.users.invite.role")}
                    defaultValue="admin"
                    options={(["admin", "member", "viewer"] as const).map((role) => ({ value: role, label: t(`admin.accounts.users.roles.${role}`) }))}
                  />
                </div>
                <div className="form__actions">
                  <Button type="submit">{t("admin.accounts.users.invite.submit")}</Button>
                </div>
              </AdminForm>
            </div>
          </section>
          <section aria-labelledby="account-prices" className="stack">
            <h2 id="account-prices">{t("admin.prices.title")}</h2>
            <DataTable
              caption={t("admin.prices.caption")}
              rows={agreements}
              rowKey={(a) => a.id}
              empty={<EmptyState title={t("admin.prices.empty")} />}
              columns={[
                { key: "product", header: t("admin.prices.columns.product"), rowHeader: true, cell: (a) => a.productCode },
                { key: "description", header: t("admin.prices.columns.description"), cell: (a) => a.description ?? "" },
                { key: "price", header: t("admin.prices.columns.price"), cell: (a) => formatMoney(a.unitPriceCents, "EUR", i18n.language) },
                {
                  key: "validity",
                  header: t("admin.prices.columns.validity"),
                  cell: (a) =>
                    a.validTo
                      ? t("admin.prices.fromTo", { from: formatDate(a.validFrom, i18n.language), to: formatDate(a.validTo, i18n.language) })
                      : t("admin.prices.from", { from: formatDate(a.validFrom, i18n.language) }),
                },
                {
                  key: "indexation",
                  header: t("admin.prices.columns.indexation"),
                  cell: (a) => (a.indexation ? t("admin.prices.indexation", { code: a.indexation.indexCode, base: a.indexation.baseValue }) : t("admin.prices.none")),
                },
              ]}
            />
            {canEditPrices ? (
              <div className="card">
                <h3>{t("admin.prices.createTitle")}</h3>
                <AdminForm intent="price" state={stateFor(actionData, "price")}>
                  <div className="admin-row">
                    <TextField name="productCode" label={t("admin.prices.fields.productCode")} required />
                    <TextField name="description" label={t("admin.prices.fields.description")} />
                    <TextField name="unitPrice" label={t("admin.prices.fields.unitPrice")} inputMode="decimal" required />
                  </div>
                  <div className="admin-row">
                    <TextField name="validFrom" type="date" label={t("admin.prices.fields.validFrom")} required />
                    <TextField name="validTo" type="date" label={t("admin.prices.fields.validTo")} />
                  </div>
                  <fieldset className="admin-fieldset">
                    <legend>{t("admin.prices.fields.indexation")}</legend>
                    <div className="admin-row">
                      <TextField name="indexCode" label={t("admin.prices.fields.indexCode")} hint={t("admin.prices.fields.indexCodeHint")} />
                      <TextField name="indexBase" label={t("admin.prices.fields.indexBase")} inputMode="decimal" />
                    </div>
                  </fieldset>
                  <div className="form__actions">
                    <Button type="submit">{t("admin.create")}</Button>
                  </div>
                </AdminForm>
              </div>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
