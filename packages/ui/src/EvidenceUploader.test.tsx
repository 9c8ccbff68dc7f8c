import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EvidenceUploader, formatFileSize, uploaderLimits, uploaderMessages, type EvidenceUploaderMessages } from "./EvidenceUploader";

const messages: EvidenceUploaderMessages = {
  remove: "Retirer",
  removeFile: (name) => `Retirer ${name}`,
  uploading: (name) => `Envoi de ${name}`,
  uploaded: (name) => `${name} est prêt`,
  removed: (name) => `${name} retiré`,
  failed: (name) => `L'envoi de ${name} a échoué`,
  waitForUploads: "Attendez la fin des envois.",
  listLabel: "Fichiers joints",
};

/** Intl separates numbers and units with (narrow) no-break spaces. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("EvidenceUploader", () => {
  it("is a labelled multiple file input that a plain form can post", () => {
    const html = renderToStaticMarkup(<EvidenceUploader id="evidence" label="Pièces jointes" hint="100 Mo maximum" messages={messages} />);
    expect(html).toContain('<label class="field__label" for="evidence">Pièces jointes</label>');
    expect(html).toMatch(/<input id="evidence" type="file" multiple=""[^>]* name="files"\/>/);
    expect(html).toContain('aria-describedby="evidence-hint"');
    expect(html).toContain('role="status" aria-live="polite"');
  });

  it("keeps the uploads of a refused submission as hidden ids, and names refused files with their reason", () => {
    const html = renderToStaticMarkup(
      <EvidenceUploader
        id="evidence"
        label="Pièces jointes"
        messages={messages}
        initialUploads={[{ id: "0b5f0f5e-8c43-4a0c-9b51-3d2b8b4e2f10", fileName: "photo.png", sizeBytes: 1_500_000 }]}
        initialRefused={[{ fileName: "facture.pdf", message: "Le contenu de « facture.pdf » n'est pas un type accepté." }]}
        errors={["Un fichier a expiré."]}
      />,
    );
    expect(html).toContain('<input type="hidden" name="uploadIds" value="0b5f0f5e-8c43-4a0c-9b51-3d2b8b4e2f10"/>');
    expect(html).toContain("photo.png");
    expect(spaces(html)).toContain("1,5 Mo");
    expect(html).toContain("Le contenu de « facture.pdf » n&#x27;est pas un type accepté.");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<p class="field__error" id="evidence-error">Un fichier a expiré.</p>');
  });

  it("takes the hidden inputs' name from its props", () => {
    const html = renderToStaticMarkup(
      <EvidenceUploader label="x" name="answerUploads" messages={messages} initialUploads={[{ id: "a", fileName: "a.pdf", sizeBytes: 1 }]} />,
    );
    expect(html).toContain('<input type="hidden" name="answerUploads" value="a"/>');
  });
});

describe("formatFileSize", () => {
  it("uses decimal units in the user's language", () => {
    expect(spaces(formatFileSize(999, "fr"))).toBe("999 o");
    expect(formatFileSize(104_857_600, "en")).toBe("104.9 MB");
    expect(formatFileSize(2_000, "en")).toBe("2 kB");
  });
});

describe("uploaderMessages", () => {
  const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ""}`;
  it("builds every message from the shared catalogue, and refuses large files early only when told the limit", () => {
    const plain = uploaderMessages(t);
    expect(plain.removeFile("a.pdf")).toBe('uploads.removeFile{"fileName":"a.pdf"}');
    expect(plain.tooLarge).toBeUndefined();
    expect(uploaderMessages(t, { maxMegabytes: 100 }).tooLarge?.("gros.pdf")).toBe('uploads.error.size{"fileName":"gros.pdf","max":100}');
  });
});

describe("uploaderLimits", () => {
  const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ""}`;
  it("names the limit in the hint and refuses a larger file early, from the limit in bytes", () => {
    const limits = uploaderLimits(t, 100 * 1024 * 1024);
    expect(limits.maxFileBytes).toBe(104_857_600);
    expect(limits.hint).toBe('uploads.hint{"max":100}');
    expect(limits.messages.tooLarge?.("gros.pdf")).toBe('uploads.error.size{"fileName":"gros.pdf","max":100}');
    expect(uploaderLimits(t, 5_500_000).hint).toBe('uploads.hint{"max":5.2}');
  });
});
