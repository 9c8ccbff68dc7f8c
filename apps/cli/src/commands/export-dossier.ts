import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { exportDossier, exportDossierSchema, isAppError, openFileStore } from "@accord/core";
import { createDb } from "@accord/db";
import type { CliEnv } from "../env";
import type { CliLanguage } from "../language";

const TEXT = {
  fr: {
    usage: "Usage : npm run accord -- export:dossier <référence> <fichier.zip>   (référence du type LIT-2026-000123)",
    notFound: (reference: string) => `Aucun dossier ${reference}.`,
    conflict: "Une pièce du dossier manque dans le stockage des fichiers : export impossible.",
    done: (file: string, count: number, sha: string) => `Dossier exporté : ${file} (${count} fichiers ; SHA-256 du manifeste ${sha}).`,
  },
  en: {
    usage: "Usage: npm run accord -- export:dossier <reference> <file.zip>   (a reference like LIT-2026-000123)",
    notFound: (reference: string) => `No case ${reference}.`,
    conflict: "An evidence file of the case is missing from the file store: cannot export.",
    done: (file: string, count: number, sha: string) => `Dossier exported: ${file} (${count} files; manifest SHA-256 ${sha}).`,
  },
} satisfies Record<CliLanguage, unknown>;

/** `npm run accord -- export:dossier <reference> <file.zip>`: streams the case's dossier to the file; returns the exit code. */
export async function exportDossierCommand(
  url: string,
  options: { reference: string | undefined; file: string | undefined; env: Pick<CliEnv, "FILE_STORE" | "ACCORD_SIGNING_KEY">; language: CliLanguage },
  out: { log: (line: string) => void; error: (line: string) => void },
): Promise<number> {
  const text = TEXT[options.language];
  const parsed = exportDossierSchema.safeParse({ reference: options.reference ?? "" });
  if (!parsed.success || !options.file) {
    out.error(text.usage);
    return 2;
  }
  const target = path.resolve(options.file);
  const { db, close } = createDb(url, { max: 2, applicationName: "accord-cli" });
  try {
    const dossier = await exportDossier({
      db,
      actor: null,
      operator: true,
      input: parsed.data,
      now: new Date(),
      files: openFileStore(options.env.FILE_STORE),
      signingKeyPem: options.env.ACCORD_SIGNING_KEY,
    });
    try {
      await pipeline(dossier.stream, createWriteStream(target, { flags: "w" }));
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
    out.log(text.done(target, dossier.files.length, dossier.manifestSha256));
    return 0;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") {
      out.error(text.notFound(parsed.data.reference));
      return 1;
    }
    if (isAppError(error) && error.code === "conflict") {
      out.error(text.conflict);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}
