import { createDb } from "@accord/db";
import { isDatabaseEmpty, seedDemoData } from "@accord/core/seed";

/** Seeds the demo data when the database is empty; says so and does nothing otherwise. */
export async function seedIfEmpty(url: string, options: { production: boolean; portalUrl: string; log: (line: string) => void }) {
  const { db, close } = createDb(url, { max: 1, applicationName: "accord-cli" });
  try {
    if (!(await isDatabaseEmpty(db))) {
      options.log("Données de démonstration : base déjà remplie, rien à faire. / Demo data: database not empty, nothing to do.");
      return false;
    }
    const result = await seedDemoData({ db, now: new Date(), production: options.production, portalUrl: options.portalUrl });
    options.log(
      `Données de démonstration créées / demo data seeded: ${result.accounts} comptes clients, ${result.staff} collaborateurs, ${result.invoices} factures.`,
    );
    return true;
  } finally {
    await close();
  }
}
