// Security: a strict Content-Security-Policy with no violations, no request
// beyond the app's own assets, and imported HTML that cannot run anything.
import { withPage, openApp, settled, until, assert, assertEqual } from "./lib.mjs";

/** Records CSP violations from the first script on. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
}

export const tests = [
  {
    name: "a strict CSP: no remote origins, and no violation while every view is used",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await watchViolations(page);
        await openApp(page, server);
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
        for (const part of ["default-src 'none'", "script-src 'self' 'sha256-", "'wasm-unsafe-eval'", "connect-src 'self'", "style-src 'self'", "object-src 'none'"]) {
          assert(csp.includes(part), `CSP has ${part}: ${csp}`);
        }
        assert(!/https?:|\*|'unsafe-inline'|'unsafe-eval'/.test(csp), `CSP allows no remote origin, wildcard or unsafe script: ${csp}`);
        for (const view of ["Read articles", "Overview", "Sources", "Compare"]) {
          await page.getByRole("button", { name: view, exact: true }).click();
          await settled(page);
        }
        assertEqual(await page.evaluate(() => window.__violations), [], "CSP violations");
      });
    },
  },
  {
    name: "no network request beyond the app's own assets",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        const requests = [];
        page.on("request", (r) => requests.push(r.url()));
        page.on("websocket", (ws) => requests.push(ws.url()));
        await openApp(page, server);
        await page.fill("#search", "Huawei");
        for (const view of ["Read articles", "Overview", "Sources"]) {
          await page.getByRole("button", { name: view, exact: true }).click();
          await settled(page);
        }
        await page.fill("#new-text", "Imported text about Huawei and Google. It has two sentences.");
        await page.getByRole("button", { name: "Add this text" }).click();
        await until(() => page.locator(".notice").innerText().catch(() => ""), "added", { check: (t) => t.includes("Added 1 source") });
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export workspace" }).click()]);
        await download.path();
        const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith("blob:") && !url.startsWith("data:"));
        assertEqual(foreign, [], "requests to anything but the app's own origin");
        assert(requests.length > 0 && requests.every((url) => !url.startsWith(server.origin + "/api")), "only static assets");
      });
    },
  },
  {
    name: "imported HTML cannot run script: <script>, <img onerror>, javascript: links",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await watchViolations(page);
        let dialogs = 0;
        page.on("dialog", async (d) => {
          dialogs += 1;
          await d.dismiss();
        });
        await openApp(page, server, "?view=sources");
        const evil = `<!doctype html><html><head><title>x</title><script>window.__pwned = "script"; alert(1)</script></head>
          <body><h1>Evil page</h1><p>Safe words about Huawei and Google stay readable.</p>
          <img src="x" onerror="window.__pwned = 'img'; alert(2)">
          <p><a href="javascript:window.__pwned='link';alert(3)">click me</a> and more text.</p>
          <svg onload="window.__pwned='svg'"></svg><iframe src="javascript:alert(4)"></iframe></body></html>`;
        await page.setInputFiles("#new-files", { name: "evil.html", mimeType: "text/html", buffer: Buffer.from(evil) });
        await until(() => page.locator(".notice").innerText().catch(() => ""), "added", { check: (t) => t.includes("Added 1 source") });
        await page.selectOption("#pick-a", "u1");
        await page.getByRole("button", { name: "Read articles", exact: true }).click();
        // The reader shows the previous pair until the worker has compared this one.
        await page.waitForSelector('article[data-source="u1"]');
        const article = page.locator('article[data-source="u1"]');
        const text = await article.innerText();
        assert(text.includes("Safe words about Huawei and Google stay readable."), `the text is kept: ${text}`);
        assert(text.includes("click me"), "link text kept as plain text");
        const dangerous = await page.evaluate(() => document.querySelectorAll("main script, main img, main iframe, main svg[onload], main [onerror], a[href^='javascript']").length);
        assertEqual(dangerous, 0, "no script, image, frame or javascript: link from the import in the page");
        await page.waitForTimeout(300);
        assertEqual(await page.evaluate(() => window.__pwned ?? null), null, "nothing ran");
        assertEqual(dialogs, 0, "no alert() ran");
        assertEqual(await page.evaluate(() => window.__violations), [], "no CSP violation either");
      });
    },
  },
];
