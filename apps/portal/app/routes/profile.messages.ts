/** Strings of the profile page, French and English side by side (merged in locales/company.ts). */
const fr = {
  profile: {
    nav: "Mon profil",
    title: "Mon profil",
    details: {
      title: "Informations personnelles",
      name: "Nom",
      email: "Adresse e-mail",
      emailHint: "Pour changer d'adresse, contactez un administrateur de votre entreprise.",
      language: "Langue du portail et des e-mails",
      submit: "Enregistrer",
    },
    languages: {
      fr: "Français",
      en: "English",
    },
    password: {
      title: "Mot de passe",
      description: "Après le changement, vos autres sessions ouvertes (autres navigateurs, autres appareils) sont fermées.",
      current: "Mot de passe actuel",
      new: "Nouveau mot de passe",
      confirm: "Confirmez le nouveau mot de passe",
      submit: "Changer le mot de passe",
    },
    emails: {
      title: "Préférences d'e-mails",
      description: "Choisissez les e-mails que vous souhaitez recevoir. Les e-mails obligatoires ne peuvent pas être désactivés.",
      optionalLegend: "E-mails que vous pouvez désactiver",
      mandatoryLegend: "E-mails obligatoires",
      mandatory: "Ces e-mails sont toujours envoyés : ils ont une portée contractuelle (accusé de réception, demandes d'informations, propositions, décision, clôture) ou donnent accès à votre compte (invitation, mot de passe).",
      submit: "Enregistrer mes préférences",
      kinds: {
        acknowledgement: "Accusé de réception d'une réclamation",
        new_reply: "Nouvelle réponse sur un dossier",
        information_requested: "Demande d'informations ou de pièces",
        reminder: "Rappels (réponses attendues, factures bientôt à échéance)",
        proactive_notice: "Informations qualité sur un lot que vous avez reçu",
        proposal_offered: "Proposition de résolution",
        proposal_accepted: "Confirmation d'une proposition acceptée",
        resolution: "Décision de résolution",
        closure: "Clôture du dossier",
        invitation: "Invitations",
        password_reset: "Réinitialisation du mot de passe",
      },
    },
    flash: {
      saved: "Votre profil a été enregistré.",
      passwordChanged: "Votre mot de passe a été modifié. Vos autres sessions ont été fermées.",
      preferencesSaved: "Vos préférences d'e-mails ont été enregistrées.",
    },
    errors: {
      currentPasswordWrong: "Le mot de passe actuel est incorrect.",
      languageInvalid: "Choisissez une langue dans la liste.",
      emailMandatory: "Cet e-mail est obligatoire et ne peut pas être désactivé.",
    },
  },
};

const en: typeof fr = {
  profile: {
    nav: "My profile",
    title: "My profile",
    details: {
      title: "Personal details",
      name: "Name",
      email: "E-mail address",
      emailHint: "To change your address, contact an administrator of your company.",
      language: "Language of the portal and e-mails",
      submit: "Save",
    },
    languages: {
      fr: "Français",
      en: "English",
    },
    password: {
      title: "Password",
      description: "After the change, your other open sessions (other browsers, other devices) are signed out.",
      current: "Current password",
      new: "New password",
      confirm: "Confirm the new password",
      submit: "Change the password",
    },
    emails: {
      title: "E-mail preferences",
      description: "Choose the e-mails you want to receive. Mandatory e-mails cannot be turned off.",
      optionalLegend: "E-mails you can turn off",
      mandatoryLegend: "Mandatory e-mails",
      mandatory: "These e-mails are always sent: they have contractual weight (acknowledgement, requests for information, proposals, decision, closure) or give access to your account (invitation, password).",
      submit: "Save my preferences",
      kinds: {
        acknowledgement: "Acknowledgement of a claim",
        new_reply: "New reply on a case",
        information_requested: "Request for information or documents",
        reminder: "Reminders (answers awaited, invoices falling due soon)",
        proactive_notice: "Quality notices about a lot you received",
        proposal_offered: "Resolution proposal",
        proposal_accepted: "Confirmation of an accepted proposal",
        resolution: "Resolution decision",
        closure: "Case closure",
        invitation: "Invitations",
        password_reset: "Password reset",
      },
    },
    flash: {
      saved: "Your profile has been saved.",
      passwordChanged: "Your password has been changed. Your other sessions have been signed out.",
      preferencesSaved: "Your e-mail preferences have been saved.",
    },
    errors: {
      currentPasswordWrong: "The current password is incorrect.",
      languageInvalid: "Choose a language from the list.",
      emailMandatory: "This e-mail is mandatory and cannot be turned off.",
    },
  },
};

export const profileMessages = { fr, en };
