// Shared harness for the end-to-end tests: a loopback static server for the release
// build, Debian's Chromium driven by playwright-core, and helpers for screenshots.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, extname, normalize, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";

export const SCREENSHOT_DIR = resolve("target/e2e");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
};

/** Serves `dir` on 127.0.0.1 with an ephemeral port; unknown paths get index.html (SPA). */
export async function serve(dir) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(path) || url.pathname.endsWith("/")) path = join(root, "index.html");
    try {
      const body = await readFile(path);
      res.writeHead(200, { "content-type": MIME[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

function chromiumPath() {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("which", [name]).toString().trim();
    } catch {}
  }
  throw new Error("no chromium on PATH: run scripts/setup.sh");
}

export async function launch() {
  const args = (process.env.PARALLAX_CHROME_ARGS ?? "--no-sandbox --disable-background-networking --disable-component-update --no-first-run")
    .split(/\s+/)
    .filter((a) => a && !a.startsWith("--headless"));
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}

/** A page that records console errors and uncaught exceptions; `problems()` returns them. */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`page error: ${err.message}`));
  page.problems = () => errors;
  return page;
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

export function assertEqual(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
