/**
 * The case's probative archive: the chain badge (« chaîne vérifiée » or « chaîne rompue » naming the
 * event, with the time of the check, verified when the page loads) and the dossier export. The export
 * is a plain form posting to /cases/:reference/dossier.zip (works without JavaScript; the browser
 * shows the download's progress); with JavaScript the button shows a pending state until the
 * response starts (the route sets a cookie carrying the form's token).
 */
import type { CaseChainCheck, StaffCase } from "@accord/core";
import { Button, formatDateTime } from "@accord/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Section } from "../parts";

export const DOSSIER_COOKIE = "accord-dossier";

export function Archive({ page, chain }: { page: StaffCase; chain: CaseChainCheck }) {
  const { t, i18n } = useTranslation();
  const reference = page.case.reference;
  const [state, setState] = useState<"idle" | "pending" | "started">("idle");
  const tokenInput = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearInterval(timer.current);
  }, []);
  const date = formatDateTime(chain.checkedAt, i18n.language);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (state === "pending") {
      event.preventDefault();
      return;
    }
    const next = Math.random().toString(36).slice(2, 14);
    // Set before the browser reads the form (a state update would render too late).
    if (tokenInput.current) tokenInput.current.value = next;
    setState("pending");
    if (timer.current) clearInterval(timer.current);
    timer.current = setInterval(() => {
      if (document.cookie.split("; ").includes(`${DOSSIER_COOKIE}=${next}`)) {
        if (timer.current) clearInterval(timer.current);
        setState("started");
      }
    }, 300);
  }

  return (
    <Section id="archive" title={t("casePage.archive.title")}>
      <p data-testid="chain-badge">
        <span className={`badge ${chain.intact ? "chain-badge--intact" : "chain-badge--broken"}`}>{chain.intact ? t("casePage.archive.verified") : t("casePage.archive.broken")}</span>{" "}
        {chain.intact || !chain.broken
          ? t("casePage.archive.verifiedDetail", { count: chain.events, date })
          : t("casePage.archive.brokenDetail", { date, seq: chain.broken.seq, id: chain.broken.eventId, reason: t(`casePage.archive.reason.${chain.broken.reason}`) })}
      </p>
      <p className="muted">{t("casePage.archive.exportHelp")}</p>
      <form method="post" action={`/cases/${reference}/dossier.zip`} onSubmit={onSubmit}>
        {/* No value prop: React would write it back (a hidden input's value is its attribute) when the state changes, before the browser reads the form. */}
        <input ref={tokenInput} type="hidden" name="downloadToken" />
        <Button type="submit" variant="secondary" aria-busy={state === "pending"}>
          {state === "pending" ? t("casePage.archive.exporting") : t("casePage.archive.export")}
        </Button>{" "}
        <span role="status">{state === "started" ? t("casePage.archive.started") : null}</span>
      </form>
      <p>
        <Link to="/archive">{t("casePage.archive.publicKey")}</Link>
      </p>
    </Section>
  );
}
