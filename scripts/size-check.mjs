// Prints the gzip transfer sizes of the release bundle and fails when the first
// load is above its budget. Usage: node scripts/size-check.mjs dist
//
// The first load is what the page needs for its first paint: index.html, the
// css, the page's JS glue and wasm (UI + explorer model + the embedded comparison
// shipped as data) and its snippets. Later assets are fetched after it: the
// analysis worker (its script, glue and wasm: the core) and the semantic table.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname, basename } from "node:path";
import { gzipSync } from "node:zlib";

const FIRST_LOAD_BUDGET = 250 * 1000; // decimal KB: the stricter reading
const dir = process.argv[2] ?? "dist";
const counted = new Set([".html", ".js", ".wasm", ".css", ".bin"]);
const later = (path) => /^(parallax-worker|analysis-worker|wordllama)/.test(basename(path));

const walk = (d) =>
  readdirSync(d).filter((name) => !name.startsWith(".")).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const totals = { first: { raw: 0, gz: 0 }, later: { raw: 0, gz: 0 } };
const rows = [];
for (const path of walk(dir).sort()) {
  if (!counted.has(extname(path))) continue;
  const bytes = readFileSync(path);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  const part = later(path) ? "later" : "first";
  totals[part].raw += bytes.length;
  totals[part].gz += zipped;
  rows.push(`${part.padEnd(6)} ${path.padEnd(60)} ${String(bytes.length).padStart(9)} B raw ${String(zipped).padStart(8)} B gzip`);
}
console.log(rows.join("\n"));
const kb = (n) => (n / 1000).toFixed(1);
const { first, later: rest } = totals;
console.log(`first load gzip: ${kb(first.gz)} KB (raw ${kb(first.raw)} KB), budget ${kb(FIRST_LOAD_BUDGET)} KB`);
console.log(`later assets gzip: ${kb(rest.gz)} KB (raw ${kb(rest.raw)} KB): the analysis worker and the semantic table`);
console.log(`total gzip transfer: ${kb(first.gz + rest.gz)} KB (raw ${kb(first.raw + rest.raw)} KB)`);
if (first.raw === 0) {
  console.error(`no first-load html/js/wasm/css files under ${dir}`);
  process.exit(1);
}
if (first.gz > FIRST_LOAD_BUDGET) {
  console.error(`FAIL: the first load is ${kb(first.gz)} KB gzip, above the ${kb(FIRST_LOAD_BUDGET)} KB budget`);
  process.exit(1);
}
