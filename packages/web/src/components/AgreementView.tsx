/**
 * The agreement's printable page ("protocole d'accord"), in both apps: the blocks of the document the PDF
 * was rendered from at acceptance, as semantic HTML (one h1, headings, lists), with the link to the PDF —
 * the reference, whose SHA-256 is chained — and both hashes. The browser's print keeps the document only.
 */
import type { AgreementBlock, AgreementView as View } from "@accord/core";
import { PageHeader } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

function Blocks({ blocks }: { blocks: AgreementBlock[] }) {
  const out: ReactNode[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) out.push(<ul key={`ul-${out.length}`}>{bullets.map((text, index) => <li key={index}>{text}</li>)}</ul>);
    bullets = [];
  };
  blocks.forEach((block, index) => {
    if (block.type !== "bullet") flush();
    switch (block.type) {
      case "title":
        out.push(<h1 key={index}>{block.text}</h1>);
        break;
      case "subtitle":
        out.push(<p key={index} className="lead">{block.text}</p>);
        break;
      case "heading":
        out.push(<h2 key={index}>{block.text}</h2>);
        break;
      case "paragraph":
        out.push(<p key={index} className="preserve-lines">{block.strong ? <strong>{block.text}</strong> : block.text}</p>);
        break;
      case "field":
      case "amount":
        out.push(
          <p key={index}>
            <span className="muted">{block.label}</span> : {block.type === "field" && block.mono ? <code className="hash">{block.value}</code> : block.type === "amount" && block.strong ? <strong>{block.value}</strong> : block.value}
          </p>,
        );
        break;
      case "bullet":
        bullets.push(block.text);
        break;
      case "gap":
        break;
    }
  });
  flush();
  return <>{out}</>;
}

export function AgreementView({ view }: { view: View }) {
  const { t } = useTranslation();
  const pdf = `/cases/${view.reference}/agreement.pdf`;
  if (!view.agreement) {
    return (
      <>
        <PageHeader title={t("agreementView.title")} />
        <p>{t("agreementView.none")}</p>
        <p className="no-print">
          <Link to={`/cases/${view.reference}`}>{t("agreementView.back", { reference: view.reference })}</Link>
        </p>
      </>
    );
  }
  const { agreement } = view;
  return (
    <article className="agreement stack" lang={agreement.language}>
      <Blocks blocks={agreement.blocks} />
      <aside className="card stack no-print" aria-label={t("agreementView.reference")}>
        <p>{t("agreementView.printable")}</p>
        {agreement.agreementSha256 ? (
          <p>
            <a href={pdf} download>
              {t("agreementView.download")}
            </a>
            {" — "}
            {t("agreementView.pdfSha256")} <code className="hash">{agreement.agreementSha256}</code>
          </p>
        ) : null}
        <p>
          {t("agreementView.textSha256")} <code className="hash">{agreement.textSha256}</code>
        </p>
        <p>
          <Link to={`/cases/${view.reference}`}>{t("agreementView.back", { reference: view.reference })}</Link>
        </p>
      </aside>
    </article>
  );
}
