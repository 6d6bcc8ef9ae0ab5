// Trunk post_build hook for release builds, run in the staging directory:
//   1. minifies the wasm-bindgen JS glue (Trunk minifies html and css, not this),
//      then gives the imports of each binary short names in it and in the glue
//      (wasm-imports.mjs); index.html sets data-integrity="none" on the rust links
//      since both change here;
//   2. writes a strict Content-Security-Policy into index.html: only this origin,
//      no remote anything, scripts limited to the glue and the inline scripts
//      (Trunk's loader and index.html's theme line, each allowed by its hash),
//      plus 'wasm-unsafe-eval' to compile wasm.
// Debug builds (make serve) keep Trunk's live-reload script and get no CSP.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { shortenImports } from "./wasm-imports.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== "release") process.exit(0);

for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, name);
  const { code } = transformSync(readFileSync(path, "utf8"), { minify: true, format: "esm", target: "es2022" });
  writeFileSync(path, code);
}

for (const name of readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"))) {
  const wasmPath = join(dir, name);
  const gluePath = join(dir, `${name.slice(0, -"_bg.wasm".length)}.js`);
  const { wasm, js } = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, "utf8"));
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, js);
}

const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
const inline = [...html.matchAll(/<script(?: type=["']?module["']?)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (!/<script type=["']?module["']?>/.test(html)) throw new Error("post-build: no inline loader script found in index.html");
const hashes = inline.map((code) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(" ")} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
html = html.replace(/<meta http-equiv=["']?Content-Security-Policy["']?[^>]*>/i, "");
html = html.replace(/<meta charset=["']?utf-8["']?>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (!html.includes("Content-Security-Policy")) throw new Error("post-build: could not place the CSP");
writeFileSync(htmlPath, html);
