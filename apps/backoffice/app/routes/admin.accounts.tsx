import { listCustomerAccounts } from "@accord/core";
import { adminLoader } from "../admin/admin.server";
import { AdminListPage } from "../admin/page";
import type { Route } from "./+types/admin.accounts";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:users", async (ctx) => ({ accounts: await listCustomerAccounts(ctx) }));
}

export default function Accounts({ loaderData }: Route.ComponentProps) {
  return (
    <AdminListPage
      section="accounts"
      rows={loaderData.accounts}
      cells={(t) => ({
        name: (a) => a.name,
        siren: (a) => a.siren ?? "",
        erpCode: (a) => a.erpCode ?? "",
        tier: (a) => t(`admin.accounts.tiers.${a.tier}`),
        paymentTerm: (a) => t(`admin.accounts.paymentTerms.${a.paymentTerm.kind}`, { days: a.paymentTerm.days }),
        users: (a) => a.users,
      })}
    />
  );
}
