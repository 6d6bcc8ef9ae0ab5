// Accessibility audit with axe-core (WCAG 2.0/2.1 A and AA, and best practices)
// of every view in light and dark, the pair dialog, the filtered state and the
// empty state with a notice. Any violation fails its test and is printed: rule,
// impact, the elements (CSS selectors) and what to fix.
import { resolve } from "node:path";
import { withPage, openApp, assert } from "./lib.mjs";

const AXE = resolve("node_modules/axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** Runs axe on the page as it is; returns its violations and how many checks were incomplete. */
async function audit(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: (n.failureSummary ?? "").replace(/\s+/g, " ").trim() })),
      })),
      incomplete: result.incomplete.map((v) => `${v.id} (${v.nodes.length})`),
      passes: result.passes.length,
    };
  }, TAGS);
}

function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 8).map((n) => `        ${n.target}\n          ${n.summary}`).join("\n");
      const more = v.nodes.length > 8 ? `\n        … and ${v.nodes.length - 8} more` : "";
      return `    ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} elements) ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
}

const STATES = [
  { name: "compare view", path: "", ready: "li.row:not([hidden])" },
  {
    name: "reader view with a selected claim and the removed lines shown",
    path: "?view=reader&claim=A9",
    ready: "a#read-A9.selected",
    async prepare(page) {
      await page.locator(".removed button").first().click();
      await page.waitForSelector(".removed-list");
    },
  },
  { name: "overview", path: "?view=overview", ready: "svg.heatmap" },
  { name: "pair dialog open", path: "?view=overview&pair=A9~B7", ready: 'dialog.dialog[open]' },
  {
    name: "filtered compare view (topic, relation, entity, search hits)",
    path: "?topics=google-services&show=tension,related&entity=Huawei%20Mobile%20Services&q=HMS",
    ready: "li.row:not([hidden]) mark.hit",
  },
  { name: "no results, with a notice about a malformed link", path: "?q=zzzz&bogus=1", ready: ".empty" },
  {
    name: "sources view with a source, a topic and an error message",
    path: "?view=sources",
    ready: "#new-text",
    async prepare(page) {
      await page.fill("#new-text", "A text of my own about Huawei. It has two sentences.");
      await page.getByRole("button", { name: "Add this text" }).click();
      // The worker digests the text first; its notice would replace the error below.
      await page.waitForSelector(".notice:has-text('Added 1 source')", { timeout: 15000 });
      await page.fill("#topic-label", "Mine");
      await page.fill("#topic-terms", "huawei");
      await page.getByRole("button", { name: "Add topic" }).click();
      await page.fill("#new-text", " ");
      await page.getByRole("button", { name: "Add this text" }).click();
      await page.waitForSelector(".notice.alert");
    },
  },
];

export const tests = STATES.flatMap((state) =>
  ["light", "dark"].map((colorScheme) => ({
    name: `axe: ${state.name}, ${colorScheme}`,
    async run({ browser, server }) {
      // axe is injected as a script: the audit context bypasses the CSP (security.spec checks the CSP).
      await withPage(browser, { colorScheme, bypassCSP: true }, async (page) => {
        await openApp(page, server, state.path);
        await page.waitForSelector(state.ready);
        if (state.prepare) await state.prepare(page);
        const { violations, incomplete, passes } = await audit(page);
        if (incomplete.length) console.log(`       axe needs review (${state.name}, ${colorScheme}): ${incomplete.join(", ")}`);
        assert(passes > 0, "axe ran its rules");
        if (violations.length) {
          throw new Error(`${violations.length} axe violation(s) in ${state.name} (${colorScheme}):\n${describe(violations)}`);
        }
      });
    },
  })),
);
