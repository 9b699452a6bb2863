// Issue 6: review mode in the real app. Two versions side by side with the
// inserted words highlighted; a comment on selected text, written to the
// reviewer's own log in the shared folder, is there after a restart, for
// a colleague on another app-data folder, and after the draft is renamed.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { Key } from "webdriverio";
import { join } from "node:path";
import { Harness, answer } from "./harness.mjs";

const V1 = "# Acme Ships Rockets\n\nAcme today launched a rocket for everyone.\n";

async function openReview(t) {
  await (await t.$("review-open")).click();
  await (await t.$("review")).waitForDisplayed({ timeout: 10_000 });
}

async function threadBodies(t) {
  return t.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="review-thread"] [data-testid="comment-body"]')].map((p) => p.textContent),
  );
}

describe("review mode", () => {
  const t = new Harness();
  const colleague = new Harness();
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({ "launch.md": V1 });
    await t.startDriver();
  });

  after(async () => {
    await colleague.stop();
    await t.stop();
  });

  it("shows the saved edit highlighted beside the first version", async () => {
    await t.launch([drafts]);
    await t.openDraft("launch.md");
    await t.waitForStatus("saved");
    await t.typeAtEnd("It costs $49.");
    await t.pressSave();
    await t.waitForStatus("saved");
    await openReview(t);
    const inserted = await t.browser.$('[data-testid="review-pane-new"] .rv-ins');
    await inserted.waitForExist({ timeout: 10_000 });
    assert.match(await inserted.getProperty("textContent"), /It costs \$49\./);
    assert.ok((await t.$$("review-change").length) >= 1, "the change is listed");
    assert.equal(await t.browser.$('[data-testid="review-pane-old"] .rv-ins').isExisting(), false);
  });

  it("comments on selected text, asking once for the reviewer's name", async () => {
    const word = await t.browser.$('[data-testid="review-pane-new"] .rv-ins');
    await word.doubleClick();
    await (await t.$("review-comment")).click();
    await answer(t, "reviewer-name", "Ana Ruiz");
    await answer(t, "reviewer-email", "ana@example.com");
    await answer(t, "comment-dialog", "Is $49 the launch price?");
    await t.browser.waitUntil(async () => (await threadBodies(t)).includes("Is $49 the launch price?"), {
      timeout: 10_000,
      timeoutMsg: "the comment never appeared",
    });
    const logs = readdirSync(join(drafts, ".dateline/reviews"));
    assert.equal(logs.length, 1);
    assert.ok(existsSync(join(drafts, ".dateline/reviews", logs[0])));
    assert.equal(await t.browser.$('[data-testid="review-pane-new"] .rv-commented').isExisting(), true);
    const badge = await t.browser.$('[data-testid="draft-item"][data-rel-path="launch.md"] [data-testid="draft-review"]');
    await badge.waitForExist({ timeout: 10_000, timeoutMsg: "the list does not show the open comment" });
    assert.equal(await badge.getProperty("textContent"), "1 open comment");
  });

  it("still has the comment after a restart", async () => {
    await t.kill();
    await t.launch();
    await t.waitForStatus("saved");
    await openReview(t);
    await t.browser.waitUntil(async () => (await threadBodies(t)).includes("Is $49 the launch price?"), {
      timeout: 10_000,
      timeoutMsg: "the comment was lost in the restart",
    });
    await t.quit();
  });

  it("shows the comment to a colleague on another app-data folder, who can reply", async () => {
    await colleague.startDriver();
    await colleague.launch([drafts]);
    await colleague.openDraft("launch.md");
    await colleague.waitForStatus("saved");
    await openReview(colleague);
    await colleague.browser.waitUntil(async () => (await threadBodies(colleague)).includes("Is $49 the launch price?"), {
      timeout: 10_000,
      timeoutMsg: "the colleague does not see the comment",
    });
    await (await colleague.$("thread-reply")).click();
    await answer(colleague, "reviewer-name", "Ben Ito");
    await answer(colleague, "reviewer-email", "ben@example.com");
    await answer(colleague, "reply-dialog", "Yes, for the US.");
    await colleague.browser.waitUntil(async () => (await threadBodies(colleague)).includes("Yes, for the US."), {
      timeout: 10_000,
    });
    assert.equal(readdirSync(join(drafts, ".dateline/reviews", readdirSync(join(drafts, ".dateline/reviews"))[0])).length, 2, "one log per reviewer");
  });

  it("exports a review packet: the draft, then the open comments and the lint summary", async () => {
    await (await colleague.$("review-close")).click();
    await (await colleague.$("export")).click();
    await (await colleague.$("export-review")).click();
    await (await colleague.$("export-beside")).click();
    const pdf = join(drafts, "launch.pdf");
    await colleague.browser.waitUntil(() => existsSync(pdf), { timeout: 20_000, timeoutMsg: "no PDF written" });
    await colleague.waitForNotice("success", /Exported to/);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    const at = (needle) => {
      const i = text.indexOf(needle);
      assert.ok(i >= 0, `${needle} is not in the packet:\n${text}`);
      return i;
    };
    assert.ok(at("Acme Ships Rockets") < at("Is $49 the launch price?"));
    assert.ok(at("Is $49 the launch price?") < at("Readiness"));
    assert.ok(text.includes("Yes, for the US."), "replies travel with their comment");
  });

  it("keeps the open draft and its comments when the draft is renamed in the file manager", async () => {
    const before = readdirSync(join(drafts, ".dateline/reviews"));
    renameSync(join(drafts, "launch.md"), join(drafts, "launch-final.md"));
    await colleague.waitForNotice("info", /renamed on disk to “launch-final\.md”/, 15_000);
    assert.equal(await (await colleague.$("draft-title")).getProperty("textContent"), "launch-final");
    const badge = await colleague.browser.$('[data-testid="draft-item"][data-rel-path="launch-final.md"] [data-testid="draft-review"]');
    await badge.waitForExist({ timeout: 15_000, timeoutMsg: "the renamed draft lost its open comment in the list" });
    assert.equal(await badge.getProperty("textContent"), "1 open comment");
    const after = readdirSync(join(drafts, ".dateline/reviews"));
    assert.equal(after.length, 1, `one review folder, the renamed draft's: ${after}`);
    assert.notDeepEqual(after, before);
    await colleague.openDraft("launch-final.md");
    await openReview(colleague);
    await colleague.browser.waitUntil(async () => {
      const bodies = await threadBodies(colleague);
      return bodies.includes("Is $49 the launch price?") && bodies.includes("Yes, for the US.");
    }, { timeout: 10_000, timeoutMsg: "the review of the renamed draft lost its thread" });
    await (await colleague.$("review-close")).click();
    await colleague.typeAtEnd("Ships in May.");
    await colleague.pressSave();
    await colleague.waitForStatus("saved");
    assert.match(readFileSync(join(drafts, "launch-final.md"), "utf8"), /Ships in May\.\n?$/);
    assert.equal(existsSync(join(drafts, "launch.md")), false, "the save went to the new name");
  });

  it("renames the open draft from the app (F2), never over another file, comments included", async () => {
    writeFileSync(join(drafts, "taken.md"), "# Someone else's draft\n");
    await colleague.browser.keys(Key.F2);
    await (await colleague.$("rename-dialog-input")).waitForDisplayed({ timeout: 10_000 });
    assert.equal(await colleague.text("rename-dialog-ok"), "Rename");
    assert.equal(await (await colleague.$("rename-dialog-input")).getValue(), "launch-final");
    await answer(colleague, "rename-dialog", "taken");
    await colleague.waitForNotice("error", /already there/);
    assert.equal(readFileSync(join(drafts, "taken.md"), "utf8"), "# Someone else's draft\n");
    assert.ok(existsSync(join(drafts, "launch-final.md")));
    await (await colleague.$("draft-title")).doubleClick();
    await answer(colleague, "rename-dialog", "Acme launch");
    await colleague.browser.waitUntil(async () => (await colleague.text("draft-title")) === "Acme launch", {
      timeout: 10_000,
      timeoutMsg: "the title did not follow the rename",
    });
    assert.equal(existsSync(join(drafts, "launch-final.md")), false);
    assert.match(readFileSync(join(drafts, "Acme launch.md"), "utf8"), /Ships in May\./);
    const badge = await colleague.browser.$('[data-testid="draft-item"][data-rel-path="Acme launch.md"] [data-testid="draft-review"]');
    await badge.waitForExist({ timeout: 10_000, timeoutMsg: "the renamed draft lost its open comment" });
    assert.equal(await badge.getProperty("textContent"), "1 open comment");
  });
});
