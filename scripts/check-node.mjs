// Fails fast when npm scripts do not run the pinned Node 24 (see docs/decisions/0001).
const major = Number(process.versions.node.split(".")[0]);
if (major !== 24) {
  console.error(
    `Accord needs Node 24 LTS, but this script runs Node ${process.version}.\n` +
      "Run it through npm (npm start / npm test): the pinned `node` package puts Node 24 first on PATH.\n" +
      "If you ran `npm ci --ignore-scripts`, run `npm rebuild node` so the pinned binary is installed.",
  );
  process.exit(1);
}
