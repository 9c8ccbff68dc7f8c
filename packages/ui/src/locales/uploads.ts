/** Strings of evidence uploads (EvidenceUploader, POST /uploads, the refusals of stageUpload), both apps. */
const fr = {
  uploads: {
    label: "Pièces justificatives",
    hint: "Jusqu'à {{max}} Mo par fichier : PDF, photos (JPEG, PNG, GIF, WebP, HEIC, TIFF), Word et Excel (DOCX, XLSX), OpenDocument (ODT, ODS), CSV, e-mails (EML) et texte.",
    remove: "Retirer",
    removeFile: "Retirer {{fileName}}",
    uploading: "Envoi de {{fileName}}",
    uploaded: "{{fileName}} est prêt.",
    removed: "{{fileName}} a été retiré.",
    failed: "L'envoi de « {{fileName}} » a échoué : réessayez.",
    waitForUploads: "Patientez : des fichiers sont encore en cours d'envoi.",
    listLabel: "Fichiers joints",
    error: {
      type: "« {{fileName}} » est refusé : son contenu n'est pas d'un type accepté ou ne correspond pas à son extension.",
      size: "« {{fileName}} » est refusé : il dépasse {{max}} Mo.",
      empty: "« {{fileName}} » est refusé : le fichier est vide.",
      expired: "Un fichier joint n'est plus disponible (envoyé il y a plus de 24 heures ?) : joignez-le à nouveau.",
      tooMany: "Trop de fichiers à la fois : {{max}} au maximum.",
      signedOut: "Votre session a expiré : reconnectez-vous.",
      noSpace: "« {{fileName}} » n'a pas pu être enregistré : l'espace de stockage est plein. Rien n'a été enregistré ; réessayez plus tard ou prévenez votre fournisseur.",
      noFiles: "Aucun fichier reçu : les fichiers s'envoient dans le champ « files » d'un formulaire multipart.",
    },
  },
};

const en: typeof fr = {
  uploads: {
    label: "Supporting documents",
    hint: "Up to {{max}} MB per file: PDF, photos (JPEG, PNG, GIF, WebP, HEIC, TIFF), Word and Excel (DOCX, XLSX), OpenDocument (ODT, ODS), CSV, e-mails (EML) and text.",
    remove: "Remove",
    removeFile: "Remove {{fileName}}",
    uploading: "Uploading {{fileName}}",
    uploaded: "{{fileName}} is ready.",
    removed: "{{fileName}} was removed.",
    failed: "Uploading “{{fileName}}” failed: please try again.",
    waitForUploads: "Please wait: some files are still uploading.",
    listLabel: "Attached files",
    error: {
      type: "“{{fileName}}” was refused: its content is not an accepted type or does not match its extension.",
      size: "“{{fileName}}” was refused: it is larger than {{max}} MB.",
      empty: "“{{fileName}}” was refused: the file is empty.",
      expired: "An attached file is no longer available (sent more than 24 hours ago?): please attach it again.",
      tooMany: "Too many files at once: {{max}} at most.",
      signedOut: "Your session has expired: please sign in again.",
      noSpace: "“{{fileName}}” could not be saved: the storage is full. Nothing was saved; please try again later or tell your supplier.",
      noFiles: "No file received: files are sent in the “files” field of a multipart form.",
    },
  },
};

export const uploadsMessages = { fr, en };
