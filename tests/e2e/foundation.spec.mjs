// The foundation: the release build loads without errors and shows both articles;
// its HTML already holds the first paint, and a wasm that cannot start says so.
import { openPage, screenshot, settled, until, assert, assertEqual } from "./lib.mjs";

export const tests = [
  {
    name: "release build renders both embedded articles without console errors",
    async run({ browser, server }) {
      const page = await openPage(browser);
      await page.goto(server.url + "?view=reader");
      await page.waitForSelector("article[data-source]");
      assertEqual(await page.locator("article[data-source]").count(), 2, "article count");
      assertEqual(await page.title(), "Parallax — one story through two sources", "page title");
      assertEqual(await page.locator(".fatal").count(), 0, "no crash banner");
      assertEqual(await page.getAttribute("html", "lang"), "en", "lang");
      assertEqual(await page.locator("main").count(), 1, "one <main> landmark");
      assertEqual(await page.locator("h1").count(), 1, "one <h1>");
      const text = await page.locator("main").innerText();
      assert(text.includes("Huawei Using GMS to Develop its Own HMS"), "title of A shown");
      assert(text.includes("\u201Cthe open Android ecosystem"), "curly quotes survive");
      assert(!/\u00A0|\u2003|â€/.test(text), "no raw NBSP, em space or mojibake in the text");
      const favicon = await page.locator('link[rel="icon"]').getAttribute("href");
      assert(favicon, "favicon link present");
      await screenshot(page, "foundation-articles");
      assertEqual(page.problems(), [], "console errors");
      await page.context().close();
    },
  },
  {
    name: "the page's HTML is the first paint: the comparison shows before any script runs, and the live app replaces it",
    async run({ browser, server }) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(server.url);
      assertEqual(await page.locator("#app[data-live]").count(), 0, "not live without scripts");
      const text = await page.locator("#app").innerText();
      assert(text.includes("Huawei Using GMS to Develop its Own HMS"), "masthead names Source A");
      assert(/Comparison\s+47 rows/.test(text), "the comparison's summary is in the HTML");
      assert((await page.locator("ul.rows > li.row").count()) >= 2, "the first rows are in the HTML");
      await screenshot(page, "first-paint-without-scripts", { fullPage: false });
      await context.close();

      const live = await openPage(browser);
      await live.goto(server.url);
      await settled(live);
      const rows = await live.locator("ul.rows > li.row").count();
      assert(rows > 40, `the live app mounts every row (${rows})`);
      assertEqual(await live.locator(".fatal").count(), 0, "no crash banner");
      assertEqual(live.problems(), [], "console errors");
      await live.context().close();
    },
  },
  {
    name: "a page wasm that cannot load: an alert says so, and the prerendered comparison stays",
    async run({ browser, server }) {
      const page = await openPage(browser);
      await page.route(/parallax-web-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
      await page.goto(server.url);
      const alert = page.locator('#fatal[role="alert"]');
      await until(() => alert.count(), "an alert", { check: (n) => n === 1, timeout: 10000 });
      assert((await alert.innerText()).includes("Parallax could not start"), "the alert says what happened");
      assert((await page.locator("#app").innerText()).includes("Huawei Using GMS to Develop its Own HMS"), "the first paint stays");
      await page.context().close();
    },
  },
];
