import { verifyChains, type ChainBreakReason } from "@accord/core";
import { createDb } from "@accord/db";
import type { CliLanguage } from "../language";

const REASONS: Record<CliLanguage, Record<ChainBreakReason, string>> = {
  fr: {
    hash_mismatch: "son contenu a changé (le hash enregistré ne correspond plus)",
    prev_hash_mismatch: "il ne suit pas l'événement précédent (hash précédent différent : événements déplacés ou intervertis)",
    missing_event: "un ou plusieurs événements le précédant ont disparu (numéros de séquence manquants)",
    non_canonical: "son contenu n'est plus un JSON canonique",
  },
  en: {
    hash_mismatch: "its content changed (the stored hash no longer matches)",
    prev_hash_mismatch: "it does not follow the previous event (different previous hash: events moved or swapped)",
    missing_event: "one or more events before it are gone (missing sequence numbers)",
    non_canonical: "its content is no longer canonical JSON",
  },
};

const TEXT = {
  fr: {
    noSchema: "Cette base de données ne contient pas le schéma d'Accord (tables des événements absentes). Vérifiez DATABASE_URL, ou appliquez les migrations : npm run accord -- migrate",
    intact: (events: number, chains: number) => `Chaînes intactes : ${events} événements vérifiés dans ${chains} chaînes (dossiers et administration).`,
    caseBreak: (reference: string, id: number, seq: number, why: string) =>
      `CHAÎNE ROMPUE : dossier ${reference}, événement id ${id} (séquence ${seq}) : ${why}.`,
    adminBreak: (id: number, seq: number, why: string) => `CHAÎNE ROMPUE : chaîne d'administration, événement id ${id} (séquence ${seq}) : ${why}.`,
    checked: (events: number, chains: number) => `Vérification arrêtée à la première rupture, après ${events} événements dans ${chains} chaînes.`,
  },
  en: {
    noSchema: "This database holds no Accord schema (the event tables are missing). Check DATABASE_URL, or apply the migrations: npm run accord -- migrate",
    intact: (events: number, chains: number) => `Chains intact: ${events} events checked in ${chains} chains (cases and administration).`,
    caseBreak: (reference: string, id: number, seq: number, why: string) => `BROKEN CHAIN: case ${reference}, event id ${id} (sequence ${seq}): ${why}.`,
    adminBreak: (id: number, seq: number, why: string) => `BROKEN CHAIN: administration chain, event id ${id} (sequence ${seq}): ${why}.`,
    checked: (events: number, chains: number) => `Verification stopped at the first break, after ${events} events in ${chains} chains.`,
  },
} satisfies Record<CliLanguage, unknown>;

/**
 * `npm run accord -- audit:verify`: checks every chain; returns the exit code (0 intact, 1 broken,
 * 2 no Accord schema) and prints what it found.
 */
export async function auditVerify(url: string, language: CliLanguage, out: { log: (line: string) => void; error: (line: string) => void }): Promise<number> {
  const text = TEXT[language];
  const { db, close } = createDb(url, { max: 1, applicationName: "accord-cli" });
  try {
    const result = await verifyChains({ db });
    if (result.status === "no_schema") {
      out.error(text.noSchema);
      return 2;
    }
    if (result.status === "intact") {
      out.log(text.intact(result.events, result.chains));
      return 0;
    }
    const { broken } = result;
    const why = REASONS[language][broken.reason];
    out.error(broken.chain === "case" ? text.caseBreak(broken.reference, broken.eventId, broken.seq, why) : text.adminBreak(broken.eventId, broken.seq, why));
    out.error(text.checked(result.events, result.chains));
    return 1;
  } finally {
    await close();
  }
}
