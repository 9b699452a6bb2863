// Issue 20: Import… in the real app. The Word file is made by pandoc (an
// independent writer) with a comment and a tracked replacement; the native
// file dialog is driven with real key presses (xdotool), as she would type
// a path into it. The draft opens with the comment in review mode and the
// change as a suggestion she accepts.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Harness, answer } from "./harness.mjs";

const has = (tool, arg) => spawnSync(tool, [arg], { stdio: "ignore" }).status === 0;

// pandoc's Markdown for a Word comment and a tracked deletion + insertion.
const WORD_SOURCE = [
  "# Acme Ships PocketCell",
  "",
  'SEATTLE — Acme today launched [Name it in full?]{.comment-start id="0" author="Ana Silva" date="2024-05-01T10:00:00Z"}PocketCell[]{.comment-end id="0"}, a battery that ships in [March]{.deletion author="Ben Ode" date="2024-05-02T09:00:00Z"}[April]{.insertion author="Ben Ode" date="2024-05-02T09:00:00Z"}.',
  "",
].join("\n");

/** Types `path` into the GTK file dialog titled `title` and opens it. */
async function pickInFileDialog(title, path) {
  let window = "";
  for (let tries = 0; tries < 100 && !window; tries++) {
    window = spawnSync("xdotool", ["search", "--name", title], { encoding: "utf8" }).stdout.trim().split("\n")[0] ?? "";
    if (!window) await sleep(100);
  }
  assert.ok(window, `no file dialog titled "${title}" appeared`);
  spawnSync("xdotool", ["windowfocus", "--sync", window], { stdio: "ignore", timeout: 5_000 });
  // Ctrl+L opens the dialog's location field, where a typed path goes.
  execFileSync("xdotool", ["key", "--window", window, "--clearmodifiers", "ctrl+l"]);
  await sleep(300);
  execFileSync("xdotool", ["type", "--window", window, "--delay", "15", path]);
  await sleep(300);
  execFileSync("xdotool", ["key", "--window", window, "Return"]);
}

describe("Word import", { skip: !(has("pandoc", "--version") && has("xdotool", "version")) && "needs pandoc and xdotool" }, () => {
  const t = new Harness();
  let drafts;
  let word;
  let wordBytes;

  before(async () => {
    drafts = t.draftsFolder({ "notes.md": "# Notes\n" });
    const source = join(t.draftsFolder({}), "launch-plan.md");
    writeFileSync(source, WORD_SOURCE);
    word = join(t.draftsFolder({}), "Launch plan.docx");
    execFileSync("pandoc", [source, "-f", "markdown", "-o", word]);
    wordBytes = readFileSync(word);
    await t.startDriver();
    await t.launch([drafts]);
  });

  after(() => t.stop());

  it("imports a Word file picked in the file dialog, with its comment and tracked change", async () => {
    await (await t.$("import-word")).click();
    await pickInFileDialog("Import a Word document", word);
    await t.waitForNotice("success", /Imported as “Launch plan\.md”.*1 comment and 1 suggested edit/, 20_000);
    assert.deepEqual(readFileSync(word), wordBytes, "the Word file is only read");
    const saved = readFileSync(join(drafts, "Launch plan.md"), "utf8");
    assert.match(saved, /^# Acme Ships PocketCell\n\nSEATTLE — Acme today launched PocketCell, a battery that ships in March\.\n/);
    assert.equal(readFileSync(join(drafts, "notes.md"), "utf8"), "# Notes\n", "the other draft is untouched");
    await t.browser.waitUntil(async () => (await t.editorDoc()).includes("ships in March"), { timeout: 10_000, timeoutMsg: "the imported draft did not open" });
  });

  it("shows the Word comment, by its Word author, in review mode", async () => {
    await (await t.$("review-open")).click();
    await (await t.$("review")).waitForDisplayed({ timeout: 10_000 });
    await t.browser.waitUntil(
      async () => (await t.browser.execute(() => document.querySelector('[data-testid="review-threads"]')?.textContent ?? "")).includes("Name it in full?"),
      { timeout: 10_000, timeoutMsg: "the Word comment is not among the threads" },
    );
    const thread = await t.browser.execute(() => document.querySelector('[data-testid="review-thread"]')?.textContent ?? "");
    assert.match(thread, /Ana Silva/);
    assert.match(thread, /PocketCell/, "it quotes the text it was on");
    await (await t.$("review-open")).click();
  });

  it("exports the reviewed draft back to Word, the comment as a comment and the suggestion as a tracked change", async () => {
    await (await t.$("export")).click();
    await (await t.$("export-dialog")).waitForDisplayed({ timeout: 10_000 });
    await (await t.$("export-format")).selectByAttribute("value", "docx");
    await (await t.$("export-review")).click();
    await (await t.$("export-beside")).click();
    await t.waitForNotice("success", /Exported to .*Launch plan\.docx/, 30_000);
    const exported = join(drafts, "Launch plan.docx");
    if (process.env.DATELINE_SCREENSHOTS) writeFileSync(join(process.env.DATELINE_SCREENSHOTS, "word-export.docx"), readFileSync(exported));
    // pandoc, an independent reader, finds both in the file.
    const native = execFileSync("pandoc", [exported, "--track-changes=all", "-t", "native"], { encoding: "utf8" });
    assert.match(native, /"comment-start"/);
    assert.match(native, /"Ana Silva"/);
    assert.match(native, /"deletion"/);
    assert.match(native, /"insertion"/);
    const accepted = execFileSync("pandoc", [exported, "--track-changes=accept", "-t", "plain"], { encoding: "utf8" });
    assert.match(accepted, /ships in April\./);
  });

  it("offers the tracked change as Ben's suggestion, which she accepts", async () => {
    let card = null;
    await t.browser.waitUntil(
      async () => {
        await (await t.$("tab-suggestions")).click();
        card = await t.browser.execute(() => {
          const c = document.querySelector('[data-testid="suggestion"]');
          return c && { status: c.getAttribute("data-status"), text: c.querySelector(".sg-what")?.textContent ?? "", meta: c.querySelector(".sg-meta")?.textContent ?? "" };
        });
        return card !== null;
      },
      { timeout: 15_000, interval: 500, timeoutMsg: "no suggestion card" },
    );
    assert.equal(card.status, "open");
    assert.match(card.text, /March.*→ April/);
    assert.match(card.meta, /Ben Ode/);
    if (process.env.DATELINE_SCREENSHOTS) await t.browser.saveScreenshot(join(process.env.DATELINE_SCREENSHOTS, "word-import-suggestion.png"));
    await (await t.$("suggestion-accept")).click();
    await answer(t, "reviewer-name", "Mia Chen");
    await answer(t, "reviewer-email", "mia@example.com");
    await t.browser.waitUntil(async () => (await t.editorDoc()).includes("ships in April."), { timeout: 10_000, timeoutMsg: "accepting did not edit the text" });
    await t.pressSave();
    await t.waitForStatus("saved");
    assert.match(readFileSync(join(drafts, "Launch plan.md"), "utf8"), /ships in April\.\n/);
  });
});
