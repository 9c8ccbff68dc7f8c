import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

export const ADMIN_SECTIONS = ["sla", "calendars", "staff", "accounts", "thresholds", "indexes", "root-causes", "checklists", "responses", "kb", "company", "undelivered", "integration-keys", "reason-codes"] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** A section's key in the catalogue (`admin.<key>.title`): its path, in camel case. */
export type SectionKey<S extends AdminSection> = S extends "root-causes" ? "rootCauses" : S extends "integration-keys" ? "integrationKeys" : S extends "reason-codes" ? "reasonCodes" : S;

/** A section's key in the catalogue (`admin.<key>.title`): its path, in camel case (typed per section, so that keys built from it are checked). */
export function sectionKey<S extends AdminSection>(section: S): SectionKey<S>;
export function sectionKey(section: AdminSection) {
  if (section === "integration-keys") return "integrationKeys";
  if (section === "reason-codes") return "reasonCodes";
  return section === "root-causes" ? "rootCauses" : section;
}

/** The administration's sub-navigation (only the sections this admin may open). */
export function AdminNav({ sections }: { sections: readonly AdminSection[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("admin.subnav")} className="admin-nav">
      <ul>
        {sections.map((section) => (
          <li key={section}>
            <NavLink to={`/admin/${section}`}>
              {t(`admin.sections.${sectionKey(section)}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
