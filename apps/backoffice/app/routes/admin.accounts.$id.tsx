import { ApiKeysSection, ReasonCodesSection } from "@accord/web/components/Keys";
import { addReasonCode, AppError, changeReasonCode, changeReasonCodeSchema, createApiKey, createApiKeySchema, createCustomerAccount, createPriceAgreement, customerAccountSchema, deleteReasonCode, getCustomerAccount, inviteCustomerUser, inviteCustomerUserSchema, keyTargetSchema, listApiKeys, listReasonCodes, priceAgreementSchema, reasonCodeSchema, reasonCodeTargetSchema, revokeApiKey, updateCustomerAccount } from "@accord/core";
import { hasPermission } from "@accord/auth";
import { EmptyState, formatDate, formatMoney } from "@accord/ui";
import { intent, reviewIntent, showOnceIntent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { AccountFields, NEW_ACCOUNT, type AccountDefaults } from "../admin/account-form";
import { adminAction, adminLoader, base, isNew, savedTo, type AdminContext } from "../admin/admin.server";
import { SelectField, TextField } from "../admin/fields";
import { activeStatus, AdminEditPage, FormSection, TableSection } from "../admin/page";
import type { Route } from "./+types/admin.accounts.$id";
import { languageOf } from "../.server/i18n";
import { env } from "../env.server";

/** /admin/accounts/new creates an account; /admin/accounts/<id> edits one, lists its users and its contracted prices. */
export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:users", async (ctx) => {
    if (isNew(ctx)) return { account: null, defaults: undefined, users: [], agreements: [], canEditPrices: false, apiKeys: null, reasonCodes: null };
    const { account, users, agreements } = await getCustomerAccount({ ...ctx, accountId: args.params.id });
    const language = languageOf(args.context);
    const { clauses } = account;
    const defaults: AccountDefaults = {
      name: account.name,
      siren: account.siren ?? "",
      vatId: account.vatId ?? "",
      erpCode: account.erpCode ?? "",
      tier: account.tier,
      language: account.language,
      paymentTermKind: account.paymentTerm.kind,
      paymentTermDays: String(account.paymentTerm.days),
      claimDeadlineDays: clauses.claimDeadlineDays === null ? "" : String(clauses.claimDeadlineDays),
      penaltyApplies: clauses.penalty.applies ? "on" : undefined,
      penaltyRate: clauses.penalty.rateBasisPoints === null ? "" : String(clauses.penalty.rateBasisPoints / 100).replace(".", language === "fr" ? "," : "."),
      mediationApplies: clauses.mediation.applies ? "on" : undefined,
      mediator: clauses.mediation.mediator ?? "",
    };
    return {
      account: { id: account.id, name: account.name },
      defaults,
      users,
      agreements: agreements.map(({ id, productCode, description, unitPriceCents, validFrom, validTo, indexation }) => ({ id, productCode, description, unitPriceCents, validFrom, validTo, indexation })),
      canEditPrices: hasPermission(ctx.actor, "admin:settings"),
      apiKeys: hasPermission(ctx.actor, "api_keys:manage") ? await accountKeys(ctx) : null,
      reasonCodes: hasPermission(ctx.actor, "reason_codes:manage") ? await listReasonCodes({ ...ctx, accountId: account.id }) : null,
    };
  });
}

/** The account's API keys (dates as ISO strings) and whom a new key may act as. */
async function accountKeys(ctx: AdminContext) {
  const { keys, actingUsers } = await listApiKeys({ ...ctx, accountId: ctx.params.id });
  return { actingUsers, keys: keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null })) };
}

const accountPage = (ctx: AdminContext) => `/admin/accounts/${ctx.params.id ?? ""}`;
const accountPart = (part: string) => (ctx: AdminContext) => `${accountPage(ctx)}#${part}`;

const INTENTS = {
  account: intent(
    customerAccountSchema,
    (input, ctx: AdminContext) => (isNew(ctx) ? createCustomerAccount({ ...base(ctx), input }) : updateCustomerAccount({ ...base(ctx), accountId: ctx.params.id ?? "", input })),
    (account) => ({ to: `/admin/accounts/${account.id}`, flash: "admin.flash.saved" }),
  ),
  invite: intent(inviteCustomerUserSchema, (input, ctx) => inviteCustomerUser({ ...base(ctx), accountId: ctx.params.id, input, portalUrl: env().PORTAL_URL }), savedTo(accountPage, "admin.flash.invited")),
  price: intent(priceAgreementSchema, (input, ctx) => createPriceAgreement({ ...base(ctx), accountId: ctx.params.id ?? "", input }), savedTo(accountPage)),
  // The account's API keys (the new key shown once, in the reply) and its reason codes.
  createKey: showOnceIntent(createApiKeySchema, (input, ctx: AdminContext) => createApiKey({ ...base(ctx), accountId: ctx.params.id, input })),
  // The confirmation names a live key of this account (another's, or a revoked one: 404).
  reviewRevokeKey: reviewIntent(keyTargetSchema, async (input, ctx: AdminContext) => {
    const { keys } = await listApiKeys({ ...base(ctx), accountId: ctx.params.id });
    if (!keys.some((k) => k.id === input.keyId && !k.revokedAt)) throw new AppError("not_found");
  }),
  revokeKey: intent(keyTargetSchema, (input, ctx) => revokeApiKey({ ...base(ctx), accountId: ctx.params.id, input }), savedTo(accountPart("api-keys"), "keys.flash.keyRevoked")),
  addReasonCode: intent(reasonCodeSchema, (input, ctx) => addReasonCode({ ...base(ctx), accountId: ctx.params.id ?? "", input }), savedTo(accountPart("reason-codes"), "keys.flash.codeAdded")),
  changeReasonCode: intent(changeReasonCodeSchema, (input, ctx) => changeReasonCode({ ...base(ctx), accountId: ctx.params.id ?? "", input }), savedTo(accountPart("reason-codes"), "keys.flash.codeChanged")),
  deleteReasonCode: intent(reasonCodeTargetSchema, (input, ctx) => deleteReasonCode({ ...base(ctx), accountId: ctx.params.id ?? "", input }), savedTo(accountPart("reason-codes"), "keys.flash.codeDeleted")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

type Loaded = Route.ComponentProps["loaderData"];

/** The account's users, and the invitation of one more. */
function AccountUsers({ users }: { users: Loaded["users"] }) {
  const { t } = useTranslation();
  return (
    <TableSection
      id="account-users"
      at="admin.accounts.users"
      rows={users}
      empty={<p className="muted">{t("admin.accounts.users.empty")}</p>}
      cells={(t) => ({
        name: (u) => u.name,
        email: (u) => u.email,
        role: (u) => t(`admin.accounts.users.roles.${u.role}`),
        status: (u) => activeStatus(t, u.active),
      })}
    >
      <p className="muted">{t("admin.accounts.users.inviteNote")}</p>
      <FormSection
        id="account-invite"
        title={t("admin.accounts.users.invite.title")}
        description={t("admin.accounts.users.invite.description")}
        intent="invite"
        defaults={{ role: "admin" }}
        submit={t("admin.accounts.users.invite.submit")}
      >
        <div className="admin-row">
          <TextField name="email" id="invite-email" type="email" autoComplete="off" label={t("admin.accounts.users.invite.email")} required />
          <TextField name="name" id="invite-name" autoComplete="off" label={t("admin.accounts.users.invite.name")} required />
          <SelectField name="role" id="invite-role" label={t("admin.accounts.users.invite.role")} options={(["admin", "member", "viewer"] as const).map((role) => ({ value: role, label: t(`admin.accounts.users.roles.${role}`) }))} />
        </div>
      </FormSection>
    </TableSection>
  );
}

/** The account's contracted prices, and (for an admin of the settings) the form to add one. */
function AccountPrices({ agreements, canEditPrices }: { agreements: Loaded["agreements"]; canEditPrices: boolean }) {
  const { t } = useTranslation();
  return (
    <TableSection
      id="account-prices"
      at="admin.prices"
      rows={agreements}
      empty={<EmptyState title={t("admin.prices.empty")} />}
      cells={(t, language) => {
        const date = (value: string) => formatDate(value, language);
        return {
          product: (a) => a.productCode,
          description: (a) => a.description ?? "",
          price: (a) => formatMoney(a.unitPriceCents, "EUR", language),
          validity: (a) => (a.validTo ? t("admin.prices.fromTo", { from: date(a.validFrom), to: date(a.validTo) }) : t("admin.prices.from", { from: date(a.validFrom) })),
          indexation: (a) => (a.indexation ? t("admin.prices.indexation", { code: a.indexation.indexCode, base: a.indexation.baseValue }) : t("admin.prices.none")),
        };
      }}
    >
      {canEditPrices ? (
        <FormSection id="price-create" title={t("admin.prices.createTitle")} intent="price" submit={t("admin.create")}>
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
        </FormSection>
      ) : null}
    </TableSection>
  );
}

export default function AccountPage({ loaderData }: Route.ComponentProps) {
  const { account, defaults, users, agreements, canEditPrices, apiKeys, reasonCodes } = loaderData;
  return (
    <AdminEditPage
      // A saved account comes back to this page: its form starts again from what was saved.
      key={JSON.stringify(defaults ?? null)}
      section="accounts"
      name={account?.name}
      intent="account"
      defaults={defaults ?? NEW_ACCOUNT}
      after={
        account ? (
          <>
            <AccountUsers users={users} />
            <AccountPrices agreements={agreements} canEditPrices={canEditPrices} />
            {apiKeys ? <ApiKeysSection keys={apiKeys.keys} actingUsers={apiKeys.actingUsers} /> : null}
            {reasonCodes ? <ReasonCodesSection own={reasonCodes.own} administration={reasonCodes.administration} /> : null}
          </>
        ) : null
      }
    >
      <AccountFields />
    </AdminEditPage>
  );
}
