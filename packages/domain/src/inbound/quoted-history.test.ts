import { describe, expect, it } from "vitest";
import { trimQuotedHistory } from "./quoted-history";

describe("trimQuotedHistory", () => {
  it("keeps a message without history as it is (trimmed)", () => {
    expect(trimQuotedHistory("\nBonjour,\n\nVoici les photos.\n\nMarie\n")).toBe("Bonjour,\n\nVoici les photos.\n\nMarie");
  });

  it.each([
    ["Gmail in French", "Le lun. 3 mars 2026 à 10:02, Accord <no-reply@accord.example> a écrit :"],
    ["Thunderbird in French", "Le 03/03/2026 à 10:02, Accord a écrit :"],
    ["Gmail in English", "On Tue, Mar 3, 2026 at 10:02 AM Accord <no-reply@accord.example> wrote:"],
    ["Outlook (English)", "-----Original Message-----"],
    ["Outlook (French)", "-----Message d'origine-----"],
    ["Outlook separator", "________________________________"],
  ])("drops what follows the marker of %s", (_client, marker) => {
    const text = `Merci, voici le bon de livraison.\r\n\r\n${marker}\r\n> Bonjour,\r\n> pouvez-vous nous envoyer le bon ?\r\n`;
    expect(trimQuotedHistory(text)).toBe("Merci, voici le bon de livraison.");
  });

  it("drops an attribution line wrapped over two lines", () => {
    const text = "C'est fait.\n\nLe mar. 3 mars 2026 à 10:02, Accord <no-reply@accord.example>\na écrit :\n> question";
    expect(trimQuotedHistory(text)).toBe("C'est fait.");
  });

  it("drops Outlook's header block, French and English", () => {
    const fr = "Réponse ici.\n\nDe : Accord <no-reply@accord.example>\nEnvoyé : mardi 3 mars 2026 10:02\nÀ : Marie\nObjet : LIT-2026-000001\n\nBonjour";
    expect(trimQuotedHistory(fr)).toBe("Réponse ici.");
    const en = "Answer here.\n\nFrom: Accord <no-reply@accord.example>\nSent: Tuesday, March 3, 2026 10:02 AM\nTo: Marie\n\nHello";
    expect(trimQuotedHistory(en)).toBe("Answer here.");
  });

  it("keeps a 'De :' line that is not followed by Outlook's block", () => {
    expect(trimQuotedHistory("De : notre côté, tout est prêt.\nMarie")).toBe("De : notre côté, tout est prêt.\nMarie");
  });

  it("drops > lines", () => {
    expect(trimQuotedHistory("Oui.\n> Le lot est-il le 42 ?\n> Merci")).toBe("Oui.");
  });

  it("keeps the whole text when the reply was typed inside the quote", () => {
    expect(trimQuotedHistory("> question\nréponse")).toBe("> question\nréponse");
  });
});
