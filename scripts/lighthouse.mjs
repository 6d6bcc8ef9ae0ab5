// Lighthouse audit of a release build: serves the dist directory on loopback, runs
// Lighthouse (performance, accessibility, best practices) with the desktop preset
// and the default mobile preset in Debian's Chromium, prints the scores and what
// costs points, and exits nonzero when a score is below its target.
//
// Usage: node scripts/lighthouse.mjs [dist-dir] [--raw]   (default: dist)
// The build is served gzip-encoded, as a production static host serves it; --raw
// serves it uncompressed. Reports (JSON + HTML) are written to target/lighthouse/.
//
// No browser is downloaded: chrome-launcher starts `chromium` from PATH with the
// project's no-network flags (scripts/env.sh). The network is closed, so an audit
// may error; an errored audit is listed, left out of its category's score, and
// said so, instead of voiding the whole category.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { serve, chromiumPath, chromeArgs } from "../tests/e2e/lib.mjs";

/** The targets: a category scoring below its number fails the run. */
// Performance: issue 12 asks 0.98 on the mobile preset (LCP <= 1.8 s, TBT <= 30 ms).
export const TARGETS = { performance: 0.98, accessibility: 1.0, "best-practices": 0.95 };
const PRESETS = [
  { name: "desktop", config: desktopConfig },
  { name: "mobile", config: undefined }, // Lighthouse's default: a mid-range phone on slow 4G
];
const REPORT_DIR = resolve("target/lighthouse");

/** scripts/env.sh's flags, and always headless without GPU or sandbox. */
function chromeFlags() {
  return [...new Set([...chromeArgs(), "--headless=new", "--no-sandbox", "--disable-gpu"])];
}

/**
 * A category's score, and which of its audits errored. Lighthouse voids (null) a
 * category when one of its weighted audits errored; then the score is recomputed
 * over the audits that ran, with their own weights.
 */
export function categoryScore(lhr, id) {
  const category = lhr.categories[id];
  const refs = category.auditRefs.filter((ref) => ref.weight > 0);
  const errored = refs.filter((ref) => lhr.audits[ref.id].scoreDisplayMode === "error").map((ref) => ref.id);
  if (category.score !== null) return { score: category.score, errored };
  const scored = refs.filter((ref) => lhr.audits[ref.id].score !== null);
  const weight = scored.reduce((sum, ref) => sum + ref.weight, 0);
  const score = weight ? scored.reduce((sum, ref) => sum + ref.weight * lhr.audits[ref.id].score, 0) / weight : null;
  return { score, errored };
}

/** The audits of a category that cost points (weighted, below 1), worst first. */
function losses(lhr, id) {
  return lhr.categories[id].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit.score !== null && audit.score < 1)
    .sort((x, y) => y.ref.weight * (1 - y.audit.score) - x.ref.weight * (1 - x.audit.score))
    .map(({ ref, audit }) => `${audit.id} (score ${audit.score}, weight ${ref.weight}${audit.displayValue ? `, ${audit.displayValue}` : ""}): ${audit.title}`);
}

/** Informational audits that failed (weight 0), worth reading though they do not score. */
function notes(lhr, id) {
  return lhr.categories[id].auditRefs
    .filter((ref) => ref.weight === 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "manual")
    .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ""}: ${audit.title}`);
}

const pct = (score) => (score === null || score === undefined ? "n/a" : `${Math.round(score * 100)}`);

/** Runs every preset against `url`; returns [{ preset, scores: {id: {score, errored}}, failures }]. */
export async function audit(url, { log = console.log } = {}) {
  await mkdir(REPORT_DIR, { recursive: true });
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: chromeFlags(), logLevel: "silent" });
  const results = [];
  try {
    for (const preset of PRESETS) {
      const flags = {
        port: chrome.port,
        output: ["json", "html"],
        logLevel: "error",
        onlyCategories: Object.keys(TARGETS),
      };
      const started = performance.now();
      const run = await lighthouse(url, flags, preset.config);
      const lhr = run.lhr;
      await writeFile(join(REPORT_DIR, `${preset.name}.json`), run.report[0]);
      await writeFile(join(REPORT_DIR, `${preset.name}.html`), run.report[1]);
      if (lhr.runtimeError) log(`  ${preset.name}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      for (const warning of lhr.runWarnings ?? []) log(`  ${preset.name}: warning: ${warning}`);
      const scores = {};
      const failures = [];
      for (const [id, target] of Object.entries(TARGETS)) {
        const { score, errored } = categoryScore(lhr, id);
        scores[id] = { score, errored };
        const ok = score !== null && score >= target;
        if (!ok) failures.push(`${preset.name} ${id} ${pct(score)} < ${pct(target)}`);
        const erroredNote = errored.length ? ` (recomputed without errored audits: ${errored.join(", ")})` : "";
        log(`  ${preset.name.padEnd(7)} ${id.padEnd(15)} ${pct(score).padStart(3)} / target ${pct(target)} ${ok ? "ok" : "BELOW"}${erroredNote}`);
        for (const line of losses(lhr, id)) log(`      - ${line}`);
        for (const line of notes(lhr, id)) log(`      · ${line}`);
      }
      const m = (id) => lhr.audits[id]?.displayValue ?? "n/a";
      log(`      metrics: FCP ${m("first-contentful-paint")}, LCP ${m("largest-contentful-paint")}, TBT ${m("total-blocking-time")}, CLS ${m("cumulative-layout-shift")}, SI ${m("speed-index")} (${Math.round((performance.now() - started) / 1000)} s)`);
      results.push({ preset: preset.name, scores, failures });
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

// As a script: serve the dist directory, audit it, exit 1 below target.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith("--")) ?? "dist";
  const gzip = !args.includes("--raw");
  const server = await serve(dist, { gzip });
  let failures = [];
  try {
    console.log(`lighthouse ${dist} (${server.url}, ${gzip ? "gzip" : "uncompressed"}); reports in ${REPORT_DIR}`);
    const results = await audit(server.url);
    failures = results.flatMap((r) => r.failures);
  } finally {
    server.close();
  }
  if (failures.length) {
    console.log(`lighthouse: below target: ${failures.join("; ")}`);
    process.exit(1);
  }
  console.log("lighthouse: every score meets its target");
}
