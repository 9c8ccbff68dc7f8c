import type { CaseType, ContractClauses, CustomerRole, CustomerTier, PaymentTerm, StaffRole } from "@accord/db";

/** The demo data PRODUCT.md promises (password of every demo user: accord-demo). */
export const DEMO_PASSWORD = "accord-demo";

/** The demo supplier (« Notre société »): a fictitious food-service wholesaler; SIREN and VAT number pass their checks. */
export const DEMO_SUPPLIER = {
  legalName: "Valois Distribution CHR SAS",
  siren: "842197352",
  vatNumber: "FR88842197352",
  address: "14 avenue du Général-Leclerc\n60300 Senlis",
} as const;

export const DEMO_TEAMS = [
  { code: "quality", name: "Qualité" },
  { code: "logistics", name: "Logistique" },
  { code: "billing", name: "Facturation" },
  { code: "legal", name: "Juridique" },
] as const;

export const DEMO_STAFF: { email: string; name: string; roles: StaffRole[]; teams: string[] }[] = [
  { email: "agent@accord.example", name: "Camille Dubois", roles: ["agent"], teams: ["quality", "logistics"] },
  { email: "superviseur@accord.example", name: "Julien Moreau", roles: ["supervisor", "agent"], teams: ["quality", "logistics", "billing"] },
  { email: "finance@accord.example", name: "Sophie Laurent", roles: ["finance"], teams: ["billing"] },
  { email: "juriste@accord.example", name: "Claire Petit", roles: ["legal"], teams: ["legal"] },
  { email: "mediateur@accord.example", name: "Antoine Girard", roles: ["mediator"], teams: [] },
  { email: "admin@accord.example", name: "Nadia Benali", roles: ["admin"], teams: [] },
];

type DemoLine = { productCode: string; description: string; quantity: number; unit: string; unitPriceCents: number; vatRateBp: number; lotNumber?: string };
type DemoInvoice = { number: string; daysAgo: number; orderNumber: string; deliveryNoteNumber: string; lines: DemoLine[] };

export type DemoAccount = {
  name: string;
  siren: string;
  vatId: string;
  erpCode: string;
  tier: CustomerTier;
  paymentTerm: PaymentTerm;
  clauses: ContractClauses;
  apiKey: string;
  /** The account's own reason codes (they win over the administration's). */
  reasonCodes?: { code: string; caseType: CaseType; label: string }[];
  users: { email: string; name: string; role: CustomerRole }[];
  invoices: DemoInvoice[];
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    name: "Boulangeries Martin SAS",
    reasonCodes: [{ code: "RQ-01", caseType: "quality", label: "Produit non conforme" }],
    siren: "812345676",
    vatId: "FR19812345676",
    erpCode: "C-10042",
    tier: "key",
    paymentTerm: { kind: "end_of_month", days: 45 },
    clauses: {
      claimDeadlineDays: 30,
      penalty: { applies: true, rateBasisPoints: 1000 },
      mediation: { applies: true, mediator: "mediateur_des_entreprises" },
      priceIndexation: null,
    },
    apiKey: "accord_demo_martin",
    users: [
      { email: "admin@martin.example", name: "Paul Martin", role: "admin" },
      { email: "achats@martin.example", name: "Léa Roux", role: "member" },
      { email: "compta@martin.example", name: "Marc Fontaine", role: "viewer" },
    ],
    invoices: [
      {
        number: "FA-2026-10412",
        daysAgo: 40,
        orderNumber: "CMD-88120",
        deliveryNoteNumber: "BL-55012",
        lines: [
          { productCode: "FAR-T65-25", description: "Farine de blé T65 — sac de 25 kg", quantity: 120, unit: "sac", unitPriceCents: 1850, vatRateBp: 550, lotNumber: "L2026-0917" },
          { productCode: "FAR-T80-BIO", description: "Farine bio T80 — sac de 25 kg", quantity: 40, unit: "sac", unitPriceCents: 2490, vatRateBp: 550, lotNumber: "L2026-0921" },
          { productCode: "LEV-500", description: "Levure fraîche — pain de 500 g", quantity: 200, unit: "u", unitPriceCents: 215, vatRateBp: 550, lotNumber: "LV-3381" },
        ],
      },
      {
        number: "FA-2026-10588",
        daysAgo: 21,
        orderNumber: "CMD-88341",
        deliveryNoteNumber: "BL-55230",
        lines: [
          { productCode: "FOUR-SOLE-4P", description: "Four à sole 4 portes — installation", quantity: 1, unit: "u", unitPriceCents: 1_480_000, vatRateBp: 2000 },
          { productCode: "PELLE-ENF", description: "Pelles d'enfournement 1,80 m", quantity: 6, unit: "u", unitPriceCents: 8900, vatRateBp: 2000 },
          { productCode: "MAINT-AN", description: "Contrat de maintenance annuel", quantity: 1, unit: "u", unitPriceCents: 129_000, vatRateBp: 2000 },
        ],
      },
      {
        number: "FA-2026-10702",
        daysAgo: 6,
        orderNumber: "CMD-88502",
        deliveryNoteNumber: "BL-55418",
        lines: [
          { productCode: "FAR-T55-25", description: "Farine de blé T55 — sac de 25 kg", quantity: 150, unit: "sac", unitPriceCents: 1720, vatRateBp: 550, lotNumber: "L2026-1102" },
          { productCode: "SUCRE-25", description: "Sucre semoule — sac de 25 kg", quantity: 30, unit: "sac", unitPriceCents: 3150, vatRateBp: 550, lotNumber: "S-7710" },
        ],
      },
    ],
  },
  {
    name: "Hôtel du Port SARL",
    siren: "498765437",
    vatId: "FR28498765437",
    erpCode: "C-20417",
    tier: "standard",
    paymentTerm: { kind: "net", days: 30 },
    clauses: {
      claimDeadlineDays: 15,
      penalty: { applies: false, rateBasisPoints: null },
      mediation: { applies: false, mediator: null },
      priceIndexation: null,
    },
    apiKey: "accord_demo_hotelduport",
    users: [{ email: "admin@hotelduport.example", name: "Isabelle Le Goff", role: "admin" }],
    invoices: [
      {
        number: "FA-2026-10633",
        daysAgo: 25,
        orderNumber: "HP-2291",
        deliveryNoteNumber: "BL-55301",
        lines: [
          { productCode: "LAV-IND-18", description: "Lave-linge industriel 18 kg", quantity: 1, unit: "u", unitPriceCents: 1_290_000, vatRateBp: 2000 },
          { productCode: "PARURE-160", description: "Parures de lit 160 × 200, percale", quantity: 50, unit: "u", unitPriceCents: 6400, vatRateBp: 2000 },
        ],
      },
      {
        number: "FA-2026-10745",
        daysAgo: 9,
        orderNumber: "HP-2317",
        deliveryNoteNumber: "BL-55477",
        lines: [
          { productCode: "CAFE-GR-1K", description: "Café en grains — 1 kg", quantity: 60, unit: "kg", unitPriceCents: 1890, vatRateBp: 550, lotNumber: "CF-0412" },
          { productCode: "SERV-BLC", description: "Serviettes de bain blanches", quantity: 120, unit: "u", unitPriceCents: 1250, vatRateBp: 2000 },
        ],
      },
      {
        // The flour lot of Boulangeries Martin's quality claim (L2026-1102) went to the hotel's bakery too:
        // the proactive notice of a quality case on that lot reaches this account.
        number: "FA-2026-10661",
        daysAgo: 14,
        orderNumber: "HP-2304",
        deliveryNoteNumber: "BL-55410",
        lines: [
          { productCode: "FAR-T55-25", description: "Farine de blé T55 — sac de 25 kg", quantity: 20, unit: "sac", unitPriceCents: 1720, vatRateBp: 550, lotNumber: "L2026-1102" },
          { productCode: "BEUR-DOUX-10", description: "Beurre doux — plaque de 10 kg", quantity: 6, unit: "u", unitPriceCents: 8900, vatRateBp: 550, lotNumber: "BD-2207" },
        ],
      },
    ],
  },
];

/** Demo claims, filed through submitClaim by the seed (lines by invoice number and line number). */
/** The administration's reason codes: valid for every account (issue 14). */
export const DEMO_REASON_CODES: { code: string; caseType: CaseType; label: string }[] = [
  { code: "QUAL", caseType: "quality", label: "Défaut qualité" },
  { code: "LIV", caseType: "delivery", label: "Incident de livraison" },
  { code: "PRIX", caseType: "price_billing", label: "Litige de prix" },
];

export type DemoClaim = {
  filedBy: string;
  filedHoursAgo: number;
  /** For a delivery claim: the reception date, in days before the seed. */
  receivedDaysAgo?: number;
  lines: { invoiceNumber: string; lineNo: number; contestedQuantity?: string; contestedUnitPrice?: string }[];
  /** The claim form's other fields, checked by the use case. */
  input: Record<string, unknown> & { delivery?: Record<string, string> };
};

export const DEMO_CLAIMS: DemoClaim[] = [
  {
    filedBy: "achats@martin.example",
    filedHoursAgo: 26,
    lines: [{ invoiceNumber: "FA-2026-10702", lineNo: 1, contestedQuantity: "10" }],
    input: {
      type: "quality",
      title: "Farine T55 humide, sacs moisis",
      description: "Dix sacs du lot L2026-1102 sont arrivés humides ; la farine a moisi en deux jours. Photos disponibles.",
      desiredOutcome: "credit_note",
      quality: { product: "Farine de blé T55 — sac de 25 kg", lotNumber: "L2026-1102" },
    },
  },
  {
    filedBy: "admin@martin.example",
    filedHoursAgo: 4,
    receivedDaysAgo: 19,
    lines: [{ invoiceNumber: "FA-2026-10588", lineNo: 2, contestedQuantity: "2" }],
    input: {
      type: "delivery",
      title: "Deux pelles d'enfournement manquantes",
      description: "Le colis des pelles ne contenait que quatre pelles sur six. Réserve portée sur le bon de livraison.",
      desiredOutcome: "replacement",
      delivery: { deliveryNoteNumber: "BL-55230", signedWithReservations: "yes" },
    },
  },
  {
    filedBy: "admin@hotelduport.example",
    filedHoursAgo: 50,
    lines: [{ invoiceNumber: "FA-2026-10745", lineNo: 2, contestedUnitPrice: "11" }],
    input: {
      type: "price_billing",
      title: "Prix des serviettes différent du devis",
      description: "Le devis accepté indique 11,00 € HT la serviette, la facture 12,50 € HT.",
      desiredOutcome: "credit_note",
      priceBilling: { contractReference: "Devis D-2026-118" },
    },
  },
];
