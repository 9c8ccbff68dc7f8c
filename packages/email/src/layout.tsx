/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { createContext, Fragment, useContext, type ReactNode } from "react";
import type { EmailLanguage } from "./language";

/**
 * Who sends the e-mail, added to every e-mail's props when it is queued: the supplier's legal
 * identity (« Notre société ») and the name of the agent handling the case, when there is one.
 * E-mails queued before it existed have none: they keep the Accord wording.
 */
export interface EmailSender {
  supplier: { legalName: string; siren: string; vatNumber: string; address: string } | null;
  agentName: string | null;
}

const SenderContext = createContext<EmailSender | null>(null);
/** Set once by renderEmail from the props' `sender`. */
export const EmailSenderProvider = SenderContext.Provider;

const fr = {
  tagline: "Gestion des réclamations et des litiges",
  greeting: (name: string) => `Bonjour ${name},`,
  footer: "Cet e-mail vous a été envoyé automatiquement par Accord. Merci de ne pas y répondre directement.",
  footerFor: (company: string) => `Cet e-mail vous a été envoyé automatiquement par ${company} via Accord. Merci de ne pas y répondre directement.`,
  legal: (s: NonNullable<EmailSender["supplier"]>) => `${s.legalName} — SIREN ${s.siren} — TVA ${s.vatNumber} — ${oneLine(s.address)}`,
  team: (company: string) => `L'équipe ${company}`,
  agent: (agent: string, company: string) => `${agent}, pour ${company}`,
};
const layoutMessages: Record<EmailLanguage, typeof fr> = {
  fr,
  en: {
    tagline: "Claims and dispute management",
    greeting: (name) => `Hello ${name},`,
    footer: "This e-mail was sent automatically by Accord. Please do not reply to it directly.",
    footerFor: (company) => `This e-mail was sent automatically by ${company} through Accord. Please do not reply to it directly.`,
    legal: (s) => `${s.legalName} — SIREN ${s.siren} — VAT ${s.vatNumber} — ${oneLine(s.address)}`,
    team: (company) => `The ${company} team`,
    agent: (agent, company) => `${agent}, for ${company}`,
  },
};

function oneLine(address: string) {
  return address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(", ");
}

const colors = { brand: "#1f3a68", text: "#1c1c1c", muted: "#5c6370", border: "#e3e6ea", background: "#f4f5f7" };

const styles = {
  body: { backgroundColor: colors.background, fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: "6px", maxWidth: "560px", margin: "0 auto" },
  header: { backgroundColor: colors.brand, borderRadius: "6px 6px 0 0", padding: "16px 24px" },
  brand: { color: "#ffffff", fontSize: "20px", fontWeight: 700, letterSpacing: "0.5px", margin: 0 },
  tagline: { color: "#d6deeb", fontSize: "12px", margin: "2px 0 0" },
  content: { color: colors.text, fontSize: "15px", lineHeight: "24px", padding: "8px 24px 16px" },
  hr: { borderColor: colors.border, margin: 0 },
  footer: { color: colors.muted, fontSize: "12px", lineHeight: "18px", padding: "0 24px", margin: "12px 0" },
} as const;

/**
 * Frame shared by every Accord e-mail: brand header, content, footer. The content opens with the
 * greeting of the `recipient` (their name) and closes with the {@link Signature} (`signature`: the
 * template's own wording of it), when the template has them.
 */
export function EmailLayout({
  language,
  preview,
  recipient,
  signature,
  children,
}: {
  language: EmailLanguage;
  preview: string;
  recipient?: string;
  signature?: string;
  children: ReactNode;
}) {
  const m = layoutMessages[language];
  const supplier = useContext(SenderContext)?.supplier ?? null;
  return (
    <Html lang={language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.brand}>{supplier?.legalName ?? "Accord"}</Text>
            <Text style={styles.tagline}>{m.tagline}</Text>
          </Section>
          <Section style={styles.content}>
            {recipient === undefined ? null : <Text style={emailStyles.paragraph}>{m.greeting(recipient)}</Text>}
            {children}
            {signature === undefined ? null : <Signature language={language} fallback={signature} />}
          </Section>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{supplier ? m.footerFor(supplier.legalName) : m.footer}</Text>
          {supplier ? <Text style={styles.footer}>{m.legal(supplier)}</Text> : null}
        </Container>
      </Body>
    </Html>
  );
}

/**
 * The closing line: the handling agent for the supplier, or the supplier's team; without a supplier
 * identity, the template's own wording (`fallback`).
 */
export function Signature({ language, fallback }: { language: EmailLanguage; fallback: string }) {
  const sender = useContext(SenderContext);
  const m = layoutMessages[language];
  const company = sender?.supplier?.legalName;
  const text = company ? (sender?.agentName ? m.agent(sender.agentName, company) : m.team(company)) : fallback;
  return <Text style={emailStyles.paragraph}>{text}</Text>;
}

/** The e-mail's call to action; nothing when there is no link to give (queued without the app's public URL). */
export function ActionButton({ href, label }: { href: string | null | undefined; label: string }) {
  return href ? (
    <Button href={href} style={emailStyles.button}>
      {label}
    </Button>
  ) : null;
}

/** A link written out in full under its label: for mail clients that show no button, or as the only way to the page. */
export function LinkInFull({ label, href }: { label: string; href: string }) {
  return (
    <Text style={emailStyles.muted}>
      {label}
      <br />
      <Link href={href} style={emailStyles.link}>
        {href}
      </Link>
    </Text>
  );
}

/** A value under its label, in one paragraph (a reason, a message). */
export function LabelledText({ label, text }: { label: string; text: string }) {
  return (
    <Text style={emailStyles.paragraph}>
      {label}
      <br />
      {text}
    </Text>
  );
}

/**
 * A text someone wrote (a reply, a message), as paragraphs: one block per blank-line-separated
 * paragraph and a line break per new line, so the plain-text part (derived from the HTML, where
 * CSS white-space counts for nothing) keeps them apart too.
 */
export function WrittenText({ text, style }: { text: string; style?: Record<string, string | number> }) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
  return (
    <Section style={{ borderLeft: `3px solid ${colors.border}`, paddingLeft: "12px", ...style }}>
      {paragraphs.map((paragraph, index) => (
        <Text key={index} style={emailStyles.paragraph}>
          {paragraph.split("\n").map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Text>
      ))}
    </Section>
  );
}

export const emailStyles = {
  paragraph: { margin: "16px 0" },
  button: {
    backgroundColor: colors.brand,
    borderRadius: "4px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  link: { color: colors.brand, wordBreak: "break-all" },
  muted: { color: colors.muted, fontSize: "13px", margin: "16px 0" },
} as const;
