// The analysis worker and the meaning table: the first paint waits for neither;
// a reader compares two pasted articles in one step; a table or a worker that
// fails to load leaves a working app that says so.
import { openPage, withPage, openApp, settled, until, screenshot, assert, assertEqual } from "./lib.mjs";

const A = "An Ethiopian Airlines plane crashed shortly after take-off from Addis Ababa on Sunday, killing all 157 people on board. The Boeing 737 MAX 8 was flying to Nairobi.";
const B = "All 157 passengers and crew died when an Ethiopian Airlines Boeing 737 MAX 8 bound for Nairobi crashed minutes after leaving Addis Ababa, the airline said.";

const status = (page) => page.locator(".analysis-status").innerText();
const notice = (page) => page.locator(".notice").innerText().catch(() => "");

// Two reports of one fire, written for this test: the cause and the spire in other words.
const FIRE_A = [
  "A fire broke out at Notre-Dame cathedral in Paris on Monday evening.",
  "The blaze may be linked to the renovation work on the roof, officials said.",
  "The spire collapsed as crowds watched from the banks of the Seine.",
  "Paris prosecutors have opened an inquiry into the cause.",
  "President Emmanuel Macron promised to rebuild the cathedral.",
].join("\n\n");
const FIRE_B = [
  "Flames tore through Notre-Dame de Paris on Monday.",
  "Investigators said restoration work under way in the attic could be to blame.",
  "Thousands of Parisians gathered along the river as the spire fell.",
  "Several billionaires pledged hundreds of millions of euros for the repairs.",
  "Macron vowed that the nation would rebuild it.",
].join("\n\n");

async function comparePasted(page, a = A, b = B) {
  await page.locator(".paste-pair summary").click();
  await page.fill("#paste-a-title", "Report one");
  await page.fill("#paste-a-text", a);
  await page.fill("#paste-b-title", "Report two");
  await page.fill("#paste-b-text", b);
  await page.locator(".paste-pair").getByRole("button", { name: "Compare", exact: true }).click();
}

/** Holds back the worker's wasm and the meaning table (or only `what`) until `release()` is called. */
async function holdBack(page, what = /(parallax-worker_bg\.wasm|wordllama-64x4\.bin)$/) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(what, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

export const tests = [
  {
    name: "the meaning table in Chromium: transfer size, time to load and decode (measured, printed)",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await openApp(page, server);
        const answer = await page.evaluate(
          () =>
            new Promise((resolve) => {
              const worker = new Worker(new URL("analysis-worker.js", location.href), { type: "module" });
              worker.onmessage = ({ data }) => (data.semantic_words || data.semantic_error ? resolve(data) : null);
              worker.postMessage({ job: "semantic" });
            }),
        );
        assert(answer.semantic_words === 32000, `the table loads in the worker: ${JSON.stringify(answer)}`);
        assert(answer.memory_after >= answer.memory_before, `the worker's memory is measured: ${JSON.stringify(answer)}`);
        const mb = (n) => (n / 1e6).toFixed(1);
        const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
        console.log(
          `       meaning table: ${answer.bytes} bytes, fetched in ${answer.fetch_ms.toFixed(0)} ms, decoded in ${answer.decode_ms.toFixed(0)} ms (${answer.semantic_words} pieces); ` +
            `worker wasm memory ${mb(answer.memory_before)} MB -> ${mb(answer.memory_after)} MB; page JS heap ${mb(heap)} MB`,
        );
      });
    },
  },
  {
    name: "the first paint shows the embedded comparison without the worker or the meaning table",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        const release = await holdBack(page);
        await openApp(page, server);
        assert((await page.locator("li.row").count()) > 10, "the embedded rows are there while the worker is held back");
        // A comparison of the reader's own waits for the worker, and says so.
        await comparePasted(page);
        assert((await status(page)).includes("Comparing"), `says it is comparing: ${await status(page)}`);
        release();
        await until(() => page.locator(".sources").innerText(), "the pair once the worker is up", { check: (t) => t.includes("Report one"), timeout: 15000 });
        await until(() => status(page), "compared with meaning", { check: (t) => t.includes("by meaning"), timeout: 15000 });
      });
    },
  },
  {
    name: "two pasted articles whose shared fact uses other words are linked, and the link names both words",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        // Only the table is held back: the worker compares by words first, and the
        // cause told in other words is not linked until the table is in.
        const release = await holdBack(page, /wordllama-64x4\.bin$/);
        await openApp(page, server);
        await comparePasted(page, FIRE_A, FIRE_B);
        await until(() => page.locator(".sources").innerText(), "the pasted pair", { check: (t) => t.includes("Report one"), timeout: 15000 });
        await until(() => status(page), "compared by words while the table loads", { check: (t) => t.includes("still loading"), timeout: 15000 });
        await settled(page);
        const lexical = await page.locator("li.row:not([hidden]) .relation-why").allTextContents();
        assert(!lexical.some((t) => t.includes("renovation \u2248 restoration")), `by words alone the cause is not linked: ${lexical.join(" | ")}`);
        release();
        await until(() => status(page), "compared with meaning once the table is in", { check: (t) => t.includes("by meaning"), timeout: 15000 });
        await settled(page);
        const whys = await page.locator("li.row:not([hidden]) .relation-why").allTextContents();
        assert(whys.some((t) => t.includes("renovation \u2248 restoration")), `the cause is linked in other words: ${whys.join(" | ")}`);
        await page.locator("li.row", { hasText: "renovation \u2248 restoration" }).first().scrollIntoViewIfNeeded();
        await screenshot(page, "compare-pasted-other-words", { fullPage: false });
      });
    },
  },
  {
    name: "two pasted articles are compared in one step from the Compare view, and kept only on request",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await openApp(page, server);
        await comparePasted(page);
        await until(() => page.locator(".sources").innerText(), "the pasted pair in the masthead", {
          check: (t) => t.includes("Report one") && t.includes("Report two"),
        });
        await settled(page);
        const rows = await page.locator("li.row:not([hidden])").count();
        assert(rows >= 2, `rows for the pasted pair: ${rows}`);
        const relations = await page.locator("li.row:not([hidden]) .relation").allTextContents();
        assert(relations.some((t) => /Both report|Shared|Related|Tension/i.test(t)), `at least one link: ${relations}`);
        await screenshot(page, "compare-pasted-pair", { fullPage: false });
        await page.getByRole("button", { name: "Sources", exact: true }).click();
        assertEqual(await page.locator("#library-title").innerText(), "Your sources (0)", "not in the library yet");
        await page.getByRole("button", { name: "Compare", exact: true }).first().click();
        await page.getByRole("button", { name: "Keep both in my sources" }).click();
        await until(() => notice(page), "kept", { check: (t) => t.includes("Kept 2 of the two articles") });
        await page.getByRole("button", { name: "Sources", exact: true }).click();
        assertEqual(await page.locator("#library-title").innerText(), "Your sources (2)", "kept");
      });
    },
  },
  {
    name: "a meaning table that cannot load: said, and comparisons still work by words",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await page.route(/wordllama-64x4\.bin$/, (route) => route.fulfill({ status: 200, body: "not a table" }));
        await openApp(page, server);
        await comparePasted(page);
        await until(() => page.locator(".sources").innerText(), "compared by words", { check: (t) => t.includes("Report one"), timeout: 15000 });
        await until(() => status(page), "the table's failure", { check: (t) => t.includes("unavailable"), timeout: 15000 });
      });
    },
  },
  {
    name: "a worker that cannot start: a clear message, and the embedded comparison stays usable",
    async run({ browser, server }) {
      const page = await openPage(browser);
      try {
        await page.route(/analysis-worker\.js$/, (route) => route.fulfill({ status: 404, body: "" }));
        await openApp(page, server);
        await comparePasted(page);
        await until(() => notice(page), "the failure notice", { check: (t) => t.includes("analysis worker") && t.includes("embedded comparison stays available"), timeout: 15000 });
        assert((await page.locator("li.row").count()) > 10, "the embedded rows are still there");
        await page.getByRole("button", { name: "Read articles" }).click();
        await page.waitForSelector("article[data-source]");
        const problems = page.problems().filter((p) => !p.includes("404") && !p.includes("Failed to load"));
        assertEqual(problems, [], "no other console errors");
      } finally {
        await page.context().close();
      }
    },
  },
];
