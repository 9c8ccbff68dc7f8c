import type { CaseChannel, CasePriority, CaseType, ContractClauses, PaymentTerm } from "@accord/db";

/**
 * The third demo account (issue 15): a brasserie chain with 18 months of dispute history, so the KPI
 * dashboard tells a story on a fresh install. Its SIREN and VAT number pass the domain's checks.
 */
export const LEMOINE_ACCOUNT = {
  name: "Brasseries Lemoine SA",
  siren: "552081317",
  vatId: "FR03552081317",
  erpCode: "C-30518",
  tier: "strategic" as const,
  paymentTerm: { kind: "net", days: 45 } satisfies PaymentTerm,
  clauses: {
    claimDeadlineDays: 30,
    penalty: { applies: true, rateBasisPoints: 500 },
    mediation: { applies: true, mediator: "internal" },
    priceIndexation: null,
  } satisfies ContractClauses,
  apiKey: "accord_demo_lemoine",
  users: [
    { email: "admin@lemoine.example", name: "Hélène Lemoine", role: "admin" as const },
    { email: "achats@lemoine.example", name: "Karim Haddad", role: "member" as const },
  ],
};

/** How many months of history, and the PRNG's fixed seed (the same `now` gives the same history). */
export const HISTORY_MONTHS = 18;
export const HISTORY_SEED = 0x4c454d4f; // "LEMO"

/** The products of Lemoine's invoices (two a month); quantities per invoice vary around `quantity`. */
export const LEMOINE_PRODUCTS: { code: string; description: string; unit: string; quantity: number; unitPriceCents: number; vatRateBp: number; lot: string }[] = [
  { code: "MALT-PILS-25", description: "Malt d'orge Pilsen — sac de 25 kg", unit: "sac", quantity: 160, unitPriceCents: 2450, vatRateBp: 550, lot: "MP" },
  { code: "HOUB-SAAZ-5", description: "Houblon Saaz en pellets — 5 kg", unit: "u", quantity: 24, unitPriceCents: 11_900, vatRateBp: 550, lot: "HS" },
  { code: "FUT-INOX-30", description: "Fûts inox 30 L (consigne)", unit: "u", quantity: 80, unitPriceCents: 6500, vatRateBp: 2000, lot: "" },
  { code: "VERRE-50-24", description: "Verres à bière 50 cl — carton de 24", unit: "carton", quantity: 40, unitPriceCents: 5280, vatRateBp: 2000, lot: "" },
  { code: "FRITES-4X25", description: "Frites surgelées — carton 4 × 2,5 kg", unit: "carton", quantity: 120, unitPriceCents: 1890, vatRateBp: 550, lot: "FR" },
  { code: "CAFE-GR-1K", description: "Café en grains — 1 kg", unit: "kg", quantity: 90, unitPriceCents: 1890, vatRateBp: 550, lot: "CF" },
  { code: "SIROP-GREN-1L", description: "Sirop de grenadine — 1 L", unit: "u", quantity: 60, unitPriceCents: 540, vatRateBp: 550, lot: "SG" },
  { code: "NETT-CANA-5L", description: "Nettoyant canalisations bière — 5 L", unit: "u", quantity: 30, unitPriceCents: 3450, vatRateBp: 2000, lot: "NC" },
];

export type RootCauseCode =
  | "product_defect"
  | "raw_material"
  | "packaging"
  | "transport_damage"
  | "late_delivery"
  | "picking_error"
  | "pricing_error"
  | "billing_error"
  | "contract_interpretation"
  | "customer_error"
  | "unfounded";

/** The share of each cause among the cases that are not late deliveries (late deliveries have their own curve). */
export const OTHER_CAUSES: { code: RootCauseCode; weight: number }[] = [
  { code: "transport_damage", weight: 0.17 },
  { code: "product_defect", weight: 0.16 },
  { code: "picking_error", weight: 0.14 },
  { code: "pricing_error", weight: 0.12 },
  { code: "billing_error", weight: 0.11 },
  { code: "packaging", weight: 0.08 },
  { code: "raw_material", weight: 0.07 },
  { code: "contract_interpretation", weight: 0.05 },
  { code: "customer_error", weight: 0.05 },
  { code: "unfounded", weight: 0.05 },
];

/** The case type a cause shows as (customer errors and unfounded claims come in any type). */
export const TYPE_OF_CAUSE: Record<RootCauseCode, CaseType | null> = {
  product_defect: "quality",
  raw_material: "quality",
  packaging: "quality",
  transport_damage: "delivery",
  late_delivery: "delivery",
  picking_error: "delivery",
  pricing_error: "price_billing",
  billing_error: "price_billing",
  contract_interpretation: "price_billing",
  customer_error: null,
  unfounded: null,
};

/** The products a cause's claims are about (indexes in LEMOINE_PRODUCTS). */
export const PRODUCTS_OF_TYPE: Record<CaseType, number[]> = {
  quality: [0, 1, 4, 5, 6],
  delivery: [0, 2, 3, 4, 7],
  price_billing: [0, 1, 2, 3, 4, 5, 6, 7],
  compliance: [7],
  other: [3],
};

/** Titles per cause (one drawn per case), in French: the customer's words. */
export const TITLES: Record<RootCauseCode, string[]> = {
  product_defect: ["Produit non conforme à la réception", "Défaut constaté sur le lot livré", "Produit impropre à l'usage"],
  raw_material: ["Malt humide, odeur anormale", "Lot hors spécifications", "Grains contaminés"],
  packaging: ["Emballages percés à la livraison", "Cartons écrasés, produit abîmé", "Fûts mal calés, bouchons arrachés"],
  transport_damage: ["Palette renversée pendant le transport", "Casse à la livraison", "Marchandise endommagée par le transporteur"],
  late_delivery: ["Livraison en retard, service du soir perturbé", "Commande livrée avec deux jours de retard", "Livraison hors créneau convenu"],
  picking_error: ["Référence livrée différente de la commande", "Quantité livrée incomplète", "Produit manquant sur la palette"],
  pricing_error: ["Prix facturé différent du tarif contractuel", "Remise annuelle non appliquée", "Tarif de l'ancien catalogue facturé"],
  billing_error: ["Ligne facturée deux fois", "Consigne des fûts facturée à tort", "Facture sans le bon de livraison correspondant"],
  contract_interpretation: ["Désaccord sur la clause de révision de prix", "Pénalités de retard contestées", "Franco de port non respecté selon nous"],
  customer_error: ["Commande passée sur la mauvaise référence", "Quantité commandée par erreur"],
  unfounded: ["Produit jugé non conforme", "Écart de quantité constaté"],
};

export const SEVERITY_WEIGHTS: { value: CasePriority; weight: number }[] = [
  { value: "P1", weight: 0.05 },
  { value: "P2", weight: 0.2 },
  { value: "P3", weight: 0.55 },
  { value: "P4", weight: 0.2 },
];

export const CHANNEL_WEIGHTS: { value: CaseChannel; weight: number }[] = [
  { value: "portal", weight: 0.55 },
  { value: "email", weight: 0.2 },
  { value: "api", weight: 0.15 },
  { value: "phone", weight: 0.07 },
  { value: "csv", weight: 0.03 },
];

/** Seasonality by calendar month (January = 0): a December peak, an August dip. */
export const SEASONALITY = [0.95, 1, 1, 1, 1, 1.05, 0.85, 0.55, 1.1, 1, 1.15, 1.4];

/** The corrective actions of the story (by the cause they fix); `daysAgo` counts from the seed's `now`. */
export const STORY_ACTIONS = {
  carrier: { rootCauseCode: "late_delivery" as const, title: "Changement de transporteur sur les tournées Nord et Est", doneDaysAgo: 243 },
  packaging: { rootCauseCode: "packaging" as const, title: "Calage renforcé des fûts et cartons sur palette", doneDaysAgo: 150 },
  pricing: { rootCauseCode: "pricing_error" as const, title: "Contrôle automatique des prix contractuels à la facturation", doneDaysAgo: 95 },
  open: [
    { rootCauseCode: "raw_material" as const, title: "Audit du fournisseur de malt (hygrométrie des silos)", dueInDays: 20 },
    { rootCauseCode: "picking_error" as const, title: "Formation des préparateurs au double contrôle des références", dueInDays: 10 },
    // Overdue: its due date has passed and it is still open (the review pack's follow-up shows it).
    { rootCauseCode: "pricing_error" as const, title: "Révision de la grille tarifaire saisonnière", dueInDays: -4 },
  ],
};

export const LEGAL_COSTS = [
  { label: "Honoraires d'avocat", minCents: 150_000, maxCents: 450_000 },
  { label: "Frais d'huissier", minCents: 20_000, maxCents: 60_000 },
  { label: "Frais de greffe", minCents: 6_000, maxCents: 12_000 },
];
