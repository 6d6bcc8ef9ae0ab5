// Shared harness for the end-to-end tests: a loopback static server for the release
// build, Debian's Chromium driven by playwright-core, and helpers for screenshots.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, extname, normalize, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
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

/** Types a static host sends gzipped when the browser accepts it. */
const COMPRESSIBLE = new Set([".html", ".js", ".wasm", ".css", ".svg", ".json"]);

/**
 * Serves `dir` on 127.0.0.1 with an ephemeral port; unknown paths get index.html (SPA).
 * With `gzip`, text and wasm go out gzip-encoded, as from any production static host
 * (the Lighthouse run uses it: transfer size is what a phone on slow 4G waits for).
 */
export async function serve(dir, { gzip = false } = {}) {
  const root = resolve(dir);
  const zipped = new Map();
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
      const headers = { "content-type": MIME[extname(path)] ?? "application/octet-stream" };
      if (gzip && COMPRESSIBLE.has(extname(path)) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!zipped.has(path)) zipped.set(path, gzipSync(body, { level: 9 }));
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
        res.writeHead(200, headers);
        res.end(zipped.get(path));
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** Debian's Chromium (or another Chromium on PATH): the e2e tests and Lighthouse drive it. */
export function chromiumPath() {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("which", [name]).toString().trim();
    } catch {}
  }
  throw new Error("no chromium on PATH: run scripts/setup.sh");
}

/** The Chromium flags of scripts/env.sh: no sandbox (root), no background traffic. */
export function chromeArgs() {
  return (process.env.PARALLAX_CHROME_ARGS ?? "--no-sandbox --disable-background-networking --disable-component-update --no-first-run")
    .split(/\s+/)
    .filter(Boolean);
}

export async function launch() {
  const args = chromeArgs().filter((a) => !a.startsWith("--headless"));
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}

/**
 * A page in a new browser context (nothing shared with other tests) that records
 * console errors and uncaught exceptions; `problems()` returns them. `permissions`
 * are granted to the context (e.g. ["clipboard-read", "clipboard-write"]).
 */
/** `bypassCSP` lets a test inject its tools (axe) past the app's Content-Security-Policy. */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = "light", permissions = [], bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, acceptDownloads: true, bypassCSP });
  if (permissions.length) await context.grantPermissions(permissions);
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`page error: ${err.message}`));
  page.problems = () => errors;
  return page;
}

/** Saves target/e2e/<name>.png: the whole page, or only the viewport with `fullPage: false`. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Rows off screen skip rendering (content-visibility: auto); a full-page shot
  // should show them, so they render for the capture (CSSOM, allowed by the CSP).
  const rows = (value) => page.evaluate((v) => document.querySelectorAll(".row").forEach((r) => (r.style.contentVisibility = v)), value);
  if (fullPage) await rows("visible");
  await page.screenshot({ path, fullPage });
  if (fullPage) await rows("");
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

/**
 * Runs `body(page)` on a fresh page (see `openPage`), then fails on any console
 * error or uncaught exception; the context is closed whatever happens.
 */
export async function withPage(browser, options, body) {
  const page = await openPage(browser, options);
  try {
    await body(page);
    assertEqual(page.problems(), [], "console errors");
  } finally {
    await page.context().close();
  }
}

/** Opens `path` (relative to the server root) and waits until the app has rendered its view. */
export async function openApp(page, server, path = "") {
  await page.goto(server.url + path);
  await settled(page);
}

/**
 * Waits until the live app is up (not only the prerendered first paint: `#app[data-live]`)
 * and its view fully mounted (long lists mount a chunk per task, `aria-busy` meanwhile).
 */
export async function settled(page) {
  await page.waitForSelector("#app[data-live] main h2#view-title");
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** Polls `probe()` until `check(value)` holds (default: truthy); fails with the last value. */
export async function until(probe, message, { check = Boolean, timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    value = await probe();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${message} (last value: ${JSON.stringify(value)})`);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

/** The element that has the keyboard focus: tag, id, classes, accessible-name text. */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: "BODY", id: "", classes: [], name: "" };
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ");
    return { tag: el.tagName, id: el.id, classes: [...el.classList], name };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element fits `fits(focused)`;
 * fails after `max` presses. Returns the focused element.
 */
export async function tabTo(page, fits, what, { max = 120, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (fits(now)) return now;
  }
  throw new Error(`Tab never reached ${what} in ${max} presses`);
}
