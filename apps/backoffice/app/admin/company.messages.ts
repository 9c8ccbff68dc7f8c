/** Strings of the administration's « Notre société » page (/admin/company), French and English side by side (the catalogue's `admin.company`, merged in locales/admin.ts). */
const fr = {
  title: "Notre société",
  description: "L'identité légale du fournisseur : elle signe les e-mails (nom, logo, mentions légales) et figurera sur les protocoles transactionnels et les avoirs.",
  fields: {
    legalName: "Raison sociale",
    siren: "SIREN",
    sirenHint: "9 chiffres, par exemple 303 265 045.",
    vatNumber: "Numéro de TVA intracommunautaire",
    vatNumberHint: "FR, la clé à 2 chiffres, puis le SIREN : par exemple FR40303265045.",
    address: "Adresse",
    addressHint: "Une ligne par ligne de l'adresse postale.",
    logo: "Logo (facultatif)",
    logoHint: "Image PNG, JPEG, GIF ou WebP de 256 Ko au plus.",
    hasLogo: "Un logo est enregistré.",
    removeLogo: "Retirer le logo",
  },
  errors: {
    siren: "Ce SIREN n'est pas valide : 9 chiffres dont le dernier est la clé de contrôle.",
    vat_format: "Saisissez un numéro de TVA français : FR, 2 chiffres de clé, puis les 9 chiffres du SIREN.",
    vat_key: "La clé de ce numéro de TVA ne correspond pas au SIREN qu'il contient.",
    vat_siren_mismatch: "Ce numéro de TVA est celui d'un autre SIREN que celui saisi.",
    logoType: "Le logo doit être une image PNG, JPEG, GIF ou WebP.",
    logoSize: "Le logo dépasse 256 Ko.",
  },
};

const en: typeof fr = {
  title: "Our company",
  description: "The supplier's legal identity: it signs the e-mails (name, logo, legal notice) and will appear on settlement agreements and credit notes.",
  fields: {
    legalName: "Legal name",
    siren: "SIREN",
    sirenHint: "9 digits, for example 303 265 045.",
    vatNumber: "Intra-community VAT number",
    vatNumberHint: "FR, the 2-digit key, then the SIREN: for example FR40303265045.",
    address: "Address",
    addressHint: "One line per line of the postal address.",
    logo: "Logo (optional)",
    logoHint: "A PNG, JPEG, GIF or WebP image of 256 KB at most.",
    hasLogo: "A logo is stored.",
    removeLogo: "Remove the logo",
  },
  errors: {
    siren: "This SIREN is not valid: 9 digits, the last one being the check digit.",
    vat_format: "Enter a French VAT number: FR, a 2-digit key, then the 9 digits of the SIREN.",
    vat_key: "The key of this VAT number does not match the SIREN it holds.",
    vat_siren_mismatch: "This VAT number belongs to another SIREN than the one entered.",
    logoType: "The logo must be a PNG, JPEG, GIF or WebP image.",
    logoSize: "The logo is larger than 256 KB.",
  },
};

export const companyMessages = { fr, en };
