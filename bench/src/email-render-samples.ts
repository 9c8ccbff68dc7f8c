/**
 * The timing loop of the e-mail render benchmark (email-render.ts starts it with NODE_ENV=production,
 * as the worker runs, so that react-dom is its production build). First every template and language is
 * warmed up, so that the code is compiled and optimised before any sample is taken (not during the
 * first template's samples). Then, per template and language, the outbox's render (`renderEmail`:
 * subject, HTML, text) and the baseline (`renderToString(emailElement(…))`) alternate, one sample each
 * per turn; a sample is the mean time of `batch` renders in a row (1 by default; more spreads a garbage
 * collection over the renders it serves). Prints one JSON line of samples per template and language:
 * `{ name, language, outbox, baseline }` (milliseconds per e-mail).
 */
import { EMAIL_LANGUAGES, emailElement, emailTemplates, previewPropsOf, renderEmail, type EmailTemplateName } from "@accord/email";
import { renderToString } from "react-dom/server";

const [iterations, warmup, batch] = process.argv.slice(2).map(Number) as [number, number, number];

async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < batch; i++) await work();
  return (performance.now() - start) / batch;
}

const sides = (Object.keys(emailTemplates) as EmailTemplateName[]).flatMap((name) =>
  EMAIL_LANGUAGES.map((language) => {
    const props = previewPropsOf(name);
    const outbox = () =>
      time(async () => {
        const email = await renderEmail(name, language, props);
        if (email.html.length === 0 || email.text.length === 0) throw new Error(`${name} ${language}: empty e-mail`);
      });
    const baseline = () =>
      time(() => {
        if (renderToString(emailElement(name, language, props)).length === 0) throw new Error(`${name} ${language}: empty render`);
      });
    return { name, language, outbox, baseline };
  }),
);

for (const { outbox, baseline } of sides) {
  for (let i = 0; i < warmup; i++) {
    await outbox();
    await baseline();
  }
}

for (const { name, language, outbox, baseline } of sides) {
  const samples = { name, language, outbox: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < iterations; i++) {
    // Which goes first alternates, so a busy moment of the machine weighs on both alike.
    const first = i % 2 === 0 ? "outbox" : "baseline";
    for (const side of [first, first === "outbox" ? "baseline" : "outbox"] as const) samples[side].push(await (side === "outbox" ? outbox() : baseline()));
  }
  process.stdout.write(`${JSON.stringify(samples)}\n`);
}
