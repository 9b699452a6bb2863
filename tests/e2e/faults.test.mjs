// Issue 24: faults lose nothing, tried in the real app. The drafts folder
// is a small tmpfs of the test's own (mounting needs root, as in CI; the
// test skips elsewhere): filled up, then remounted read-only, while a draft
// with unsaved edits is open. Each save is refused with one clear notice,
// the file on disk keeps its old bytes, and the editor keeps her text.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Harness } from "./harness.mjs";

const OLD = "# Acme Ships Rockets\n\nAcme today launched a rocket.\n";

/** Mounts a tmpfs of `kib` KiB on a fresh folder; null when not allowed. */
function mountSmallDisk(kib) {
  const dir = mkdtempSync(join(tmpdir(), "dateline-e2e-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${kib}k`, "tmpfs", dir]).status === 0;
  return mounted ? dir : null;
}

/** Fills every free byte of the disk at `dir` with a ballast file. */
function fill(dir) {
  const fd = openSync(join(dir, ".ballast"), "w");
  const block = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: the disk is full. The rest, byte by byte.
    try {
      for (;;) writeSync(fd, block, 0, 1);
    } catch {
      // Full to the last byte.
    }
  } finally {
    closeSync(fd);
  }
}

describe("faults: a full disk and a read-only folder in the real app", () => {
  const t = new Harness();
  const disk = mountSmallDisk(512);

  before(async () => {
    if (!disk) return;
    writeFileSync(join(disk, "launch.md"), OLD);
    await t.startDriver();
    await t.launch([disk]);
    await t.openDraft("launch.md");
    await t.browser.waitUntil(async () => (await t.editorDoc()) === OLD, { timeout: 10_000 });
  });

  after(async () => {
    if (!disk) return;
    await t.stop();
    spawnSync("umount", ["-l", disk]);
    rmSync(disk, { recursive: true, force: true });
  });

  it("refuses a save on a full disk with a clear notice, and keeps the file and her text", { skip: !disk && "needs root to mount a tmpfs" }, async () => {
    await t.typeAtEnd("She can now fly to work.");
    const typed = await t.editorDoc();
    fill(disk);
    await t.pressSave();
    const notice = await t.waitForNotice("error", /disk is full/);
    assert.match(notice, /launch\.md/);
    assert.match(notice, /free some space/i);
    if (process.env.DATELINE_SCREENSHOTS) await t.browser.saveScreenshot(join(process.env.DATELINE_SCREENSHOTS, "full-disk.png"));
    assert.equal(readFileSync(join(disk, "launch.md"), "utf8"), OLD, "the old file is byte-identical");
    assert.equal(await t.editorDoc(), typed, "the editor keeps her text");
    assert.deepEqual(execFileSync("ls", ["-A", disk], { encoding: "utf8" }).split("\n").filter(Boolean).sort(), [".ballast", "launch.md"]);
    rmSync(join(disk, ".ballast"));
    await t.pressSave();
    await t.waitForStatus("saved");
    assert.equal(readFileSync(join(disk, "launch.md"), "utf8"), typed);
  });

  it("refuses a save on a read-only disk with a clear notice, and keeps the file and her text", { skip: !disk && "needs root to mount a tmpfs" }, async () => {
    const saved = readFileSync(join(disk, "launch.md"), "utf8");
    await t.typeAtEnd(" And home again.");
    const typed = await t.editorDoc();
    execFileSync("mount", ["-o", "remount,ro", disk]);
    try {
      await t.pressSave();
      const notice = await t.waitForNotice("error", /read-only/);
      assert.match(notice, /launch\.md/);
      if (process.env.DATELINE_SCREENSHOTS) await t.browser.saveScreenshot(join(process.env.DATELINE_SCREENSHOTS, "read-only.png"));
      assert.equal(readFileSync(join(disk, "launch.md"), "utf8"), saved);
      assert.equal(await t.editorDoc(), typed);
    } finally {
      execFileSync("mount", ["-o", "remount,rw", disk]);
    }
    await t.pressSave();
    await t.waitForStatus("saved");
    assert.equal(readFileSync(join(disk, "launch.md"), "utf8"), typed);
  });
});
