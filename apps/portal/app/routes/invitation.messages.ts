/** Strings of the invitation page, French and English side by side (merged in locales/company.ts). */
const fr = {
  invitations: {
    title: "Rejoindre {{company}}",
    titleInvalid: "Invitation",
    intro: "Vous avez été invité à rejoindre l'espace de {{company}} sur le portail Accord. Choisissez votre nom et votre mot de passe pour activer votre compte.",
    email: "Adresse e-mail",
    name: "Votre nom",
    password: "Mot de passe",
    confirm: "Confirmez le mot de passe",
    submit: "Activer mon compte",
    invalid: "Ce lien d'invitation n'est pas valide ou a déjà été utilisé.",
    expired: "Ce lien d'invitation a expiré.",
    askAgain: "Demandez à un administrateur de votre entreprise de vous inviter à nouveau.",
    toLogin: "Aller à la page de connexion",
    flash: {
      welcome: "Bienvenue ! Votre compte est activé.",
    },
  },
};

const en: typeof fr = {
  invitations: {
    title: "Join {{company}}",
    titleInvalid: "Invitation",
    intro: "You have been invited to join {{company}}'s space on the Accord portal. Choose your name and password to activate your account.",
    email: "E-mail address",
    name: "Your name",
    password: "Password",
    confirm: "Confirm the password",
    submit: "Activate my account",
    invalid: "This invitation link is not valid or has already been used.",
    expired: "This invitation link has expired.",
    askAgain: "Ask an administrator of your company to invite you again.",
    toLogin: "Go to the sign-in page",
    flash: {
      welcome: "Welcome! Your account is active.",
    },
  },
};

export const invitationMessages = { fr, en };
