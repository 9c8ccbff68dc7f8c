import { getSupplierIdentity, supplierIdentitySchema, updateSupplierIdentity } from "@accord/core";
import { Button, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { AdminForm, CheckboxField, ErrorText, stateFor, TextAreaField, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.company";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const identity = await getSupplierIdentity({ db: args.context.get(dbContext), actor });
    return {
      identity: identity
        ? { legalName: identity.legalName, siren: identity.siren, vatNumber: identity.vatNumber, address: identity.address, hasLogo: identity.hasLogo }
        : null,
    };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

/** One form, sent as multipart (it may carry the logo); the use case checks the logo's bytes. */
export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context } = args;
  const formData = await request.formData();
  const file = formData.get("logo");
  const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  formData.delete("logo");
  const db = context.get(dbContext);
  const refused = await submitForm(formData, supplierIdentitySchema, translator(context), (input) => updateSupplierIdentity({ db, actor, input, logo, now: new Date() }));
  return refused ?? savedRedirect(request, "/admin/company");
}

export default function Company({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const identity = loaderData.identity;
  const state = stateFor(actionData, "company");
  const logoErrors = state?.errors.logo ?? [];
  return (
    <>
      <PageHeader title={t("admin.company.title")} description={t("admin.company.description")} />
      <section className="card" aria-label={t("admin.company.title")}>
        <AdminForm key={JSON.stringify(identity)} intent="company" state={state} encType="multipart/form-data">
          <TextField name="legalName" label={t("admin.company.fields.legalName")} required defaultValue={identity?.legalName ?? ""} />
          <div className="admin-row">
            <TextField name="siren" label={t("admin.company.fields.siren")} hint={t("admin.company.fields.sirenHint")} inputMode="numeric" required defaultValue={identity?.siren ?? ""} />
            <TextField name="vatNumber" label={t("admin.company.fields.vatNumber")} hint={t("admin.company.fields.vatNumberHint")} required defaultValue={identity?.vatNumber ?? ""} />
          </div>
          <TextAreaField name="address" label={t("admin.company.fields.address")} hint={t("admin.company.fields.addressHint")} rows={3} defaultValue={identity?.address ?? ""} />
          <div className={logoErrors.length ? "field field--invalid" : "field"}>
            <label className="field__label" htmlFor="field-logo">
              {t("admin.company.fields.logo")}
            </label>
            <p className="field__hint" id="field-logo-hint">
              {t("admin.company.fields.logoHint")}
            </p>
            <input
              type="file"
              id="field-logo"
              name="logo"
              accept="image/png,image/jpeg,image/gif,image/webp"
              aria-describedby={logoErrors.length ? "field-logo-hint field-logo-error" : "field-logo-hint"}
              aria-invalid={logoErrors.length ? true : undefined}
            />
            <ErrorText id="field-logo-error" errors={logoErrors} />
          </div>
          {identity?.hasLogo ? (
            <>
              <p>{t("admin.company.fields.hasLogo")}</p>
              <CheckboxField name="removeLogo" label={t("admin.company.fields.removeLogo")} />
            </>
          ) : null}
          <div className="form__actions">
            <Button type="submit">{t("admin.save")}</Button>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
