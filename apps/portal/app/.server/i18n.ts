import { createI18n } from "@accord/web/i18n";
import { resources } from "../locales";

export { LANGUAGE_COOKIE, languageCookie, type Translate } from "@accord/web/i18n";

/** This app's i18n over its catalogues (app/locales merged with @accord/ui/locales). */
export const { languageMiddleware, languageOf, i18nOf, translator } = createI18n(resources);
