// Trunk post_build hook: minifies the wasm-bindgen JS glue in the staging
// directory (Trunk minifies html and css itself, not this file). The rust link in
// index.html sets data-integrity="none", since the file changes after Trunk hashes it.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
if (!dir || !release) process.exit(0);
for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, name);
  const { code } = transformSync(readFileSync(path, "utf8"), { minify: true, format: "esm", target: "es2022" });
  writeFileSync(path, code);
}
