import { apiMessages, defaultLanguage, mergeCatalogues, sharedMessages, translateKey, type Catalogue, type Language } from "@accord/ui/locales";
import i18next, { type i18n } from "i18next";

/** Translates a catalogue key known only at run time (a use case's message key, a field's code). */
export type ApiTranslate = (key: string, params?: Record<string, unknown>) => string;

export type ApiCatalogues = Record<Language, Catalogue>;

/** The shared strings and the API's own: what the API needs when no app gives it its full catalogue. */
export const defaultApiCatalogues: ApiCatalogues = {
  fr: mergeCatalogues(sharedMessages.fr, apiMessages.fr),
  en: mergeCatalogues(sharedMessages.en, apiMessages.en),
};

export function createTranslator(catalogues: ApiCatalogues): (language: Language) => ApiTranslate {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: { fr: { translation: catalogues.fr }, en: { translation: catalogues.en } },
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: ["fr", "en"],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const byLanguage = { fr: instance.getFixedT("fr"), en: instance.getFixedT("en") };
  return (language) => (key, params) => translateKey(byLanguage[language] as never, key, params);
}

/**
 * The answer's language: French unless the client prefers English (`Accept-Language: en`, or an
 * English tag ranked above any French one).
 */
export function languageOf(request: Request): Language {
  const header = request.headers.get("accept-language");
  if (!header) return defaultLanguage;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().slice(0, 2), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0 && (entry.language === "fr" || entry.language === "en"))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (ranked[0]?.language as Language | undefined) ?? defaultLanguage;
}
