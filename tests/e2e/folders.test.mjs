// Switching folders from the recent list, and the unsaved-changes prompt
// that stands between the user's edits and anything that would drop them.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Harness } from "./harness.mjs";

describe("recent folders and unsaved changes", () => {
  const t = new Harness();
  let alpha;
  let beta;

  before(async () => {
    alpha = t.draftsFolder({ "one.md": "# One\n", "two.md": "# Two\n" });
    beta = t.draftsFolder({ "beta.md": "# Beta\n" });
    await t.startDriver();
  });

  after(() => t.stop());

  it("lists every folder opened, most recent first, and switches to one", async () => {
    await t.launch([alpha]);
    await t.quit();
    await t.launch([beta]);
    assert.deepEqual(await t.listedDrafts(), ["beta.md"]);
    const names = await t.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="recent-folders"] option')].filter((o) => o.value).map((o) => o.textContent),
    );
    assert.deepEqual(names, [basename(beta), basename(alpha)]);
    await (await t.$("recent-folders")).selectByVisibleText(basename(alpha));
    await t.browser.waitUntil(async () => (await t.listedDrafts()).includes("one.md"), { timeout: 10_000 });
    assert.deepEqual((await t.listedDrafts()).sort(), ["one.md", "two.md"]);
  });

  it("asks before leaving unsaved edits, and Cancel keeps them", async () => {
    await t.openDraft("one.md");
    await t.waitForStatus("saved");
    await t.typeAtEnd("Edited.");
    await t.openDraft("two.md", { wait: false });
    await (await t.$("unsaved-dialog")).waitForDisplayed({ timeout: 5_000 });
    await (await t.$("unsaved-cancel")).click();
    assert.equal(await t.text("draft-title"), "one");
    assert.equal(await t.editorDoc(), "# One\nEdited.");
    assert.equal(readFileSync(join(alpha, "one.md"), "utf8"), "# One\n");
  });

  it("Save in the prompt writes the edits, then moves on", async () => {
    await t.openDraft("two.md", { wait: false });
    await (await t.$("unsaved-save")).click();
    await t.browser.waitUntil(async () => (await t.text("draft-title")) === "two", { timeout: 10_000 });
    assert.equal(readFileSync(join(alpha, "one.md"), "utf8"), "# One\nEdited.");
  });

  it("Don't save leaves the file as it was", async () => {
    await t.typeAtEnd("Thrown away.");
    await t.openDraft("one.md", { wait: false });
    await (await t.$("unsaved-discard")).click();
    await t.browser.waitUntil(async () => (await t.text("draft-title")) === "one", { timeout: 10_000 });
    assert.equal(readFileSync(join(alpha, "two.md"), "utf8"), "# Two\n");
  });
});
