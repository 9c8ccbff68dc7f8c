/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { Fragment, type ReactNode } from "react";
import type { EmailLanguage } from "./language";

const layoutMessages = {
  fr: {
    tagline: "Gestion des réclamations et des litiges",
    footer: "Cet e-mail vous a été envoyé automatiquement par Accord. Merci de ne pas y répondre directement.",
  },
  en: {
    tagline: "Claims and dispute management",
    footer: "This e-mail was sent automatically by Accord. Please do not reply to it directly.",
  },
} satisfies Record<EmailLanguage, Record<string, string>>;

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

/** Frame shared by every Accord e-mail: brand header, content, footer. */
export function EmailLayout({ language, preview, children }: { language: EmailLanguage; preview: string; children: ReactNode }) {
  const m = layoutMessages[language];
  return (
    <Html lang={language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.brand}>Accord</Text>
            <Text style={styles.tagline}>{m.tagline}</Text>
          </Section>
          <Section style={styles.content}>{children}</Section>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{m.footer}</Text>
        </Container>
      </Body>
    </Html>
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
