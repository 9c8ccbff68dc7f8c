/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, WrittenText } from "../layout";
import type { EmailTemplate } from "../template";

/**
 * To a customer who received a lot that another customer's case traced to a quality cause, before
 * they complain ("communication proactive"). It names the lot and this customer's own invoice lines,
 * never the other customer nor their case.
 */
export interface ProactiveNoticeProps {
  name: string;
  accountName: string;
  lotNumber: string;
  /** This customer's invoice lines that carry the lot. */
  lines: { invoiceNumber: string; description: string }[];
  /** The staff member's message (prefilled, edited before sending). */
  message: string;
  /** Where to report a problem (the portal's claim form), if known. */
  reportUrl: string | null;
}

const fr = {
  subject: (lot: string) => `Information qualité : lot ${lot}`,
  preview: (lot: string) => `Un lot que vous avez reçu (${lot}) fait l'objet d'une information qualité.`,
  intro: (account: string, lot: string) => `Vous recevez cet e-mail parce que ${account} a reçu des produits du lot ${lot}, concerné par une anomalie de qualité que nous avons identifiée.`,
  lines: "Vos factures concernées :",
  line: (invoice: string, description: string) => `Facture ${invoice} — ${description}`,
  button: "Signaler un problème",
};

const en: typeof fr = {
  subject: (lot) => `Quality notice: lot ${lot}`,
  preview: (lot) => `A lot you received (${lot}) is the subject of a quality notice.`,
  intro: (account, lot) => `You are receiving this e-mail because ${account} received products from lot ${lot}, affected by a quality issue we have identified.`,
  lines: "Your invoices concerned:",
  line: (invoice, description) => `Invoice ${invoice} — ${description}`,
  button: "Report a problem",
};

export const proactiveNoticeMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function ProactiveNoticeEmail(props: ProactiveNoticeProps & { language: EmailLanguage }) {
  const m = proactiveNoticeMessages[props.language];
  return (
    <EmailLayout language={props.language} preview={m.preview(props.lotNumber)} recipient={props.name}>
      <Text style={emailStyles.paragraph}>{m.intro(props.accountName, props.lotNumber)}</Text>
      <WrittenText text={props.message} />
      {props.lines.length > 0 ? (
        <>
          <Text style={{ ...emailStyles.paragraph, fontWeight: 600 }}>{m.lines}</Text>
          {props.lines.map((line) => (
            <Text key={`${line.invoiceNumber}-${line.description}`} style={emailStyles.paragraph}>
              {m.line(line.invoiceNumber, line.description)}
            </Text>
          ))}
        </>
      ) : null}
      <ActionButton href={props.reportUrl} label={m.button} />
    </EmailLayout>
  );
}

export const proactiveNoticeTemplate: EmailTemplate<ProactiveNoticeProps> = {
  audience: "customer",
  subject: (props, language) => proactiveNoticeMessages[language].subject(props.lotNumber),
  render: (props, language) => <ProactiveNoticeEmail {...props} language={language} />,
};
