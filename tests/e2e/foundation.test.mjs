// Issue 2: the folder's drafts are listed, a draft opens, typed text is
// saved byte-exactly in the file's own format, the app remembers the folder
// and the draft after a restart, and bad input gets a clear message with
// nothing lost.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { Harness } from "./harness.mjs";

const BOM = "\uFEFF";
const UNICODE_NAME = "Café — 北京 🚀.md";

describe("foundation: folder, editor, save, restart", () => {
  const t = new Harness();
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({
      "launch.md": `${BOM}# Lumen Pocket\r\n\r\nThe charger that fits in a coin pocket.\r\n`,
      [UNICODE_NAME]: "# Unicode name\n",
      "q3/roadmap.md": "# Roadmap\n",
      "notes.txt": "not a draft",
      ".git/HEAD.md": "hidden",
    });
    await t.startDriver();
  });

  after(() => t.stop());

  it("lists the drafts of the folder it was opened on", async () => {
    await t.launch([drafts]);
    await t.$("draft-item").then((el) => el.waitForExist({ timeout: 10_000 }));
    assert.deepEqual((await t.listedDrafts()).sort(), [UNICODE_NAME, "launch.md", "q3/roadmap.md"]);
    assert.equal(await t.text("folder-name"), drafts.split("/").pop());
  });

  it("opens a draft in the editor", async () => {
    await t.openDraft("launch.md");
    await t.waitForStatus("saved");
    assert.equal(await t.text("draft-title"), "launch");
    assert.equal(await t.editorDoc(), "# Lumen Pocket\n\nThe charger that fits in a coin pocket.\n");
    assert.match(await t.text("file-format"), /CRLF · BOM/);
  });

  it("saves typed text byte-exactly, keeping BOM and CRLF", async () => {
    await t.typeAtEnd("Charges a phone twice.");
    await t.waitForStatus("edited");
    await t.pressSave();
    await t.waitForStatus("saved");
    const bytes = readFileSync(join(drafts, "launch.md"), "utf8");
    assert.equal(bytes, `${BOM}# Lumen Pocket\r\n\r\nThe charger that fits in a coin pocket.\r\nCharges a phone twice.`);
  });

  it("remembers the folder and the open draft after a restart", async () => {
    await t.quit();
    await t.launch();
    await t.waitForStatus("saved");
    assert.deepEqual((await t.listedDrafts()).sort(), [UNICODE_NAME, "launch.md", "q3/roadmap.md"]);
    assert.equal(await t.text("draft-title"), "launch");
    assert.match(await t.editorDoc(), /Charges a phone twice\.$/);
    const recent = await t.browser.$$('[data-testid="recent-folders"] option[value]:not([value=""])');
    assert.equal(recent.length, 1);
  });

  it("opens a draft with an unusual Unicode name and saves it", async () => {
    await t.openDraft(UNICODE_NAME);
    await t.waitForStatus("saved");
    await t.typeAtEnd("ok");
    await t.pressSave();
    await t.waitForStatus("saved");
    assert.equal(readFileSync(join(drafts, UNICODE_NAME), "utf8"), "# Unicode name\nok");
  });
});

describe("bad input: clear messages, nothing lost", () => {
  const t = new Harness();
  let drafts;
  const latin1 = Buffer.from("# Caf\xe9 menu\n", "latin1");
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

  before(async () => {
    drafts = t.draftsFolder({
      "a-latin1.md": latin1,
      "b-image.md": binary,
      "c-ok.md": "# Fine\n",
      "d-shared.md": "# Shared\n",
    });
    // 50 MB, written sparsely enough to be quick.
    writeFileSync(join(drafts, "e-huge.md"), Buffer.alloc(50 * 1024 * 1024, 0x61));
    await t.startDriver();
    await t.launch([drafts]);
  });

  after(() => t.stop());

  it("opens a file that is not UTF-8 read-only and never writes it", async () => {
    await t.openDraft("a-latin1.md");
    await t.waitForStatus("readonly");
    await t.waitForNotice("warning", /not valid UTF-8/);
    await t.pressSave();
    assert.deepEqual(readFileSync(join(drafts, "a-latin1.md")), latin1);
  });

  it("refuses binary and huge files with a reason", async () => {
    await t.openDraft("b-image.md", { wait: false });
    await t.waitForNotice("error", /“b-image\.md” is not a text file/);
    await t.openDraft("e-huge.md", { wait: false });
    await t.waitForNotice("error", /“e-huge\.md” is 50\.0 MB/);
    assert.deepEqual(readFileSync(join(drafts, "b-image.md")), binary);
  });

  it("never overwrites a draft changed on disk, and can save a copy", async () => {
    await t.openDraft("d-shared.md");
    await t.waitForStatus("saved");
    await t.typeAtEnd("My line.");
    writeFileSync(join(drafts, "d-shared.md"), "# Shared\nA colleague's line.\n");
    await t.pressSave();
    await t.waitForNotice("error", /changed on disk/);
    assert.equal(readFileSync(join(drafts, "d-shared.md"), "utf8"), "# Shared\nA colleague's line.\n");
    await (await t.$("save-copy")).click();
    await t.browser.waitUntil(() => existsSync(join(drafts, "d-shared (copy).md")), { timeout: 10_000 });
    assert.equal(readFileSync(join(drafts, "d-shared (copy).md"), "utf8"), "# Shared\nMy line.");
  });

  it("keeps the text in the editor when the folder disappears", async () => {
    await t.openDraft("c-ok.md");
    await t.waitForStatus("saved");
    await t.typeAtEnd("Unsaved words.");
    rmSync(drafts, { recursive: true, force: true });
    await t.pressSave();
    await t.waitForNotice("warning", /not there any more/);
    await t.waitForStatus("edited");
    assert.equal(await t.editorDoc(), "# Fine\nUnsaved words.");
    assert.equal(existsSync(drafts), false);
  });
});
