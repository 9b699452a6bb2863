// Issue 22: every view passes axe-core's WCAG 2.1 AA rules in the real
// window, in the light and the dark theme (GTK's dark variant, which
// WebKitGTK reports as prefers-color-scheme: dark).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Harness, answer } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const LAUNCH = `# Acme Ships Rockets for Everyone

## Acme's rocket takes a family to orbit for the price of a car

SEATTLE, May 4, 2027 — Acme today launched a rocket that we leverage to deliver synergy very quickly.

## The problem

Families cannot reach orbit today.

## FAQ

**Q: How much does it cost?**

A: It costs $49.
`;

/** The violations axe finds in the window now, as lines a reader can act on. */
async function violations(t) {
  await t.browser.execute(`if (!window.axe) { ${axeSource} }`);
  return t.browser.executeAsync((tags, done) => {
    window.axe
      .run(document, { runOnly: { type: "tag", values: tags } })
      .then((r) => done(r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1).join(" ")}`))))
      .catch((err) => done([`axe failed: ${err}`]));
  }, WCAG_AA);
}

/** Fails listing every violation of the view; keeps a screenshot when asked to. */
async function audit(t, theme, view) {
  const dir = process.env.DATELINE_SCREENSHOTS;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    // The X screen, not WebDriver's screenshot, which can hang on a page just loaded.
    execFileSync("import", ["-window", "root", join(dir, `a11y-${theme}-${view}.png`)]);
  }
  const found = await violations(t);
  assert.ok(found.length === 0, `${view} (${theme} theme), ${found.length} violations:\n${found.join("\n")}`);
}

for (const theme of ["light", "dark"]) {
  describe(`accessibility, ${theme} theme`, () => {
    const t = new Harness();
    let drafts;

    before(async () => {
      drafts = t.draftsFolder({ "launch.md": LAUNCH, "notes.md": "# Notes\n\nShort.\n", "launch (Jane Doe's conflicted copy 2027-05-04).md": LAUNCH.replace("$49", "$59") });
      await t.startDriver(theme === "dark" ? { GTK_THEME: "Adwaita:dark" } : { GTK_THEME: "Adwaita" });
    });

    after(() => t.stop());

    it("runs in the theme asked for", async () => {
      await t.launch();
      const dark = await t.browser.execute(() => matchMedia("(prefers-color-scheme: dark)").matches);
      assert.equal(dark, theme === "dark");
    });

    it("the welcome page", async () => {
      await (await t.$("welcome")).waitForDisplayed({ timeout: 10_000 });
      await audit(t, theme, "welcome");
    });

    it("the drafts list with search and filters", async () => {
      await t.kill();
      await t.launch([drafts]);
      await (await t.$("draft-item")).waitForExist({ timeout: 10_000 });
      await (await t.$("search")).setValue("rocket");
      await (await t.$("search-hit")).waitForExist({ timeout: 10_000 });
      try {
        await audit(t, theme, "search");
      } finally {
        await (await t.$("search")).click();
        await t.browser.keys(["Control", "a"]);
        await t.browser.keys(["Backspace"]);
        await (await t.$("search-hit")).waitForExist({ timeout: 10_000, reverse: true });
      }
    });

    it("the editor with each of the Outline, Problems and History tabs", async () => {
      await t.openDraft("launch.md");
      await t.waitForProblemsToSettle();
      for (const tab of ["problems", "outline", "history"]) {
        await (await t.$(`tab-${tab}`)).click();
        await audit(t, theme, `tab-${tab}`);
      }
    });

    it("a finding's hover card", async () => {
      const squiggle = await t.browser.$(".cm-lintRange");
      await squiggle.moveTo();
      await t.browser.$(".cm-tooltip-hover").waitForExist({ timeout: 10_000 });
      await audit(t, theme, "hover-card");
      await (await t.$("draft-title")).moveTo();
    });

    it("the preview", async () => {
      await (await t.$("toggle-preview")).click();
      await t.browser.$(".preview h1").waitForExist({ timeout: 10_000 });
      await audit(t, theme, "preview");
      await (await t.$("toggle-preview")).click();
    });

    it("a notice", async () => {
      await t.typeAtEnd("More.");
      await t.pressSave();
      await t.waitForStatus("saved");
      await (await t.$("export")).click();
      await (await t.$("export-dialog")).waitForDisplayed({ timeout: 10_000 });
      await audit(t, theme, "export-dialog");
      await (await t.$("export-beside")).click();
      await t.waitForNotice("success", /./, 30_000);
      await audit(t, theme, "notice");
    });

    it("the rename and new-draft dialogs", async () => {
      await (await t.$("draft-title")).doubleClick();
      await (await t.$("rename-dialog-input")).waitForDisplayed({ timeout: 10_000 });
      await audit(t, theme, "rename-dialog");
      await (await t.$("rename-dialog-cancel")).click();
      await (await t.$("new-draft")).click();
      await (await t.$("new-draft-dialog-input")).waitForDisplayed({ timeout: 10_000 });
      await audit(t, theme, "new-draft-dialog");
      await (await t.$("new-draft-dialog-cancel")).click();
    });

    it("review mode, the reviewer dialog and a thread", async () => {
      await (await t.$("review-open")).click();
      await (await t.$("review")).waitForDisplayed({ timeout: 10_000 });
      await audit(t, theme, "review");
      const inserted = await t.browser.$('[data-testid="review-pane-new"] .rv-ins');
      await inserted.waitForExist({ timeout: 10_000 });
      await inserted.scrollIntoView();
      await inserted.doubleClick();
      await (await t.$("review-comment")).click();
      await (await t.$("reviewer-name-input")).waitForDisplayed({ timeout: 10_000 });
      await audit(t, theme, "reviewer-dialog");
      await answer(t, "reviewer-name", "Ana Ruiz");
      await answer(t, "reviewer-email", "ana@example.com");
      await answer(t, "comment-dialog", "Is this the launch price?");
      await (await t.$("review-thread")).waitForExist({ timeout: 10_000 });
      await audit(t, theme, "review-thread");
      await (await t.$("review-open")).click();
    });

    it("the merge dialog of a conflict copy", async () => {
      await (await t.$("conflict-copy")).waitForExist({ timeout: 10_000 });
      await (await t.$("conflict-copy")).click();
      await (await t.$("merge-dialog")).waitForDisplayed({ timeout: 10_000 });
      await audit(t, theme, "merge-dialog");
    });
  });
}

describe("keyboard, zoom and screen-reader announcements", () => {
  const t = new Harness();
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({ "launch.md": LAUNCH });
    await t.startDriver();
    await t.launch([drafts]);
    await t.openDraft("launch.md");
    await t.waitForProblemsToSettle();
  });

  after(() => t.stop());

  const cssWidth = () => t.browser.execute(() => window.innerWidth);

  it("lists every shortcut from the menu's table (Help → Keyboard Shortcuts, F1)", async () => {
    await t.browser.keys(["F1"]);
    await (await t.$("shortcuts-dialog")).waitForDisplayed({ timeout: 5_000 });
    const rows = await t.browser.execute(() => [...document.querySelectorAll('[data-testid="shortcut-row"]')].map((r) => r.textContent));
    assert.ok(rows.includes("SaveCtrl+S") && rows.includes("Zoom InCtrl+="), rows.join(" | "));
    await audit(t, "light", "shortcuts-dialog");
    await t.browser.keys(["Escape"]);
    await (await t.$("shortcuts-dialog")).waitForExist({ timeout: 5_000, reverse: true });
  });

  it("announces new findings politely once typing pauses", async () => {
    const region = await t.$("announcer");
    assert.equal(await region.getAttribute("aria-live"), "polite");
    await t.typeAtEnd("We leverage best-of-breed synergy.");
    await t.browser.waitUntil(async () => /new problem/.test(await region.getProperty("textContent")), {
      timeout: 10_000,
      timeoutMsg: "the live region never announced the new findings",
    });
  });

  it("zooms the whole window with Ctrl+= and Ctrl+-, remembers it, and Ctrl+0 goes back", async () => {
    const actual = await cssWidth();
    await t.browser.keys(["Control", "="]);
    await t.browser.keys(["Control", "="]);
    await t.browser.waitUntil(async () => Math.abs((await cssWidth()) * 1.25 - actual) < 4, {
      timeout: 5_000,
      timeoutMsg: `the window did not zoom to 125% (${actual} CSS px wide at 100%)`,
    });
    await t.kill();
    await t.launch();
    await t.browser.waitUntil(async () => Math.abs((await cssWidth()) * 1.25 - actual) < 4, {
      timeout: 5_000,
      timeoutMsg: "the zoom level was not remembered",
    });
    await t.browser.keys(["Control", "-"]);
    await t.browser.waitUntil(async () => Math.abs((await cssWidth()) * 1.1 - actual) < 4, { timeout: 5_000 });
    await t.browser.keys(["Control", "0"]);
    await t.browser.waitUntil(async () => Math.abs((await cssWidth()) - actual) < 2, { timeout: 5_000 });
  });

  /** Nothing runs off the side, and the editor keeps a usable width. */
  async function assertLayoutHolds(view) {
    const fit = await t.browser.execute(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      editor: document.querySelector('[data-testid="editor"]').getBoundingClientRect().width,
    }));
    assert.ok(fit.overflow <= 1, `${view}: the page is ${fit.overflow} CSS px wider than the window`);
    assert.ok(fit.editor >= 280, `${view}: the editor is only ${fit.editor} CSS px wide`);
    await audit(t, "light", view);
  }

  it("holds its layout at 200% zoom and in a 1024×700 window, and folds the drafts list away", async () => {
    await t.browser.setWindowSize(1280, 800);
    for (let i = 0; i < 5; i++) await t.browser.keys(["Control", "="]);
    const actual = await t.browser.execute(() => window.outerWidth);
    await t.browser.waitUntil(async () => (await cssWidth()) * 2 <= actual + 8, { timeout: 5_000, timeoutMsg: "not at 200%" });
    await assertLayoutHolds("zoom-200");
    await (await t.$("toggle-sidebar")).click();
    assert.equal(await (await t.$("toggle-sidebar")).getAttribute("aria-expanded"), "false");
    assert.equal(await (await t.$("sidebar")).isDisplayed(), false);
    await assertLayoutHolds("zoom-200-folded");
    await (await t.$("toggle-sidebar")).click();
    await (await t.$("sidebar")).waitForDisplayed({ timeout: 5_000 });
    await t.browser.keys(["Control", "0"]);
    await t.browser.setWindowSize(1024, 700);
    await t.browser.waitUntil(async () => (await cssWidth()) <= 1024, { timeout: 5_000 });
    await assertLayoutHolds("window-1024x700");
  });

  /** Presses Tab until the focus is on an element with `testid`; never clicks. */
  async function tabTo(testid, presses = 60) {
    for (let i = 0; i < presses; i++) {
      const at = await t.browser.execute(() => document.activeElement?.getAttribute("data-testid"));
      if (at === testid) return;
      await t.browser.keys(["Tab"]);
    }
    const seen = [];
    for (let i = 0; i < 12; i++) {
      seen.push(await t.browser.execute(() => `${document.activeElement?.tagName}.${document.activeElement?.className}[${document.activeElement?.getAttribute("data-testid")}]`));
      await t.browser.keys(["Tab"]);
    }
    const count = await t.browser.execute((id) => document.querySelectorAll(`[data-testid="${id}"]`).length, testid);
    assert.fail(`Tab never reached ${testid} (${count} in the page); the focus went: ${seen.join(" → ")}`);
  }

  const focused = () => t.browser.execute(() => document.activeElement?.getAttribute("data-testid"));

  it("walks by keyboard only: open a draft, fix a finding, save, review, export; Escape gives focus back", async () => {
    await t.kill();
    // Both drafts hold a finding with a fix (utilize → use), whichever End lands on.
    const walk = t.draftsFolder({ "a.md": "# First\n\nWe utilize it.\n", "b.md": LAUNCH.replace("Families cannot", "Families utilize rockets and cannot") });
    await t.launch([walk]);
    await tabTo("draft-item");
    await t.browser.keys(["End"]);
    await t.browser.keys(["Enter"]);
    await t.browser.waitUntil(async () => (await t.editorDoc()).length > 0, { timeout: 10_000, timeoutMsg: "Enter on a draft did not open it" });
    await t.waitForProblemsToSettle();
    const before = await t.editorDoc();
    await tabTo("quick-fix");
    await t.browser.keys(["Enter"]);
    await t.browser.waitUntil(async () => (await t.editorDoc()) !== before, { timeout: 10_000, timeoutMsg: "the quick fix did not apply" });
    await t.browser.keys(["Control", "s"]);
    await t.waitForStatus("saved");
    await tabTo("review-open");
    await t.browser.keys(["Enter"]);
    await (await t.$("review")).waitForDisplayed({ timeout: 10_000 });
    await tabTo("review-next");
    await t.browser.keys(["Enter"]);
    const stepped = await t.$("review-stepped");
    await t.browser.waitUntil(async () => /^Change 1 of \d+: text/.test(await stepped.getProperty("textContent")), {
      timeout: 5_000,
      timeoutMsg: "stepping to a change was not announced",
    });
    await tabTo("review-open", 80);
    await t.browser.keys(["Enter"]);
    await (await t.$("review")).waitForDisplayed({ timeout: 10_000, reverse: true });
    await t.browser.keys(["Control", "e"]);
    await (await t.$("export-dialog")).waitForDisplayed({ timeout: 10_000 });
    await tabTo("export-beside");
    await t.browser.keys(["Enter"]);
    await t.waitForNotice("success", /./, 30_000);
    await tabTo("editor-content");
    await t.browser.keys(["F2"]);
    await (await t.$("rename-dialog-input")).waitForDisplayed({ timeout: 5_000 });
    await t.browser.keys(["Escape"]);
    await (await t.$("rename-dialog")).waitForExist({ timeout: 5_000, reverse: true });
    await t.browser.waitUntil(async () => (await focused()) === "editor-content", { timeout: 5_000, timeoutMsg: "Escape did not give the focus back to the editor" });
  });
});
