import { getArchivePublicKey } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { env } from "@accord/web/env";
import { useTranslation } from "react-i18next";
import type { Route } from "./+types/archive";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

export function meta() {
  return [{ title: "Archive probante — Accord" }];
}

/** The instance's public key (the one that signs every dossier) and how to verify a dossier: any staff member. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args);
  return loadOrRespond(ctx, () => getArchivePublicKey({ ...ctx, input: {}, signingKeyPem: env().ACCORD_SIGNING_KEY ?? undefined }));
}

export default function ArchivePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader title={t("archivePage.title")} description={t("archivePage.description")} />
      <section className="card stack" aria-labelledby="key-title">
        <h2 id="key-title">{t("archivePage.keyTitle")}</h2>
        <pre data-testid="public-key">{loaderData.publicKeyPem}</pre>
        <p className="muted">{t("archivePage.fingerprint", { fingerprint: loaderData.fingerprint })}</p>
        <p className="muted">{t(`archivePage.source.${loaderData.source}`)}</p>
      </section>
      <section className="card stack" aria-labelledby="verify-title">
        <h2 id="verify-title">{t("archivePage.verifyTitle")}</h2>
        <p>{t("archivePage.verifyIntro")}</p>
        <ol>
          <li>
            {t("archivePage.verifySums")} <code>sha256sum -c SHA256SUMS</code>
          </li>
          <li>
            {t("archivePage.verifySignature")} <code>openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig</code>
          </li>
        </ol>
        <p>{t("archivePage.proves")}</p>
      </section>
    </div>
  );
}
