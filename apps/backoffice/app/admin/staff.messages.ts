/** Strings of the administration's staff and teams (/admin/staff), French and English side by side (merged in locales/admin.ts). */
const fr = {
  admin: {
    staff: {
      title: "Équipe interne",
      description: "Les personnes du back-office, leurs rôles et leurs équipes.",
      caption: "Membres de l'équipe interne",
      columns: { name: "Nom", email: "E-mail", roles: "Rôles", teams: "Équipes", status: "Statut" },
      you: "(vous)",
      createTitle: "Nouveau membre",
      createDescription: "Il ou elle reçoit par e-mail un lien, valable 7 jours, pour choisir son mot de passe.",
      editTitle: "Modifier {{name}}",
      fields: { name: "Nom", email: "Adresse e-mail", roles: "Rôles", teams: "Équipes", language: "Langue" },
      noTeams: "Aucune équipe pour l'instant.",
      deactivateLabel: "Désactiver {{name}}",
      reactivateLabel: "Réactiver {{name}}",
      deactivateHint: "Ses sessions sont fermées aussitôt ; ses dossiers gardent leur historique.",
      teams: {
        title: "Équipes",
        caption: "Équipes",
        columns: { name: "Nom", code: "Code", members: "Membres" },
        createTitle: "Nouvelle équipe",
        code: "Code",
        codeHint: "Sert au routage, par exemple qualite. Ne change plus ensuite.",
        name: "Nom",
        rename: "Renommer",
        renameLabel: "Nouveau nom de l'équipe {{name}}",
      },
      errors: {
        emailTaken: "Cette adresse est déjà utilisée par un membre de l'équipe.",
        rolesRequired: "Choisissez au moins un rôle.",
        unknownTeam: "Cette équipe n'existe pas.",
        lastAdmin: "Il faut garder au moins un administrateur actif.",
        cannotDeactivateSelf: "Vous ne pouvez pas vous désactiver vous-même.",
      },
    },
  },
};

const en: typeof fr = {
  admin: {
    staff: {
      title: "Staff",
      description: "The back-office people, their roles and their teams.",
      caption: "Staff members",
      columns: { name: "Name", email: "E-mail", roles: "Roles", teams: "Teams", status: "Status" },
      you: "(you)",
      createTitle: "New staff member",
      createDescription: "They receive by e-mail a link, valid 7 days, to choose their password.",
      editTitle: "Edit {{name}}",
      fields: { name: "Name", email: "E-mail address", roles: "Roles", teams: "Teams", language: "Language" },
      noTeams: "No team yet.",
      deactivateLabel: "Deactivate {{name}}",
      reactivateLabel: "Reactivate {{name}}",
      deactivateHint: "Their sessions end at once; their cases keep their history.",
      teams: {
        title: "Teams",
        caption: "Teams",
        columns: { name: "Name", code: "Code", members: "Members" },
        createTitle: "New team",
        code: "Code",
        codeHint: "Used for routing, for example quality. It cannot change later.",
        name: "Name",
        rename: "Rename",
        renameLabel: "New name of the team {{name}}",
      },
      errors: {
        emailTaken: "This address is already used by a staff member.",
        rolesRequired: "Choose at least one role.",
        unknownTeam: "This team does not exist.",
        lastAdmin: "At least one active administrator must remain.",
        cannotDeactivateSelf: "You cannot deactivate yourself.",
      },
    },
  },
};

export const staffMessages = { fr, en };
