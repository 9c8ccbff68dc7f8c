/** The case's public history: each event, when and by whom, with a status change, the items asked or a reason. */
import { formatDateTime } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import { useTranslation } from "react-i18next";
import { BulletList, ListSection, type SectionProps } from "../parts";
import { TIMELINE_EVENTS } from "./Timeline.messages";

type Event = SectionProps["page"]["timeline"][number];

/** An event type the history names (any other reads as a plain update). */
const isNamedEvent = (type: string): type is (typeof TIMELINE_EVENTS)[number] => (TIMELINE_EVENTS as readonly string[]).includes(type);

function EventItem({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const { from, to, items, reason } = event.details;
  return (
    <li>
      <strong>{t(`cases.page.timeline.events.${isNamedEvent(event.type) ? event.type : "other"}`)}</strong>{" "}
      <span className="muted">
        {formatDateTime(event.at, i18n.language)} — {t(`cases.page.timeline.by.${event.actorKind}`)}
      </span>
      {from && to && from !== to ? (
        <>
          <br />
          {/* The statuses are the event's, read from the database. */}
          {t("cases.page.timeline.statusChange", { from: translateKey(t, `case.status.${from}`), to: translateKey(t, `case.status.${to}`) })}
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
