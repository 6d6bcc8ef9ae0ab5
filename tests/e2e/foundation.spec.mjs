// The foundation: the release build loads without errors and shows both articles.
import { openPage, screenshot, assert, assertEqual } from "./lib.mjs";

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
];
