// Shared by the browser benchmarks (scripts/bench-wink.mjs, scripts/bench-scale.mjs):
// the generated 1,000-article corpus, and a few numbers helpers.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { execFileSync } from "node:child_process";

export const CORPUS_PATH = resolve("target/bench/corpus-1000.json");

/**
 * The bytes of target/bench/corpus-1000.json (a JSON array of {title, text, label}),
 * generated first with the project's own binary when the file is not there yet.
 */
export function corpusBytes() {
  if (!existsSync(CORPUS_PATH)) {
    console.log(`generating ${CORPUS_PATH} (cargo run --release -p parallax-cli -- corpus 1000)`);
    const json = execFileSync("cargo", ["run", "-q", "--release", "-p", "parallax-cli", "--", "corpus", "1000"], {
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    });
    mkdirSync(dirname(CORPUS_PATH), { recursive: true });
    writeFileSync(CORPUS_PATH, json);
  }
  return readFileSync(CORPUS_PATH);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds, one decimal: "12.3 ms". */
export const ms = (value) => `${value.toFixed(1)} ms`;
