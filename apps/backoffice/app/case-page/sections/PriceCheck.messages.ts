/** Strings of the case page's PriceCheck section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    priceCheck: {
      caption: "Prix contractuel de chaque ligne contestée, à la date de la facture",
      invoiced: "Prix facturé",
      agreed: "Prix du contrat",
      indexed: "{{index}} {{month}} : {{value}} / base {{base}}",
      contracted: "Prix contractuel",
      difference: "Écart (facturé − contrat)",
      status: {
        ok: "",
        no_product_code: "Ligne sans code produit",
        no_agreement: "Aucun accord de prix valable à cette date",
        index_value_missing: "Valeur de l'indice manquante pour ce mois",
      },
    },
  },
};

const en: typeof fr = {
  casePage: {
    priceCheck: {
      caption: "Contracted price of each contested line, at the invoice date",
      invoiced: "Invoiced price",
      agreed: "Agreement price",
      indexed: "{{index}} {{month}}: {{value}} / base {{base}}",
      contracted: "Contracted price",
      difference: "Difference (invoiced − contract)",
      status: {
        ok: "",
        no_product_code: "Line without a product code",
        no_agreement: "No price agreement valid at that date",
        index_value_missing: "Index value missing for that month",
      },
    },
  },
};

export const priceCheckMessages = { fr, en };
