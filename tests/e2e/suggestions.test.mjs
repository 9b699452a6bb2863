// Issue 19: a reviewer suggests an edit in review mode, from her own
// app-data folder; the author, on another, sees it in the Suggestions tab
// and in the text, and accepts it as an ordinary edit.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Harness, answer } from "./harness.mjs";

const V1 = "# Acme Ships Rockets\n\nAcme today launched a rocket for everyone.\n";

/** The reviewer opens review mode, selects a word the author added, and suggests `after` for it. */
async function suggest(reviewer, after, { firstTime = false } = {}) {
  await (await reviewer.$("review-open")).click();
  await (await reviewer.$("review")).waitForDisplayed({ timeout: 10_000 });
  const added = await reviewer.browser.$('[data-testid="review-pane-new"] .rv-ins');
  await added.waitForExist({ timeout: 10_000 });
  await added.scrollIntoView();
  await added.doubleClick();
  await (await reviewer.$("review-suggest")).click();
  if (firstTime) {
    await answer(reviewer, "reviewer-name", "Ana Ruiz");
    await answer(reviewer, "reviewer-email", "ana@example.com");
  }
  await answer(reviewer, "suggest-dialog", after);
  await reviewer.waitForNotice("info", /Suggested/, 10_000);
  // Closed again, so the next review reads the draft as it is then.
  await (await reviewer.$("review-open")).click();
}

async function cards(t) {
  return t.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="suggestion"]')].map((c) => ({ status: c.getAttribute("data-status"), text: c.querySelector(".sg-what")?.textContent ?? "" })),
  );
}

describe("suggested edits", () => {
  const author = new Harness();
  const reviewer = new Harness();
  let drafts;

  before(async () => {
    drafts = author.draftsFolder({ "launch.md": V1 });
    await author.startDriver();
    await reviewer.startDriver();
  });

  after(async () => {
    await reviewer.stop();
    await author.stop();
  });

  it("a reviewer suggests a replacement from her own app; the draft does not change", async () => {
    // The reviewer read the first version; the author's edit since is what she reviews.
    await reviewer.launch([drafts]);
    await reviewer.openDraft("launch.md");
    await reviewer.waitForStatus("saved");
    await author.launch([drafts]);
    await author.openDraft("launch.md");
    await author.typeAtEnd("It costs plenty.");
    await author.pressSave();
    await author.waitForStatus("saved");
    await reviewer.browser.waitUntil(async () => (await reviewer.editorDoc()).includes("plenty"), { timeout: 15_000, timeoutMsg: "the reviewer's window did not follow the saved edit" });
    await suggest(reviewer, "little", { firstTime: true });
    assert.equal(readFileSync(join(drafts, "launch.md"), "utf8"), `${V1}It costs plenty.`);
    const logs = readdirSync(join(drafts, ".dateline/reviews"));
    assert.equal(logs.length, 1);
  });

  it("the author sees it and accepts it: one undoable edit of her text", async () => {
    await (await author.$("tab-suggestions")).click();
    await author.browser.waitUntil(async () => (await cards(author)).some((c) => c.status === "open"), {
      timeout: 10_000,
      timeoutMsg: "the suggestion never reached the author",
    });
    const [card] = await cards(author);
    assert.match(card.text, /→ little/);
    assert.equal(await author.browser.$(".sg-ins").getProperty("textContent"), "little", "the insertion is shown in the text");
    await (await author.$("suggestion-accept")).click();
    // Her answer goes to her own log: the first one asks who she is.
    await answer(author, "reviewer-name", "Mia Chen");
    await answer(author, "reviewer-email", "mia@example.com");
    await author.browser
      .waitUntil(async () => (await author.editorDoc()).includes("little"), { timeout: 10_000 })
      .catch(async () => assert.fail(`accepting did not edit the text; notices: ${JSON.stringify(await author.notices("warning"))} ${JSON.stringify(await author.notices("error"))}; cards ${JSON.stringify(await cards(author))}`));
    await author.waitForStatus("edited");
    await author.browser.waitUntil(async () => (await cards(author)).every((c) => c.status === "accepted"), { timeout: 10_000 });
    await author.pressSave();
    await author.waitForStatus("saved");
    assert.match(readFileSync(join(drafts, "launch.md"), "utf8"), /little/);
  });
});
