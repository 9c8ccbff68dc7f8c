/** The browser side of both apps (`app/entry.client.tsx`): i18next in the page's language, then hydration. */
import { defaultLanguage, isLanguage, languages } from "@accord/ui/locales";
import i18next, { type Resource } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { HydratedRouter } from "react-router/dom";

export function hydrateApp(resources: Resource): void {
  // The server chose the language and wrote it in <html lang>: hydrate in the same one.
  const lang = document.documentElement.lang;
  void i18next
    .use(initReactI18next)
    .init({
      resources,
      lng: isLanguage(lang) ? lang : defaultLanguage,
      supportedLngs: [...languages],
      fallbackLng: defaultLanguage,
      defaultNS: "translation",
      interpolation: { escapeValue: false },
    })
    .then(() => {
      startTransition(() => {
        hydrateRoot(
          document,
          <I18nextProvider i18n={i18next}>
            <StrictMode>
              <HydratedRouter />
            </StrictMode>
          </I18nextProvider>,
        );
      });
    });
}
