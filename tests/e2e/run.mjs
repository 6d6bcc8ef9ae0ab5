// End-to-end runner: serves the release build on loopback and runs every
// tests/e2e/*.spec.mjs in headless Chromium. A test fails on any console error.
// Usage: node tests/e2e/run.mjs [dist-dir] [name-filter]
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve, launch, SCREENSHOT_DIR } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? "dist";
const filter = process.argv[3] ?? "";

const server = await serve(dist);
const browser = await launch();
let passed = 0;
const failed = [];
try {
  for (const file of readdirSync(here).filter((f) => f.endsWith(".spec.mjs")).sort()) {
    const { tests } = await import(pathToFileURL(join(here, file)));
    for (const test of tests) {
      const name = `${file.replace(".spec.mjs", "")} › ${test.name}`;
      if (filter && !name.includes(filter)) continue;
      const started = performance.now();
      try {
        await test.run({ browser, server });
        passed += 1;
        console.log(`  ok   ${name} (${Math.round(performance.now() - started)} ms)`);
      } catch (err) {
        failed.push(name);
        console.log(`  FAIL ${name}\n       ${String(err.stack ?? err).split("\n").join("\n       ")}`);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots: ${SCREENSHOT_DIR}`);
console.log(`e2e: ${passed} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
