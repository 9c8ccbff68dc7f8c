import { hasPermission } from "@accord/auth";
import { ApiKeysSection, ReasonCodesSection } from "@accord/web/components/Keys";
import { addReasonCode, AppError, changeCustomerUserRole, changeCustomerUserRoleSchema, changeReasonCode, changeReasonCodeSchema, createApiKey, createApiKeySchema, customerUserTargetSchema, deleteReasonCode, inviteCustomerUser, inviteCustomerUserSchema, keyTargetSchema, listApiKeys, listCompanyUsers, listReasonCodes, NAME_MAX_LENGTH, reactivateCustomerUser, reasonCodeSchema, reasonCodeTargetSchema, revokeApiKey, revokeInvitation, revokeInvitationSchema } from "@accord/core";
import type { FlashKey } from "@accord/web/flash";
import { intent, reviewIntent, showOnceIntent, type IntentName } from "@accord/web/intents";
import { PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import type { Route } from "./+types/company";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { base, customerAction, type CustomerContext } from "../.server/intents";
import { InvitationsSection } from "../company/Invitations";
import { UsersTable } from "../company/UsersTable";
import { env } from "../env.server";

export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args);
  const list = await loadOrRespond(ctx, () => listCompanyUsers(ctx));
  // The company's admin manages its API keys and reason codes (the use cases check it again).
  const keys = hasPermission(ctx.actor, "api_keys:manage") ? await loadOrRespond(ctx, () => listApiKeys(ctx)) : null;
  const codes = hasPermission(ctx.actor, "reason_codes:manage") ? await loadOrRespond(ctx, () => listReasonCodes(ctx)) : null;
  return {
    apiKeys: keys?.keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null })) ?? null,
    reasonCodes: codes,
    nameMaxLength: NAME_MAX_LENGTH,
    canManage: list.canManage,
    users: list.users,
    invitations: list.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() })),
  };
}

const back = (flash: FlashKey) => () => ({ to: "/company", flash });

/** The page's forms (deactivation has its confirmation page). */
const INTENTS = {
  invite: intent(inviteCustomerUserSchema, (input, ctx: CustomerContext) => inviteCustomerUser({ ...base(ctx), input, portalUrl: env().PORTAL_URL }), back("company.flash.invited")),
  role: intent(changeCustomerUserRoleSchema, (input, ctx: CustomerContext) => changeCustomerUserRole({ ...base(ctx), input }), back("company.flash.roleChanged")),
  reactivate: intent(customerUserTargetSchema, (input, ctx: CustomerContext) => reactivateCustomerUser({ ...base(ctx), input }), back("company.flash.reactivated")),
  revoke: intent(revokeInvitationSchema, (input, ctx: CustomerContext) => revokeInvitation({ ...base(ctx), input }), back("company.flash.invitationRevoked")),
  // API keys (the new key is shown once, in the reply) and reason codes.
  createKey: showOnceIntent(createApiKeySchema, (input, ctx: CustomerContext) => createApiKey({ ...base(ctx), input })),
  // The confirmation names a live key of the company (another's, or a revoked one: 404).
  reviewRevokeKey: reviewIntent(keyTargetSchema, async (input, ctx: CustomerContext) => {
    const { keys } = await listApiKeys(base(ctx));
    if (!keys.some((k) => k.id === input.keyId && !k.revokedAt)) throw new AppError("not_found");
  }),
  revokeKey: intent(keyTargetSchema, (input, ctx: CustomerContext) => revokeApiKey({ ...base(ctx), input }), () => ({ to: "/company#api-keys", flash: "keys.flash.keyRevoked" })),
  addReasonCode: intent(reasonCodeSchema, (input, ctx: CustomerContext) => addReasonCode({ ...base(ctx), input }), () => ({ to: "/company#reason-codes", flash: "keys.flash.codeAdded" })),
  changeReasonCode: intent(changeReasonCodeSchema, (input, ctx: CustomerContext) => changeReasonCode({ ...base(ctx), input }), () => ({ to: "/company#reason-codes", flash: "keys.flash.codeChanged" })),
  deleteReasonCode: intent(reasonCodeTargetSchema, (input, ctx: CustomerContext) => deleteReasonCode({ ...base(ctx), input }), () => ({ to: "/company#reason-codes", flash: "keys.flash.codeDeleted" })),
};
export type CompanyIntent = IntentName<typeof INTENTS>;

export async function action(args: Route.ActionArgs) {
  return customerAction(args, INTENTS);
}

export default function Company({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { canManage, users, invitations, nameMaxLength, apiKeys, reasonCodes } = loaderData;
  return (
    <>
      <PageHeader eyebrow={t("company.nav")} title={t("company.title")} description={canManage ? undefined : t("company.readOnlyNotice")} />
      <UsersTable users={users} canManage={canManage} actionData={actionData ?? null} />
      {canManage ? <InvitationsSection invitations={invitations} nameMaxLength={nameMaxLength} actionData={actionData ?? null} /> : null}
      {apiKeys ? <ApiKeysSection keys={apiKeys} /> : null}
      {reasonCodes ? <ReasonCodesSection own={reasonCodes.own} administration={reasonCodes.administration} /> : null}
    </>
  );
}
