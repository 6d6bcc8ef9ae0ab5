// Bring your own sources: paste, compare, reload; and every kind of bad input
// gets its message while the sources the reader already had stay intact.
import { withPage, openApp, settled, until, assert, assertEqual, screenshot } from "./lib.mjs";

const ONE = "Huawei said its HMS ecosystem now has two million developers. Britain allowed Huawei into its 5G networks last year.";
const TWO = "Google said Huawei phones still cannot ship with Google Mobile Services. Analysts expect Huawei sales abroad to fall next year.";

async function addText(page, title, text) {
  await page.fill("#new-title", title);
  await page.fill("#new-text", text);
  await page.getByRole("button", { name: "Add this text" }).click();
}

const notice = (page) => page.locator(".notice").innerText().catch(() => "");
const librarySize = (page) => page.locator("#library-title").innerText();

async function expectNotice(page, fragment, what, timeout = 5000) {
  await until(() => notice(page), what, { check: (t) => t.includes(fragment), timeout });
}

async function pickFile(page, name, buffer, mimeType = "application/octet-stream") {
  await page.setInputFiles("#new-files", { name, mimeType, buffer });
}

export const tests = [
  {
    name: "paste two articles, compare them, reload: they are still there",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await openApp(page, server, "?view=sources");
        await addText(page, "Piece one", ONE);
        await expectNotice(page, "Added 1 source.", "first source added");
        await until(() => page.inputValue("#new-text"), "the form is cleared once the text is a source", { check: (v) => v === "" });
        assertEqual(await page.inputValue("#new-title"), "", "the title field too");
        await addText(page, "Piece two", TWO);
        await expectNotice(page, "Added 1 source.", "second source added");
        // The notice reads as it did after the first text: the cleared form tells that
        // the second text is a source (the worker reads it off the page, later under load).
        await until(() => page.inputValue("#new-text"), "the form is cleared once the second text is a source", { check: (v) => v === "" });
        assertEqual(await librarySize(page), "Your sources (2)", "two sources listed");
        await page.selectOption("#pick-a", "u1");
        await page.selectOption("#pick-b", "u2");
        await page.getByRole("button", { name: "Compare", exact: true }).click();
        // The worker compares the pair; the masthead names it once the comparison is in.
        await until(() => page.locator(".sources").innerText(), "the masthead names both", {
          check: (t) => t.includes("Piece one") && t.includes("Piece two"),
          timeout: 15000, // the worker compares the pair (it starts on the first job)
        });
        await page.waitForSelector("li.row:not([hidden])");
        await screenshot(page, "sources-own-pair-compare", { fullPage: false });
        // Reload: the library comes back from storage (IndexedDB), the pair from the URL.
        await page.reload();
        await settled(page);
        await until(() => page.locator(".sources").innerText(), "both sources after reload", {
          check: (t) => t.includes("Piece one") && t.includes("Piece two"),
          timeout: 15000, // the worker compares the pair (it starts on the first job)
        });
        await page.getByRole("button", { name: "Sources", exact: true }).click();
        assertEqual(await librarySize(page), "Your sources (2)", "both still listed after reload");
        await page.getByRole("button", { name: "Swap A and B" }).click();
        await until(() => page.locator(".sources").innerText(), "swapped", {
          check: (t) => t.indexOf("Piece two") < t.indexOf("Piece one"),
          timeout: 15000,
        });
        await screenshot(page, "sources-view", { fullPage: false });
      });
    },
  },
  {
    name: "bad input: each case says what is wrong, and the sources already there stay",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await openApp(page, server, "?view=sources");
        await addText(page, "Kept", ONE);
        await expectNotice(page, "Added 1 source.", "a source to keep");
        const cases = [
          ["empty text", () => addText(page, "", "   \n "), "the text is empty"],
          ["a PDF", () => pickFile(page, "paper.pdf", Buffer.from("%PDF-1.7\n%\u00e2\u00e3"), "application/pdf"), "Parallax reads .txt, .md, .html and .json files"],
          ["a binary file named .txt", () => pickFile(page, "image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3])), "this looks like a PNG image"],
          ["invalid UTF-8", () => pickFile(page, "latin1.txt", Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e]), "text/plain"), "not valid UTF-8"],
          ["a file above 20 MB", () => pickFile(page, "huge.txt", Buffer.alloc(20 * 1000 * 1000 + 10, 0x61), "text/plain"), "above the 20 MB limit"],
          ["malformed JSON", () => pickFile(page, "corpus.json", Buffer.from('[{"title": "x", "text": '), "application/json"), "not a Parallax corpus: it is not valid JSON"],
          ["a JSON corpus without text", () => pickFile(page, "corpus.json", Buffer.from('[{"title": "x"}]'), "application/json"), "entry 1 has no text field"],
          ["a duplicate source", () => addText(page, "Again", ONE), "this text is already a source"],
        ];
        for (const [what, act, message] of cases) {
          await act();
          await expectNotice(page, message, what);
          if (what === "a duplicate source") assertEqual(await page.inputValue("#new-text"), ONE, "a refused text stays in the form");
          assertEqual(await page.locator(".notice").getAttribute("role"), "alert", `${what}: announced as an alert`);
          assertEqual(await librarySize(page), "Your sources (1)", `${what}: the kept source is still there`);
          await page.getByRole("button", { name: "Dismiss" }).click();
        }
        await screenshot(page, "sources-bad-input", { fullPage: false });
      });
    },
  },
  {
    name: "storage quota exceeded: a clear message, and the new source still works in this tab",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await page.addInitScript(() => {
          IDBObjectStore.prototype.put = function () {
            throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          };
        });
        await openApp(page, server, "?view=sources");
        await addText(page, "Unsaved", ONE);
        await expectNotice(page, "storage for Parallax is full", "quota message");
        assertEqual(await librarySize(page), "Your sources (1)", "the source is kept in the tab");
        await page.selectOption("#pick-a", "u1");
        await until(() => page.locator(".sources").innerText(), "it can be compared", { check: (t) => t.includes("Unsaved") });
      });
    },
  },
  {
    name: "storage unavailable: said at start; sources still work for the session",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await page.addInitScript(() => {
          for (const name of ["indexedDB", "localStorage"]) {
            Object.defineProperty(window, name, {
              get() {
                throw new DOMException("Access is denied for this document.", "SecurityError");
              },
            });
          }
        });
        await openApp(page, server, "?view=sources");
        await expectNotice(page, "does not let Parallax keep data", "unavailable storage said at start");
        await page.getByRole("button", { name: "Dismiss" }).click();
        await addText(page, "Session only", TWO);
        await expectNotice(page, "does not let Parallax keep data", "and again when saving");
        assertEqual(await librarySize(page), "Your sources (1)", "the source is kept in the tab");
      });
    },
  },
  {
    name: "a JSON corpus and a workspace file round trip; topics of your own apply",
    async run({ browser, server }) {
      await withPage(browser, {}, async (page) => {
        await openApp(page, server, "?view=sources");
        const corpus = [
          { title: "Corpus one", text: ONE, label: "Outlet X", url: "https://example.org/1", date: "2020-02-01" },
          { title: "Corpus two", text: TWO },
        ];
        await pickFile(page, "corpus.json", Buffer.from(JSON.stringify(corpus)), "application/json");
        await expectNotice(page, "Added 2 sources.", "corpus imported");
        await page.fill("#topic-label", "Developers count");
        await page.fill("#topic-terms", "developers, two million");
        await page.getByRole("button", { name: "Add topic" }).click();
        await expectNotice(page, "Added the topic", "topic added");
        await page.selectOption("#pick-a", "u1");
        await page.selectOption("#pick-b", "u2");
        await page.getByRole("button", { name: "Compare", exact: true }).click();
        // The embedded comparison's filters show until the worker has compared the pair.
        await until(() => page.locator(".filters .topic-filter").allInnerTexts(), "the topic among the filters", {
          check: (topics) => topics.includes("Developers count"),
          timeout: 15000,
        });
        // Export, reset, import the workspace.
        await page.getByRole("button", { name: "Sources", exact: true }).click();
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export workspace" }).click()]);
        const file = await download.path();
        const { readFileSync } = await import("node:fs");
        const saved = readFileSync(file);
        const workspace = JSON.parse(saved.toString());
        assertEqual(workspace.format, "parallax/workspace@1", "workspace format");
        assertEqual(workspace.sources.map((s) => s.title), ["Corpus one", "Corpus two"], "workspace sources");
        assertEqual(workspace.topics.map((t) => t.label), ["Developers count"], "workspace topics");
        await page.getByRole("button", { name: "Reset to the embedded story" }).click();
        await until(() => librarySize(page), "reset", { check: (t) => t === "Your sources (0)" });
        await pickFile(page, "parallax-workspace.json", saved, "application/json");
        await expectNotice(page, "Workspace imported: 2 sources, 1 topics.", "workspace imported");
        assertEqual(await librarySize(page), "Your sources (2)", "sources back");
      });
    },
  },
  {
    name: "a 1,000-article corpus imports in the background: progress, cancel adds nothing, then it all arrives and persists",
    async run({ browser, server }) {
      const { writeFileSync, mkdirSync } = await import("node:fs");
      mkdirSync("target/e2e", { recursive: true });
      const corpus = Array.from({ length: 1000 }, (_, i) => ({
        title: `Generated piece ${i + 1}`,
        text: Array.from({ length: 12 }, (_, k) => `Paragraph ${k + 1} of piece ${i + 1}. ${k % 2 ? ONE : TWO}`).join("\n\n"),
      }));
      const file = "target/e2e/corpus-1000.json";
      writeFileSync(file, JSON.stringify(corpus));
      await withPage(browser, {}, async (page) => {
        await openApp(page, server, "?view=sources");
        await addText(page, "Kept", ONE);
        await expectNotice(page, "Added 1 source.", "a source to keep");
        // Cancel: the worker stops, nothing is added, the kept source stays.
        await page.setInputFiles("#new-files", file);
        await page.getByRole("button", { name: "Cancel import" }).click();
        await expectNotice(page, "Import cancelled: nothing was added", "cancelled");
        assertEqual(await librarySize(page), "Your sources (1)", "cancel added nothing");
        assertEqual(await page.locator("#import-progress").count(), 0, "the progress bar is gone");
        // Import for real: the progress bar moves, then all 1,000 arrive.
        await page.setInputFiles("#new-files", file);
        await until(() => page.locator(".import-progress label").innerText().catch(() => ""), "progress is shown", {
          check: (t) => /Analysing \d+ of 1000 sources/.test(t),
          timeout: 30000,
        });
        await screenshot(page, "sources-import-progress", { fullPage: false });
        await expectNotice(page, "Added 1000 sources.", "all imported", 60000);
        assertEqual(await librarySize(page), "Your sources (1001)", "1,001 sources");
        // The list shows a page at a time, with the analysis digest, and can be searched.
        assertEqual(await page.locator("ul.library").first().locator("li").count(), 50, "first page of the list");
        const first = await page.locator("ul.library li").nth(1).innerText();
        assert(/claims/.test(first), `a digest is shown: ${first}`);
        await page.fill("#find-source", "Generated piece 777");
        await until(() => page.locator("#find-count").innerText(), "search narrows the list", { check: (t) => t.startsWith("1 of 1001 match") });
        await screenshot(page, "sources-many", { fullPage: false });
        // Reload: all of them come back from IndexedDB.
        await page.reload();
        await settled(page);
        await until(() => librarySize(page), "1,001 sources after reload", { check: (t) => t === "Your sources (1001)", timeout: 15000 });
      });
    },
  },
];
