// Screenshots of every view (compare, reader with a selection, overview, the pair
// dialog) in light and dark, 1280 px and 360 px wide, saved as
// target/e2e/view-<view>-<scheme>-<width>.png to be looked at. Every shot also
// checks the layout: nothing scrolls sideways, and each card, article and pair side
// keeps its visible Source A / Source B label.
import { withPage, openApp, screenshot, until, assert, assertEqual } from "./lib.mjs";

const VIEWS = [
  { id: "compare", path: "", ready: "li.row:not([hidden])" },
  { id: "reader", path: "?view=reader&claim=A9", ready: "a#read-A9.selected" },
  { id: "overview", path: "?view=overview", ready: "svg.heatmap", cards: false },
  { id: "pair-dialog", path: "?pair=A9~B7", ready: 'dialog.dialog[open]', fullPage: false },
];

/** Layout facts of the page as shown: sideways overflow and the A/B labels. */
function layout(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none" && r.left >= -0.5 && r.right <= width + 0.5;
    };
    // Where a label is expected, which one, and whether it shows.
    const labels = [];
    const expect = (owner, labelSelector, side) => {
      const label = owner.querySelector(labelSelector);
      const text = label?.textContent.trim() ?? "";
      labels.push({ where: `${owner.className} ${text.slice(0, 40)}`, ok: !!label && visible(label) && text.includes(`Source ${side}`) });
    };
    for (const card of document.querySelectorAll(".claim-card:not(.empty-cell)")) expect(card, ".claim-id", card.classList.contains("side-a") ? "A" : "B");
    for (const cell of document.querySelectorAll(".claim-card.empty-cell")) expect(cell, "p", cell.classList.contains("side-a") ? "A" : "B");
    for (const article of document.querySelectorAll("article[data-source]")) expect(article, ".source-label", article.classList.contains("side-a") ? "A" : "B");
    document.querySelectorAll(".pair-side").forEach((side, i) => expect(side, ".source-label", i === 0 ? "A" : "B"));
    // Elements that stick out to the right (outside scrollable boxes such as the heatmap's).
    const scrolls = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
      }
      return false;
    };
    const sticking = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !scrolls(el) && getComputedStyle(el).position !== "fixed")
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { width, scrollWidth: document.documentElement.scrollWidth, labels, sticking };
  });
}

function shotsTest(width, colorScheme) {
  return {
    name: `screenshots at ${width} px, ${colorScheme}: compare, reader, overview, pair dialog`,
    async run({ browser, server }) {
      await withPage(browser, { width, height: width < 600 ? 780 : 900, colorScheme }, async (page) => {
        for (const view of VIEWS) {
          await openApp(page, server, view.path);
          await page.waitForSelector(view.ready);
          // The reader scrolls the selection into view (smoothly): wait until it rests.
          let last = -1;
          await until(async () => {
            const now = await page.evaluate(() => window.scrollY + [...document.querySelectorAll(".article")].reduce((s, a) => s + a.scrollTop, 0));
            const still = now === last;
            last = now;
            return still;
          }, "scrolling settles", { timeout: 3000 });
          await page.evaluate(() => document.fonts.ready);
          const facts = await layout(page);
          const name = `view-${view.id}-${colorScheme}-${width}`;
          await screenshot(page, name, { fullPage: view.fullPage ?? true });
          assert(facts.scrollWidth <= facts.width, `${name}: page scrolls sideways (scrollWidth ${facts.scrollWidth} > ${facts.width}); sticking out: ${facts.sticking.join(", ")}`);
          assertEqual(facts.sticking, [], `${name}: elements past the right edge`);
          if (view.cards !== false) assert(facts.labels.length > 0, `${name}: A/B labels found`);
          const missing = facts.labels.filter((l) => !l.ok).map((l) => l.where);
          assertEqual(missing, [], `${name}: A/B labels not visible`);
          if (view.id === "pair-dialog") {
            const box = await page.locator(".dialog").boundingBox();
            assert(box.x >= 0 && box.x + box.width <= width, `${name}: dialog fits the width`);
          }
        }
      });
    },
  };
}

export const tests = [shotsTest(1280, "light"), shotsTest(1280, "dark"), shotsTest(360, "light"), shotsTest(360, "dark")];
