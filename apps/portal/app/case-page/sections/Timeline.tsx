/** The case's public history: each event, when and by whom, with a status change, the items asked or a reason. */
import { formatDateTime } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { BulletList, ListSection, type SectionProps } from "../parts";
import { TIMELINE_EVENTS } from "./Timeline.messages";

type Event = SectionProps["page"]["timeline"][number];

function EventItem({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const { from, to, items, reason } = event.details;
  const known = (TIMELINE_EVENTS as readonly string[]).includes(event.type);
  return (
    <li>
      <strong>{t(`cases.page.timeline.events.${known ? event.type : "other"}`)}</strong>{" "}
      <span className="muted">
        {formatDateTime(event.at, i18n.language)} — {t(`cases.page.timeline.by.${event.actorKind}`)}
      </span>
      {from && to && from !== to ? (
        <>
          <br />
          {t("cases.page.timeline.statusChange", { from: t(`case.status.${from}`), to: t(`case.status.${to}`) })}
        </>
      ) : null}
      {items ? (
        <BulletList items={items} />
      ) : null}
      {reason ? (
        <>
          <br />
          {t("cases.page.timeline.reason", { reason })}
        </>
      ) : null}
    </li>
  );
}

export function Timeline({ page }: SectionProps) {
  return (
    <ListSection id="timeline" strings="cases.page.timeline" items={page.timeline} ordered className="timeline" item={(event) => <EventItem key={event.seq} event={event} />} />
  );
}
