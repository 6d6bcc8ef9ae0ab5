// Our wasm text pipeline against wink-nlp, in the same headless Chromium, on the same
// ~5.5 MB of text: the `text` of the 1,000 generated corpus articles joined with "\n\n".
//
//   ours: the release build (dist/) served on loopback; its wasm-bindgen export
//         `text_pipeline(text)` splits sentences, tokenises and Snowball-stems, and
//         returns how many words it stemmed.
//   wink: wink-nlp with its English lite web model, bundled by esbuild and served on a
//         fake origin (http://bench.test/) through page.route; the same work:
//         readDoc with only sentence boundary detection in the pipe (no negation,
//         sentiment, PoS or NER), then each sentence's word tokens, stemmed (its.stem,
//         a Porter2 stemmer, which is English Snowball).
//
// Each side: one warm-up run on the first ~500 kB, then 3 runs on the whole text,
// timed with performance.now() inside the page; the median counts. It prints both
// times, MB/s (10^6 bytes of UTF-8 per second), both counts and ours / wink's
// throughput, then one `wink-bench:` line. The goal (ours ≥ 3× wink) is reported,
// not enforced: the exit status is nonzero only on an error.
//
// Usage: make bench-browser, or after a release build:
//   source scripts/env.sh && node scripts/bench-wink.mjs [dist-dir]   (default: dist)
// The corpus is target/bench/corpus-1000.json, generated on first use.
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { serve, launch } from "../tests/e2e/lib.mjs";
import { corpusBytes, median, ms } from "./bench-lib.mjs";

const RUNS = 3;
const WARM_UP_CHARS = 500_000;
const GOAL = 3; // the goal: ours at least 3× wink's throughput
const FAKE_ORIGIN = "http://bench.test/";

/** wink's page script: `window.benchRun(text)` returns the number of stemmed words. */
const WINK_ENTRY = `
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

// Tokenisation always runs; of the optional steps, only sentence boundaries.
const nlp = winkNLP(model, ["sbd"]);
const its = nlp.its;

window.benchRun = (text) => {
  let stemmed = 0;
  nlp.readDoc(text).sentences().each((sentence) => {
    stemmed += sentence.tokens().filter((token) => token.out(its.type) === "word").out(its.stem).length;
  });
  return stemmed;
};
`;

const version = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).version;

/** wink-nlp and its model as one browser script (about 3.7 MB, minified). */
async function bundleWink() {
  const result = await build({
    stdin: { contents: WINK_ENTRY, resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    minify: true,
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

/**
 * Times `window.benchRun` in `page`: a warm-up on the start of the text, then RUNS
 * runs on all of it. Returns { times: [ms], count } (count of the last run).
 */
async function measure(page, text) {
  // Handed over first, so that the transfer from Node is not timed.
  await page.evaluate((t) => {
    window.benchText = t;
  }, text);
  // The warm-up slice ends at an article boundary (never inside a character).
  const warmUpEnd = text.indexOf("\n\n", WARM_UP_CHARS);
  return page.evaluate(
    ({ runs, warmUpEnd }) => {
      const text = window.benchText;
      window.benchRun(text.slice(0, warmUpEnd));
      const times = [];
      let count = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        count = window.benchRun(text);
        times.push(performance.now() - t0);
      }
      return { times, count };
    },
    { runs: RUNS, warmUpEnd },
  );
}

/** Ours: the release build's page, once its wasm is initialised. */
async function measureOurs(browser, server, text) {
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.wasmBindings, null, { timeout: 30_000 });
    const present = await page.evaluate(() => typeof window.wasmBindings.text_pipeline === "function");
    if (!present) throw new Error("the build has no text_pipeline export (grep -c text_pipeline dist/*.js): rebuild dist/");
    // page.evaluate is not subject to the page's Content-Security-Policy.
    await page.evaluate(() => {
      window.benchRun = (t) => window.wasmBindings.text_pipeline(t);
    });
    return await measure(page, text);
  } finally {
    await page.close();
  }
}

/** wink: a blank page on a fake origin that loads the bundle. */
async function measureWink(browser, bundle, text) {
  const page = await browser.newPage();
  try {
    await page.route(`${FAKE_ORIGIN}**`, (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === "/wink.js") return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: bundle });
      return route.fulfill({ contentType: "text/html; charset=utf-8", body: '<!doctype html><title>wink</title><script src="/wink.js"></script>' });
    });
    await page.goto(FAKE_ORIGIN);
    await page.waitForFunction(() => window.benchRun, null, { timeout: 30_000 });
    return await measure(page, text);
  } finally {
    await page.close();
  }
}

const dist = process.argv[2] ?? "dist";
const articles = JSON.parse(corpusBytes());
const text = articles.map((article) => article.text).join("\n\n");
const bytes = Buffer.byteLength(text, "utf8");
const mbPerSecond = (time) => bytes / 1e6 / (time / 1000);

const bundle = await bundleWink();
const server = await serve(dist);
const browser = await launch();
let ours;
let wink;
try {
  ours = await measureOurs(browser, server, text);
  wink = await measureWink(browser, bundle, text);
} finally {
  await browser.close();
  server.close();
}

const oursTime = median(ours.times);
const winkTime = median(wink.times);
const ratio = mbPerSecond(oursTime) / mbPerSecond(winkTime);
const runs = (times) => times.map((t) => t.toFixed(0)).join(", ");
console.log(`text: ${bytes} bytes of UTF-8 (${articles.length} articles joined with blank lines), one call per side over the whole text`);
console.log(`timing: warm-up on the first ~${WARM_UP_CHARS / 1000} k characters, then median of ${RUNS} runs, performance.now() in the page`);
console.log(`ours: ${ms(oursTime)} (runs ${runs(ours.times)} ms), ${mbPerSecond(oursTime).toFixed(2)} MB/s, ${ours.count} stemmed words (wasm text_pipeline, ${dist}/)`);
console.log(`wink: ${ms(winkTime)} (runs ${runs(wink.times)} ms), ${mbPerSecond(winkTime).toFixed(2)} MB/s, ${wink.count} stemmed words (wink-nlp ${version("wink-nlp")}, wink-eng-lite-web-model ${version("wink-eng-lite-web-model")}, pipe: sbd)`);
console.log(`ratio: ours / wink throughput ${ratio.toFixed(2)}× (goal ≥ ${GOAL}×: ${ratio >= GOAL ? "met" : "NOT met"})`);
console.log(`wink-bench: ours ${mbPerSecond(oursTime).toFixed(2)} MB/s, wink ${mbPerSecond(winkTime).toFixed(2)} MB/s, ratio ${ratio.toFixed(2)}× (goal ≥ ${GOAL}×)`);
