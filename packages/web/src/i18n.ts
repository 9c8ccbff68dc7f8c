import { isSecureRequest, readCookie } from "@accord/auth";
import { defaultLanguage, isLanguage, languages, translateKey, type Catalogue, type Language } from "@accord/ui/locales";
import type { ParseKeys } from "i18next";
import { initReactI18next } from "react-i18next";
import type { MiddlewareFunction } from "react-router";
import { createI18nextMiddleware } from "remix-i18next";

export const LANGUAGE_COOKIE = "accord_lng";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** `Set-Cookie` value remembering the UI language for a year (readable, not a secret). */
export function languageCookie(language: Language, { secure }: { secure: boolean }): string {
  return [`${LANGUAGE_COOKIE}=${language}`, "Path=/", `Max-Age=${ONE_YEAR_SECONDS}`, "SameSite=Lax", ...(secure ? ["Secure"] : [])].join(
    "; ",
  );
}

function languageFromCookie(request: Request): Language | null {
  const value = readCookie(request.headers.get("cookie"), LANGUAGE_COOKIE);
  return isLanguage(value) ? value : null;
}

/**
 * A key of the app's catalogue: i18next's `ParseKeys`, that is the keys of the merged French catalogue that
 * the app declares in its `app/i18next.d.ts` (ADR 0019); any string where nothing is declared (this
 * package's own typecheck).
 */
export type MessageKey = ParseKeys;

/** A plain translate function for loaders and actions: `t("auth.rateLimited", { minutes: 5 })`. */
export type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

/** i18next resources: one `translation` namespace per language (see each app's `app/locales`). */
export type Resources = Record<Language, { translation: Catalogue }>;

/** The i18n of one app, over its catalogues (shared strings merged with the app's own). */
export function createI18n(resources: Resources) {
  const [i18nextMiddleware, getLocale, getInstance] = createI18nextMiddleware({
    detection: {
      supportedLanguages: [...languages],
      fallbackLanguage: defaultLanguage,
      // ?lng=, then the remembered choice, then Accept-Language, then French.
      order: ["searchParams", "custom", "header"],
      findLocale: async ({ request }) => languageFromCookie(request),
    },
    i18next: {
      resources,
      supportedLngs: [...languages],
      fallbackLng: defaultLanguage,
      defaultNS: "translation",
      interpolation: { escapeValue: false },
    },
    plugins: [initReactI18next],
  });

  /** The page language, as detected for this request. */
  function languageOf(context: Parameters<typeof getLocale>[0]): Language {
    const locale = getLocale(context);
    return isLanguage(locale) ? locale : defaultLanguage;
  }

  /** Detects the language, and remembers an explicit `?lng=` choice in the `accord_lng` cookie. */
  const languageMiddleware: MiddlewareFunction<Response> = (args, next) =>
    i18nextMiddleware(args, async () => {
      const response = await next();
      const requested = new URL(args.request.url).searchParams.get("lng");
      const alreadySet = response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${LANGUAGE_COOKIE}=`));
      if (isLanguage(requested) && requested !== languageFromCookie(args.request) && !alreadySet) {
        appendHeader(response, "Set-Cookie", languageCookie(requested, { secure: isSecureRequest(args.request) }));
      }
      return response;
    });

  /** A plain translate function for this request's language. */
  function translator(context: Parameters<typeof getInstance>[0]): Translate {
    const i18n = getInstance(context);
    return (key, params) => translateKey(i18n.t, key, params ?? {});
  }

  /** `i18nOf(context)`: this request's i18next instance (`.t`), for entry.server's I18nextProvider. */
  return { languageMiddleware, languageOf, i18nOf: getInstance, translator };
}

function appendHeader(response: Response, name: string, value: string) {
  try {
    response.headers.append(name, value);
  } catch {
    // Immutable headers (a fetched response): nothing to remember then.
  }
}

