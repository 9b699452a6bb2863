// Issue 4: drafting with live lint, quick fixes, crash recovery, history
// and a preview that runs nothing a draft contains.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Harness } from "./harness.mjs";

describe("drafting: template, live lint, quick fix, history", () => {
  const t = new Harness();
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({ "existing.md": "# Existing\n" });
    await t.startDriver();
    await t.launch([drafts]);
  });

  after(() => t.stop());

  it("creates a draft from the PR/FAQ template", async () => {
    await (await t.$("new-draft")).click();
    const input = await t.$("new-draft-dialog-input");
    await input.waitForDisplayed({ timeout: 5_000 });
    await input.setValue("Lumen launch");
    await (await t.$("new-draft-dialog-ok")).click();
    await t.browser.waitUntil(async () => (await t.text("draft-title")) === "Lumen launch", { timeout: 10_000 });
    const onDisk = readFileSync(join(drafts, "Lumen launch.md"), "utf8");
    assert.match(onDisk, /^# Headline/m);
    assert.match(onDisk, /### Problem/);
    assert.equal(await t.editorDoc(), onDisk);
    await (await t.$("tab-outline")).click();
    const expected = ["headline", "summary", "problem", "solution", "call-to-action"];
    const outlineKinds = () => t.browser.execute(() => [...document.querySelectorAll('[data-testid="outline-item"]')].map((e) => e.dataset.kind));
    // The outline follows the draft's first lint, which may still be on its way.
    let kinds = [];
    await t.browser
      .waitUntil(
        async () => {
          kinds = await outlineKinds();
          return expected.every((kind) => kinds.includes(kind));
        },
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    for (const kind of expected) assert.ok(kinds.includes(kind), `${kind} in ${kinds}`);
  });

  it("shows a diagnostic for a jargon word as it is typed, and fixes it in one click", async () => {
    await (await t.$("tab-problems")).click();
    await t.typeAtEnd(" We leverage it.");
    await t.waitForProblem("jargon");
    const squiggle = await t.browser.$(".cm-lintRange-warning");
    assert.ok(await squiggle.isExisting(), "a squiggle is painted in the editor");
    await t.waitForProblemsToSettle();
    const problem = await t.browser.$('[data-testid="problem"][data-rule="jargon"] [data-testid="quick-fix"]');
    // The template itself has no jargon, so this is the typed word.
    assert.match(await problem.getText(), /Change to “use”/i);
    await problem.click();
    await t.browser.waitUntil(async () => (await t.editorDoc()).endsWith(" We use it."), { timeout: 5_000, timeoutMsg: await t.editorDoc() });
    await t.browser.waitUntil(async () => (await t.browser.$$('[data-testid="problem"][data-rule="jargon"]').length) === 0, { timeout: 5_000 });
  });

  it("silences a rule from the problems panel with an inline comment", async () => {
    await t.typeAtEnd(" It is very fast.");
    const veryProblem = '[data-testid="problem"][data-rule="weasel-word"][data-message*="“very”"]';
    await (await t.browser.$(veryProblem)).waitForExist({ timeout: 10_000 });
    await t.waitForProblemsToSettle();
    await (await t.browser.$(`${veryProblem} [data-testid="silence"]`)).click();
    await t.browser.waitUntil(async () => (await t.editorDoc()).endsWith("not doing.\n<!-- dateline-disable-next-line weasel-word -->\n We use it. It is very fast."), {
      timeout: 5_000,
      timeoutMsg: `comment not inserted: ${JSON.stringify((await t.editorDoc()).slice(-200))}`,
    });
    await t.browser.waitUntil(async () => !(await (await t.browser.$(veryProblem)).isExisting()), { timeout: 5_000 });
  });

  it("flags a misspelling as she types, and a colleague's team word clears it when the words file changes", async () => {
    const flagged = (word) => `[data-testid="problem"][data-rule="spelling"][data-message*="“${word}”"]`;
    await t.typeAtEnd(" Teh team uses zindlefrob.");
    await (await t.browser.$(flagged("Teh"))).waitForExist({ timeout: 10_000, timeoutMsg: "“Teh” is not flagged" });
    await (await t.browser.$(flagged("zindlefrob"))).waitForExist({ timeout: 10_000, timeoutMsg: "“zindlefrob” is not flagged" });
    // A teammate adds the word on another machine: the synced file changes, nothing is clicked here.
    writeFileSync(join(drafts, "dateline-words.txt"), "zindlefrob\n");
    await t.browser.waitUntil(async () => !(await (await t.browser.$(flagged("zindlefrob"))).isExisting()), {
      timeout: 15_000,
      timeoutMsg: "the team word did not take effect when the file changed",
    });
    assert.ok(await (await t.browser.$(flagged("Teh"))).isExisting(), "other misspellings stay flagged");
  });

  it("keeps every save as a version and restores an old one as a new version", async () => {
    await t.pressSave();
    await t.waitForStatus("saved");
    const saved = readFileSync(join(drafts, "Lumen launch.md"), "utf8");
    assert.match(saved, /We use it\./);
    await (await t.$("tab-history")).click();
    await t.browser.waitUntil(async () => (await t.$$("version")).length === 2, { timeout: 5_000 });
    assert.equal(await (await t.$("score-trend")).isExisting(), true);
    const original = await t.browser.$('[data-testid="version"][data-source="original"] [data-testid="version-restore"]');
    await original.click();
    await t.browser.waitUntil(async () => (await t.$$("version")).length === 3, { timeout: 5_000 });
    const restored = readFileSync(join(drafts, "Lumen launch.md"), "utf8");
    assert.doesNotMatch(restored, /We use it/);
    assert.equal(await t.editorDoc(), restored);
    const sources = await t.browser.execute(() => [...document.querySelectorAll('[data-testid="version"]')].map((v) => v.dataset.source));
    assert.deepEqual(sources, ["restore", "save", "original"]);
  });
});

describe("crash recovery", () => {
  const t = new Harness();
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({ "plan.md": "# Plan\n" });
    await t.startDriver();
    await t.launch([drafts]);
  });

  after(() => t.stop());

  it("brings back unsaved text after the app is killed mid-edit", async () => {
    await t.openDraft("plan.md");
    await t.waitForStatus("saved");
    await t.typeAtEnd("Typed just before the crash.");
    await t.waitForStatus("edited");
    await new Promise((r) => setTimeout(r, 600)); // keystrokes older than half a second must survive
    await t.kill();
    assert.equal(readFileSync(join(drafts, "plan.md"), "utf8"), "# Plan\n", "nothing was saved");
    await t.launch();
    await t.waitForNotice("warning", /Unsaved text from .* was restored/);
    // Nothing was handed over by another launch, so nothing asks about the
    // restored text (whose "Don't save" would throw it away).
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await (await t.$("unsaved-dialog")).isDisplayed(), false, "no prompt about the restored text");
    assert.equal(await t.editorDoc(), "# Plan\nTyped just before the crash.");
    await t.waitForStatus("edited");
    await t.pressSave();
    await t.waitForStatus("saved");
    assert.equal(readFileSync(join(drafts, "plan.md"), "utf8"), "# Plan\nTyped just before the crash.");
  });
});

describe("preview safety", () => {
  const t = new Harness();
  const payloads = [
    "# Hostile draft",
    "<script>window.canary = 'script'</script>",
    `<img src="x" onerror="window.canary = 'onerror'">`,
    "[click me](javascript:window.canary='link')",
    `<iframe src="https://example.com" onload="window.canary='iframe'"></iframe>`,
    `<svg><script>window.canary='svg'</script></svg>`,
    `<a href="#" onmouseover="window.canary='hover'">hover</a>`,
    "![tracker](https://tracker.invalid/pixel.png)",
    `<details open ontoggle="window.canary='toggle'"><summary>x</summary></details>`,
    `<form action="https://evil.invalid"><button>go</button></form>`,
    `<meta http-equiv="refresh" content="0;url=https://evil.invalid">`,
    `<style>body { display: none }</style>`,
  ].join("\n\n");

  before(async () => {
    const drafts = t.draftsFolder({ "hostile.md": payloads });
    await t.startDriver();
    await t.launch([join(drafts, "hostile.md")]);
  });

  after(() => t.stop());

  it("renders a draft full of XSS payloads without running any of them", async () => {
    await t.waitForStatus("saved");
    await (await t.$("toggle-preview")).click();
    const preview = await t.$("preview");
    await t.browser.waitUntil(async () => (await preview.getAttribute("data-rendered")) !== null, { timeout: 10_000 });
    await (await t.browser.$('[data-testid="preview"] a')).moveTo().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    const state = await t.browser.execute(() => {
      const el = document.querySelector('[data-testid="preview"]');
      return {
        canary: typeof window.canary,
        heading: el.querySelector("h1")?.textContent,
        active: [...el.querySelectorAll("script, iframe, object, embed, form, style, meta")].length,
        handlers: [...el.querySelectorAll("*")].flatMap((n) => [...n.attributes].map((a) => a.name)).filter((n) => n.startsWith("on")),
        remoteImages: [...el.querySelectorAll("img[src]")].map((i) => i.getAttribute("src")),
        scriptLinks: [...el.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")).filter((h) => /^\s*javascript:/i.test(h)),
        bodyVisible: getComputedStyle(document.body).display !== "none",
      };
    });
    assert.deepEqual(state, {
      canary: "undefined",
      heading: "Hostile draft",
      active: 0,
      handlers: [],
      remoteImages: [],
      scriptLinks: [],
      bodyVisible: true,
    });
    assert.equal(existsSync("/nonexistent"), false);
  });
});

describe("outline correction", () => {
  const t = new Harness();
  const draft = [
    "# Harbor Bikes Rents an E-Bike to You in Under a Minute",
    "",
    "## Summary",
    "",
    "**PORTLAND, Ore. — April 2, 2026 —** Harbor Bikes today opened 300 e-bike docks across Portland. You tap your phone on a dock, and the bike unlocks in 20 seconds.",
    "",
    "## Problem",
    "",
    "Half of Portland commuters live more than two miles from a bus stop. They drive because the walk takes too long.",
    "",
    "## Solution",
    "",
    "Harbor Bikes puts a dock within five minutes of 80 percent of homes. You ride to the office in 12 minutes.",
    "",
    "Docks open across the city this spring.",
    "",
  ].join("\n");
  /** The outline's entries as drawn: [kind, title, marker part or null]. */
  const entries = () =>
    t.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="outline-entry"]')].map((e) => [e.dataset.kind, e.querySelector(".outline-title")?.textContent ?? null, e.dataset.marked ?? null]),
    );
  /** Waits for `check`; on a timeout, fails with what `seen` describes. */
  async function waitFor(check, message, seen) {
    try {
      await t.browser.waitUntil(check, { timeout: 10_000 });
    } catch {
      assert.fail(`${message}: ${JSON.stringify(await seen())}`);
    }
  }
  const waitForEntry = (wanted, message) =>
    waitFor(async () => (await entries()).some((e) => JSON.stringify(e) === JSON.stringify(wanted)), message, entries);
  const waitForDoc = (wanted, message) => waitFor(async () => (await t.editorDoc()) === wanted, message, () => t.editorDoc());
  /** Opens the part chooser of the entry titled `title` and picks `part`. */
  async function assign(title, part) {
    const entry = await t.browser.$(`//li[@data-testid="outline-entry"][.//span[@class="outline-title" and text()="${title}"]]`);
    await (await entry.$('[data-testid="outline-change-part"]')).click();
    const option = await entry.$(`[data-testid="part-option"][data-part="${part}"]`);
    await option.waitForDisplayed({ timeout: 5_000 });
    await option.click();
  }

  before(async () => {
    const drafts = t.draftsFolder({ "harbor.md": draft });
    await t.startDriver();
    await t.launch([join(drafts, "harbor.md")]);
  });

  after(() => t.stop());

  it("assigns a section to a part from the Outline panel, replaces the marker, and undoes it", async () => {
    await t.waitForStatus("saved");
    await (await t.$("tab-outline")).click();
    await waitForEntry(["problem", "Problem", null], "the Problem section is not in the outline");

    await assign("Problem", "leader-quote");
    const marked = draft.replace("## Problem", "<!-- dateline: leader-quote -->\n## Problem");
    await waitForDoc(marked, "the marker was not written right before the section");
    await waitForEntry(["leader-quote", "Problem", "leader-quote"], "the outline does not show the part the marker set");

    // A second choice replaces the marker rather than adding one; "Not a
    // part" takes the section out of the outline, listed as marked.
    await assign("Problem", "other");
    await waitForDoc(draft.replace("## Problem", "<!-- dateline: other -->\n## Problem"), "the marker was not replaced");
    const loose = await t.$("outline-marker");
    await loose.waitForExist({ timeout: 10_000 });
    assert.match(await loose.getText(), /Not a part/);
    await waitFor(async () => !(await entries()).some(([kind, title]) => kind !== "other" && title === "Problem"), "a section marked as no part is still in the outline", entries);

    // The change is an ordinary edit: Ctrl+Z in the editor (focused by it) takes it back.
    await t.browser.keys(["Control", "z"]);
    await waitForDoc(marked, "Ctrl+Z did not undo the replacement");
    await waitForEntry(["leader-quote", "Problem", "leader-quote"], "the undone marker is not shown again");

    const automatic = await t.browser.$('[data-testid="outline-entry"][data-marked="leader-quote"] [data-testid="outline-use-automatic"]');
    await automatic.click();
    await waitForDoc(draft, "Use automatic did not remove the marker");
    await waitForEntry(["problem", "Problem", null], "the lint's own reading did not come back");
  });

  it("marks the paragraph at the cursor as a part the outline lists as missing", async () => {
    const missing = '[data-testid="outline-missing"][data-kind="call-to-action"]';
    await (await t.browser.$(missing)).waitForExist({ timeout: 10_000 });
    // The cursor goes to the last paragraph: the end of the text, one line up.
    await (await t.$("editor-content")).click();
    await t.browser.keys(["Control", "End"]);
    await t.browser.keys(["ArrowUp"]);
    await (await t.browser.$(`${missing} [data-testid="outline-mark-cursor"]`)).click();
    await waitForDoc(draft.replace("Docks open", "<!-- dateline: call-to-action -->\nDocks open"), "the marker was not written before the paragraph");
    await waitFor(async () => !(await (await t.browser.$(missing)).isExisting()), "the call to action is still missing", entries);
    await t.browser.keys(["Control", "z"]);
    await waitForDoc(draft, "Ctrl+Z did not take the marker out");
  });
});

describe("spelling on a draft opened at start-up", () => {
  const t = new Harness();
  const words = ["plomvart", "quenbrix", "sarnothy", "trelbanic", "vorpindle", "wuxlemory"];
  // Plain English around each one, so the draft is read as English.
  const draft = `# Acme Ships Rockets\n\n${words.map((w, i) => `In part ${i + 1} of the plan, our customers charge a phone in ten minutes, and the ${w} stays cool in a pocket all day.`).join("\n\n")}\n`;
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({ "typos.md": draft });
    await t.startDriver();
  });

  after(() => t.stop());

  it("shows every misspelling once proofread, though the first lint did not wait for Harper", async () => {
    // The first run indexes the folder; the second starts with Harper still
    // loading and the draft unchanged, so nothing of it is in Harper's cache.
    await t.launch([drafts]);
    await t.openDraft("typos.md");
    await t.quit();
    await t.launch([join(drafts, "typos.md")]);
    await t.waitForStatus("saved");
    await (await t.$("tab-problems")).click();
    let pendingSeen = false;
    let seen = [];
    await t.browser.waitUntil(
      async () => {
        [pendingSeen, seen] = await t.browser.execute((was) => [
          was || document.querySelector('[data-testid="proofreading"]') !== null,
          [...document.querySelectorAll('[data-testid="problem"][data-rule="spelling"]')].map((p) => p.getAttribute("data-message")),
        ], pendingSeen);
        return words.every((w) => seen.some((m) => m.includes(`“${w}”`)));
      },
      { timeout: 60_000, interval: 100, timeoutMsg: `not every misspelling was flagged: ${JSON.stringify(seen)}` },
    );
    assert.equal(await (await t.$("proofreading")).isExisting(), false, "the “checking spelling…” note is gone once they are in");
    console.log(`# “checking spelling…” was ${pendingSeen ? "" : "not "}seen before the findings came`);
  });
});
