import { describe, expect, it } from "vitest";
import { dossierReadme } from "./dossier-readme";
import { safeFileName } from "./safe-file-name";

describe("names in the dossier", () => {
  it("keeps ASCII letters, digits, dots and dashes; nothing else reaches a ZIP path or SHA256SUMS", () => {
    expect(safeFileName("Photo palette (1).jpg")).toBe("Photo_palette_1_.jpg");
    expect(safeFileName("Procès-verbal été.pdf")).toBe("Proces-verbal_ete.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("etc_passwd");
    expect(safeFileName("a\nb\\c.txt")).toBe("a_b_c.txt");
    expect(safeFileName("")).toBe("fichier");
    expect(safeFileName("x".repeat(300))).toHaveLength(120);
  });
});

describe("LISEZMOI.txt", () => {
  it("gives the two verification commands and says what they do not prove", () => {
    const text = dossierReadme({ reference: "LIT-2026-000001", exportedAt: new Date("2026-12-01T10:00:00Z"), fingerprint: "ab".repeat(32) });
    expect(text).toContain("sha256sum -c SHA256SUMS");
    expect(text).toContain("openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig");
    expect(text).toContain("Que les faits enregistrés sont vrais");
    expect(text).toContain("ab".repeat(32));
  });
});
