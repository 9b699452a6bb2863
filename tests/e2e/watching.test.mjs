// Issue 5 (first part): the folder is watched. Files added outside show up
// in the list; an outside edit reloads a clean draft and warns over a dirty
// one; the app's own saves are not mistaken for outside edits.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { Harness } from "./harness.mjs";

describe("watching the drafts folder", () => {
  const t = new Harness();
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({ "shared.md": "# Shared\n" });
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

  it("keeps unsaved edits and warns when the file changes underneath", async () => {
    await t.typeAtEnd("My unsaved line.");
    await t.waitForStatus("edited");
    writeFileSync(join(drafts, "shared.md"), "# Shared\nA second outside edit.\n");
    await t.waitForNotice("warning", /changed on disk by someone else/);
    assert.equal(await t.editorDoc(), "# Shared\nA colleague's edit.\nMy unsaved line.");
    assert.equal(readFileSync(join(drafts, "shared.md"), "utf8"), "# Shared\nA second outside edit.\n");
  });
});
