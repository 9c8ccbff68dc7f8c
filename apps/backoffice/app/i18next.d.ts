import type { AppCatalogue } from "./locales";

/**
 * i18next's keys are this app's merged French catalogue (ADR 0019): `t("a.b")` in this app, and in the
 * shared packages' components as this app compiles them, fails typecheck on a missing or misspelt key.
 * A key only known at run time (an AppError's `messageKey`) goes through `translateKey` of @accord/ui/locales.
 */
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: AppCatalogue };
  }
}
