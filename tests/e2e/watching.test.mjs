// Issue 5: the shared folder. Files added outside show up in the list; an
// outside edit reloads a clean draft and is merged into a dirty one (the
// same lines changed on both sides wait for the user's choice); sync
// clients' conflict copies are attached to their draft and merged from
// there; full-text search; a vanished draft can be brought back; the app's
// own saves are not mistaken for outside edits.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Harness } from "./harness.mjs";

describe("watching the drafts folder", () => {
  const t = new Harness();
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({
      "shared.md": "# Shared\n",
      "compost.md": "---\nowner: Priya\nstatus: in review\n---\n# Greenleaf Picks Up Your Compost Every Week\n\nNo more smelly bins.\n",
    });
    await t.startDriver();
    await t.launch([join(drafts, "shared.md")]);
    await t.waitForStatus("saved");
  });

  after(() => t.stop());

  it("lists a draft created outside the app, saved through a temp file and rename", async () => {
    writeFileSync(join(drafts, ".new.md.tmp"), "# New\n");
    renameSync(join(drafts, ".new.md.tmp"), join(drafts, "new.md"));
    await t.browser.waitUntil(async () => (await t.listedDrafts()).includes("new.md"), { timeout: 5_000, timeoutMsg: "new.md never listed" });
  });

  it("shows each draft's headline, owner and status, and filters by status", async () => {
    const [title, meta] = await t.browser.execute(() => {
      const item = document.querySelector('[data-testid="draft-item"][data-rel-path="compost.md"]');
      return [item.querySelector('[data-testid="draft-item-title"]').textContent, item.querySelector('[data-testid="draft-meta"]').textContent];
    });
    assert.equal(title, "Greenleaf Picks Up Your Compost Every Week");
    assert.match(meta, /Priya · in review · \d+% ready/);
    await (await t.$("status-filter")).selectByAttribute("value", "in review");
    await t.browser.waitUntil(async () => (await t.listedDrafts()).join() === "compost.md", { timeout: 5_000 });
    await (await t.$("status-filter")).selectByAttribute("value", "");
    await t.browser.waitUntil(async () => (await t.listedDrafts()).length === 3, { timeout: 5_000 });
    // Sorted by title in the backend: Greenleaf…, New, Shared.
    await (await t.$("sort-drafts")).selectByAttribute("value", "title");
    await t.browser.waitUntil(async () => (await t.listedDrafts()).join() === "compost.md,new.md,shared.md", {
      timeout: 5_000,
      timeoutMsg: `not sorted by title: ${await t.listedDrafts()}`,
    });
    await (await t.$("sort-drafts")).selectByAttribute("value", "modified");
    await t.browser.waitUntil(async () => (await t.listedDrafts())[0] === "new.md", { timeout: 5_000, timeoutMsg: "newest not first" });
  });

  it("does not mistake its own save for an outside edit", async () => {
    await t.typeAtEnd("Mine.");
    await t.pressSave();
    await t.waitForStatus("saved");
    await new Promise((r) => setTimeout(r, 1_000)); // let the watcher report the write
    assert.deepEqual(await t.notices("info"), []);
    assert.deepEqual(await t.notices("warning"), []);
  });

  it("reloads a clean draft changed outside the app", async () => {
    writeFileSync(join(drafts, "shared.md"), "# Shared\nA colleague's edit.\n");
    await t.waitForNotice("info", /changed on disk and was reloaded/);
    assert.equal(await t.editorDoc(), "# Shared\nA colleague's edit.\n");
    await t.waitForStatus("saved");
  });

  it("merges an outside edit of other lines into unsaved text, and saves both", async () => {
    await t.typeAtEnd("My unsaved line.");
    await t.waitForStatus("edited");
    writeFileSync(join(drafts, "shared.md"), "# Shared, retitled by a colleague\nA colleague's edit.\n");
    await t.waitForNotice("info", /merged into your text/);
    assert.equal(await t.editorDoc(), "# Shared, retitled by a colleague\nA colleague's edit.\nMy unsaved line.");
    assert.equal(await t.browser.$$(".cm-incoming").length > 0, true, "what came in is highlighted");
    assert.equal(readFileSync(join(drafts, "shared.md"), "utf8"), "# Shared, retitled by a colleague\nA colleague's edit.\n");
    await t.pressSave();
    await t.waitForStatus("saved");
    assert.equal(readFileSync(join(drafts, "shared.md"), "utf8"), "# Shared, retitled by a colleague\nA colleague's edit.\nMy unsaved line.");
  });

  it("shows both sides when the same line changed, and keeps what she chooses", async () => {
    await t.typeAtEnd(" Mine again.");
    await t.waitForStatus("edited");
    writeFileSync(join(drafts, "shared.md"), "# Shared, retitled by a colleague\nA colleague's edit.\nTheir version of my line.\n");
    await t.waitForNotice("warning", /both changed the same lines/);
    await t.pressSave();
    await t.waitForNotice("error", /changed on disk/);
    assert.equal(readFileSync(join(drafts, "shared.md"), "utf8"), "# Shared, retitled by a colleague\nA colleague's edit.\nTheir version of my line.\n");
    await (await t.$("resolve-merge")).click();
    const dialog = await t.$("merge-dialog");
    await dialog.waitForDisplayed({ timeout: 5_000 });
    assert.equal(await (await t.$("merge-ours")).getText(), "My unsaved line. Mine again.");
    assert.equal(await (await t.$("merge-theirs")).getText(), "Their version of my line.");
    await (await t.$("merge-choice-both")).click();
    await (await t.$("merge-apply")).click();
    await t.browser.waitUntil(async () => (await t.editorDoc()).includes("Their version of my line."), { timeout: 5_000 });
    await t.pressSave();
    await t.waitForStatus("saved");
    assert.equal(
      readFileSync(join(drafts, "shared.md"), "utf8"),
      "# Shared, retitled by a colleague\nA colleague's edit.\nMy unsaved line. Mine again.\nTheir version of my line.\n",
    );
  });

  it("attaches a sync client's conflict copy to its draft and merges it from there", async () => {
    const copy = "shared (Jane Doe's conflicted copy 2026-11-25).md";
    const disk = readFileSync(join(drafts, "shared.md"), "utf8");
    writeFileSync(join(drafts, copy), `${disk}A line only Jane wrote.\n`);
    const badge = await t.$("conflict-copy");
    await badge.waitForClickable({ timeout: 5_000 });
    assert.equal((await t.listedDrafts()).includes(copy), false, "the copy is not listed as a draft of its own");
    await badge.click();
    await t.waitForNotice("success", /is merged into your text/);
    assert.match(await t.editorDoc(), /A line only Jane wrote\.\n?$/);
    await t.pressSave();
    await t.waitForStatus("saved");
    await (await t.$("dismiss-copy")).click();
    await t.browser.waitUntil(async () => !existsSync(join(drafts, copy)), { timeout: 5_000 });
    await t.browser.waitUntil(async () => (await t.browser.$$('[data-testid="conflict-copy"]').length) === 0, { timeout: 5_000 });
  });

  it("searches every draft as she types, with the hits marked", async () => {
    const search = await t.$("search");
    await search.click();
    await search.addValue("smel");
    const hit = await t.$("search-hit");
    await hit.waitForDisplayed({ timeout: 5_000 });
    assert.equal(await hit.getAttribute("title"), "compost.md");
    assert.equal(await (await hit.$("mark")).getText(), "smelly");
    await t.browser.keys(["Escape"]);
    await t.browser.waitUntil(async () => (await t.listedDrafts()).length === 3, { timeout: 5_000 });
  });

  it("keeps a deleted draft with its history and brings it back", async () => {
    rmSync(join(drafts, "compost.md"));
    await t.browser.waitUntil(async () => !(await t.listedDrafts()).includes("compost.md"), { timeout: 5_000 });
    await (await t.browser.$('[data-testid="deleted-drafts"] summary')).click();
    const restore = await t.$("restore-deleted");
    await restore.waitForClickable({ timeout: 5_000 });
    await restore.click();
    await t.browser.waitUntil(() => existsSync(join(drafts, "compost.md")), { timeout: 5_000 });
    assert.match(readFileSync(join(drafts, "compost.md"), "utf8"), /No more smelly bins\./);
    await t.waitForStatus("saved");
  });
});
