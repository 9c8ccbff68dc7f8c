import { getSupplierIdentity, supplierIdentitySchema, updateSupplierIdentity } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { CheckboxField, FileField, TextAreaField, TextField } from "../admin/fields";
import { AdminForm } from "../admin/page";
import type { Route } from "./+types/admin.company";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const identity = await getSupplierIdentity(ctx);
    return { identity: identity ? { legalName: identity.legalName, siren: identity.siren, vatNumber: identity.vatNumber, address: identity.address, hasLogo: identity.hasLogo } : null };
  });
}

/** The page's one form; the logo's bytes, read apart from the fields, go to the use case, which checks them. */
const intents = (logo: Uint8Array | null) => ({
  company: intent(supplierIdentitySchema, (input, ctx) => updateSupplierIdentity({ ...base(ctx), input, logo }), savedTo("/admin/company")),
});

/** One form, sent as multipart (it may carry the logo). */
export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const file = formData.get("logo");
  const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  formData.delete("logo");
  return adminAction(args, intents(logo), formData);
}

export default function Company({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { identity } = loaderData;
  return (
    <>
      <PageHeader title={t("admin.company.title")} description={t("admin.company.description")} />
      <section className="card" aria-label={t("admin.company.title")}>
        <AdminForm
          // Keyed by the saved identity: after a save, the form starts again from it.
          key={JSON.stringify(identity)}
          intent="company"
          defaults={identity ? { legalName: identity.legalName, siren: identity.siren, vatNumber: identity.vatNumber, address: identity.address } : undefined}
          submit={t("admin.save")}
          encType="multipart/form-data"
        >
          <TextField name="legalName" label={t("admin.company.fields.legalName")} required />
          <div className="admin-row">
            <TextField name="siren" label={t("admin.company.fields.siren")} hint={t("admin.company.fields.sirenHint")} inputMode="numeric" required />
            <TextField name="vatNumber" label={t("admin.company.fields.vatNumber")} hint={t("admin.company.fields.vatNumberHint")} required />
          </div>
          <TextAreaField name="address" label={t("admin.company.fields.address")} hint={t("admin.company.fields.addressHint")} rows={3} />
          <FileField name="logo" label={t("admin.company.fields.logo")} hint={t("admin.company.fields.logoHint")} accept="image/png,image/jpeg,image/gif,image/webp" />
          {identity?.hasLogo ? (
            <>
              <p>{t("admin.company.fields.hasLogo")}</p>
              <CheckboxField name="removeLogo" label={t("admin.company.fields.removeLogo")} />
            </>
          ) : null}
        </AdminForm>
      </section>
    </>
  );
}
