// Prints the gzip transfer size of the release bundle (html + js + wasm + css)
// and fails when it is above the budget. Usage: node scripts/size-check.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 250 * 1000; // 250 KB, decimal: the stricter reading of the budget
const dir = process.argv[2] ?? "dist";
const counted = new Set([".html", ".js", ".wasm", ".css"]);

const walk = (d) =>
  readdirSync(d).filter((name) => !name.startsWith(".")).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

let raw = 0;
let gz = 0;
const rows = [];
for (const path of walk(dir).sort()) {
  if (!counted.has(extname(path))) continue;
  const bytes = readFileSync(path);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  rows.push(`${path.padEnd(60)} ${String(bytes.length).padStart(9)} B raw ${String(zipped).padStart(8)} B gzip`);
}
console.log(rows.join("\n"));
const kb = (n) => (n / 1000).toFixed(1);
console.log(`total gzip transfer: ${kb(gz)} KB (raw ${kb(raw)} KB), budget ${kb(BUDGET_BYTES)} KB`);
if (rows.length === 0) {
  console.error(`no html/js/wasm/css files under ${dir}`);
  process.exit(1);
}
if (gz > BUDGET_BYTES) {
  console.error(`FAIL: release bundle is ${kb(gz)} KB gzip, above the ${kb(BUDGET_BYTES)} KB budget`);
  process.exit(1);
}
