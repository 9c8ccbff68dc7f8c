/** « Clés d'intégration » (ADR 0035): the ERP's keys for imports, created (shown once) and revoked by a staff administrator. */
import { AppError, createIntegrationKey, createIntegrationKeySchema, keyTargetSchema, listIntegrationKeys, revokeIntegrationKey } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { IntegrationKeysSection } from "@accord/web/components/Keys";
import { intent, reviewIntent, showOnceIntent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, savedTo, type AdminContext } from "../admin/admin.server";
import type { Route } from "./+types/admin.integration-keys";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "integration_keys:manage", async (ctx) => ({
    keys: (await listIntegrationKeys(ctx)).map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null })),
  }));
}

const INTENTS = {
  createKey: showOnceIntent(createIntegrationKeySchema, (input, ctx: AdminContext) => createIntegrationKey({ ...base(ctx), input })),
  // The confirmation names a live key (a revoked or unknown one: 404).
  reviewRevokeKey: reviewIntent(keyTargetSchema, async (input, ctx: AdminContext) => {
    if (!(await listIntegrationKeys(ctx)).some((k) => k.id === input.keyId && !k.revokedAt)) throw new AppError("not_found");
  }),
  revokeKey: intent(keyTargetSchema, (input, ctx: AdminContext) => revokeIntegrationKey({ ...base(ctx), input }), savedTo("/admin/integration-keys", "keys.flash.keyRevoked")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function IntegrationKeys({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("keys.integrationKeys.title")} description={t("keys.integrationKeys.description")} />
      <IntegrationKeysSection keys={loaderData.keys} />
    </>
  );
}
