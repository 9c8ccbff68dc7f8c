import { createHash } from "node:crypto";
import type { AgreementDocument } from "../settlement/agreement-document";

/** A settlement accepted on 6 December 2026 at 20:35:27 in Paris (tests only). */
export function agreementFixture(overrides: Partial<AgreementDocument["proposal"]> = {}): AgreementDocument {
  return {
    supplier: {
      legalName: "Minoterie Dupuis SAS",
      siren: "552100554",
      vatNumber: "FR12552100554",
      address: "12 rue des Moulins\n69007 Lyon",
    },
    customer: { legalName: "Boulangeries Martin SARL", siren: "732829320", vatNumber: null, address: null },
    caseReference: "LIT-2026-000042",
    caseTitle: "Farine humide à la livraison",
    invoices: [
      { number: "F-2026-0117", issuedOn: "2026-11-12" },
      { number: "F-2026-0123", issuedOn: "2026-11-19" },
    ],
    proposal: {
      number: 2,
      kind: "settlement",
      terms: "Le Fournisseur émet un avoir sur la facture F-2026-0117.\n\nLe Client règle le solde sous 30 jours.",
      concessions: {
        supplier: ["Avoir de 1 234,56 € HT sur la farine livrée humide"],
        customer: ["Renonce à la pénalité de retard prévue au contrat"],
      },
      amountCents: 123_456,
      vatCents: 24_691,
      currency: "EUR",
      ...overrides,
    },
    acceptance: {
      signerName: "Claire Martin",
      customerEmail: "claire.martin@boulangeries-martin.fr",
      acceptedAt: new Date("2026-12-06T19:35:27Z"),
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0",
      textSha256: createHash("sha256").update("texte accepté").digest("hex"),
    },
  };
}
