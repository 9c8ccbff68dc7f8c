/** LISEZMOI.txt of an exported dossier: what it holds, how to verify it with standard tools, and what that proves. */
export function dossierReadme({ reference, exportedAt, fingerprint }: { reference: string; exportedAt: Date; fingerprint: string }): string {
  return `Dossier ${reference} — archive probante exportée par Accord le ${exportedAt.toISOString()}

CONTENU
  case.json        le dossier : état, lignes contestées, propositions, acceptation, décision, montants
  case.pdf         un résumé lisible du dossier et de son historique
  events.json      chaque événement du dossier avec son hash et le hash précédent (chaîne SHA-256)
  messages.json    les échanges, notes internes comprises (visibility « internal » : jamais montrées au client)
  evidence/        les pièces, octet pour octet
  protocole-accord-*.pdf   le protocole d'accord signé, s'il existe
  manifest.json    chemin, taille et SHA-256 de chaque fichier ci-dessus
  SHA256SUMS       les mêmes empreintes, au format de sha256sum
  manifest.sig     la signature Ed25519 de manifest.json par la clé de l'instance
  public-key.pem   la clé publique de l'instance (empreinte SHA-256 : ${fingerprint})

VÉRIFIER (dans le dossier décompressé)
  1. Les fichiers n'ont pas changé :
       sha256sum -c SHA256SUMS
     Chaque ligne doit finir par « OK ». Vérifiez aussi que SHA256SUMS reprend bien les empreintes
     de manifest.json.
  2. Le manifeste vient de cette instance :
       openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig
     La commande doit répondre « Signature Verified Successfully ». Comparez public-key.pem à la clé
     publique publiée par l'instance (page « Archive probante » du back-office, README) : c'est ce qui
     relie la signature à l'instance.
  3. (Facultatif) La chaîne des événements : pour chaque événement de events.json,
       hash = SHA-256(prevHash + JSON canonique de {caseId, seq, type, actorKind, actorId, at, visibility, payload})
     (clés triées, sans espaces), et prevHash est le hash de l'événement précédent (64 zéros pour le premier).

CE QUE CELA PROUVE
  - Rien n'a changé depuis l'export : ni un fichier, ni le manifeste.
  - L'export vient de cette instance d'Accord, détentrice de la clé privée.

CE QUE CELA NE PROUVE PAS
  - Que les faits enregistrés sont vrais : le dossier montre ce qui a été déclaré et enregistré, pas
    que c'est exact. La chaîne d'événements montre seulement qu'ils n'ont pas été modifiés depuis leur
    enregistrement, tant que la chaîne vérifie.
  - L'export lui-même est enregistré dans la chaîne du dossier (événement « dossier_exported » avec le
    SHA-256 du manifeste) : events.json contient les événements qui le précèdent.
`;
}
