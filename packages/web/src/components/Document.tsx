import { useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Links, Meta, Scripts, ScrollRestoration } from "react-router";
import { NonceContext } from "../nonce";

/** The HTML document around every page (the root route's `Layout`), in the page language; title from `app.label`. */
export function Document({ children }: { children: ReactNode }) {
  const { i18n, t } = useTranslation();
  const nonce = useContext(NonceContext);
  return (
    <html lang={i18n.language} dir={i18n.dir(i18n.language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t("common.productName")} — ${t("app.label")}`}</title>
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}
