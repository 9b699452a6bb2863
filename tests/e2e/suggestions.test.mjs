// Issue 19: a reviewer suggests an edit in review mode, from her own
// app-data folder; the author, on another, sees it in the Suggestions tab
// and in the text, and accepts it as an ordinary edit.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Harness, answer } from "./harness.mjs";

const V1 = "# Acme Ships Rockets\n\nAcme today launched a rocket for everyone.\n";

/** Presses Right `times` times (each a key down and up: `keys()` would send one long press), with Shift held or not. */
async function pressRight(t, times, { shift = false } = {}) {
  const [SHIFT, RIGHT] = ["\uE008", "\uE014"];
  const presses = Array.from({ length: times }, () => [{ type: "keyDown", value: RIGHT }, { type: "keyUp", value: RIGHT }]).flat();
  const actions = shift ? [{ type: "keyDown", value: SHIFT }, ...presses, { type: "keyUp", value: SHIFT }] : presses;
  await t.browser.performActions([{ type: "key", id: "keyboard", actions }]);
  await t.browser.releaseActions();
}

/**
 * Selects the first `word` of the newer text in review mode from the
 * keyboard, as she can in the read-only pane: to the start, right to the
 * word, then Shift+Right over it.
 */
async function selectInReview(reviewer, word) {
  const pane = await reviewer.browser.$('[data-testid="review-text-new"]');
  const text = await reviewer.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="review-text-new"] .cm-line')].map((line) => line.textContent).join("\n"),
  );
  const at = text.indexOf(word);
  assert.ok(at >= 0, `"${word}" is not in the newer text: ${JSON.stringify(text)}`);
  await pane.click();
  await reviewer.browser.keys(["Control", "Home"]);
  await pressRight(reviewer, at);
  await pressRight(reviewer, word.length, { shift: true });
  await reviewer.browser.waitUntil(async () => (await reviewer.browser.execute(() => getSelection().toString())) === word, {
    timeout: 5_000,
    timeoutMsg: `Shift+Right did not select "${word}" (at ${at}): ${JSON.stringify(await reviewer.browser.execute(() => { const s = getSelection(); return [s.toString(), s.anchorNode?.textContent?.slice(0, 40), s.anchorOffset, s.focusOffset, document.activeElement?.getAttribute("data-testid"), document.activeElement?.className]; }))}`,
  });
}

/** The reviewer opens review mode, selects `word` in the newer text, and suggests `after` for it. */
async function suggest(reviewer, word, after, { note = "", firstTime = false } = {}) {
  await (await reviewer.$("review-open")).click();
  await (await reviewer.$("review")).waitForDisplayed({ timeout: 10_000 });
  await (await reviewer.browser.$('[data-testid="review-text-new"]')).waitForExist({ timeout: 10_000 });
  await selectInReview(reviewer, word);
  await (await reviewer.$("review-suggest")).click();
  if (firstTime) {
    await answer(reviewer, "reviewer-name", "Ana Ruiz");
    await answer(reviewer, "reviewer-email", "ana@example.com");
  }
  const label = await reviewer.browser.$('[data-testid="suggest-dialog"] label');
  await label.waitForDisplayed({ timeout: 10_000 });
  assert.match(await label.getText(), new RegExp(`Replace “${word}”`), `the suggestion is for the word she selected, not: ${await label.getText()}`);
  if (note) await (await reviewer.$("suggest-dialog-note")).setValue(note);
  await answer(reviewer, "suggest-dialog", after);
  await reviewer.waitForNotice("info", /Suggested/, 10_000);
  // Review mode lists it with the comments.
  await reviewer.browser.waitUntil(
    async () => (await reviewer.browser.execute(() => document.querySelector('[data-testid="review-suggestions"]')?.textContent ?? "")).includes(after),
    { timeout: 10_000, timeoutMsg: `review mode does not list the suggestion "${after}"` },
  );
  await shot(reviewer, `review-${word}`);
  // Closed again, so the next review reads the draft as it is then.
  await (await reviewer.$("review-open")).click();
}

/** Keeps a screenshot when DATELINE_SCREENSHOTS names a folder, for a person to look at. */
async function shot(t, name) {
  if (process.env.DATELINE_SCREENSHOTS) await t.browser.saveScreenshot(join(process.env.DATELINE_SCREENSHOTS, `suggestions-${name}.png`));
}

async function cards(t) {
  return t.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="suggestion"]')].map((c) => ({
      id: c.getAttribute("data-suggestion-id"),
      status: c.getAttribute("data-status"),
      text: c.querySelector(".sg-what")?.textContent ?? "",
      meta: c.querySelector(".sg-meta")?.textContent ?? "",
      reply: c.querySelector('[data-testid="suggestion-reply"]')?.textContent ?? "",
    })),
  );
}

/** Opens (or re-reads) the Suggestions tab until a card matches `want`; returns that card. */
async function cardWhere(t, want, what) {
  let found = null;
  await t.browser.waitUntil(
    async () => {
      await (await t.$("tab-suggestions")).click();
      found = (await cards(t)).find(want) ?? null;
      return found !== null;
    },
    { timeout: 15_000, interval: 500, timeoutMsg: `no suggestion card ${what}; cards: ${JSON.stringify(await cards(t))}` },
  );
  return found;
}

/** Clicks a button of the card with `id`. */
async function onCard(t, id, testid) {
  await (await t.browser.$(`[data-suggestion-id="${id}"] [data-testid="${testid}"]`)).click();
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
    await suggest(reviewer, "plenty", "little", { firstTime: true });
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
    assert.equal(readFileSync(join(drafts, "launch.md"), "utf8"), `${V1}It costs little.`);
  });

  it("the reviewer sees, in her own app, that it was accepted and by whom", async () => {
    await reviewer.browser.waitUntil(async () => (await reviewer.editorDoc()).includes("little"), { timeout: 15_000, timeoutMsg: "the reviewer's window did not follow the save" });
    const card = await cardWhere(reviewer, (c) => c.status === "accepted", "accepted");
    assert.match(card.meta, /Ana Ruiz · Accepted by Mia Chen/);
  });

  it("the author rejects one with a reply: the text stays, the reviewer reads why", async () => {
    await suggest(reviewer, "rocket", "spacecraft", { note: "Rockets sound like fireworks." });
    const card = await cardWhere(author, (c) => c.status === "open" && /spacecraft/.test(c.text), "open for spacecraft");
    assert.match(card.meta, /Rockets sound like fireworks/);
    const before = await author.editorDoc();
    await onCard(author, card.id, "suggestion-reject");
    await answer(author, "reject-dialog", "Rocket is the word our buyers use.");
    await cardWhere(author, (c) => c.id === card.id && c.status === "rejected", "rejected");
    assert.equal(await author.editorDoc(), before, "rejecting leaves her text alone");
    assert.equal(await (await author.$("save-status")).getAttribute("data-status"), "saved", "and unedited");
    const seen = await cardWhere(reviewer, (c) => c.id === card.id && c.status === "rejected", "rejected, in the reviewer's app");
    assert.match(seen.reply, /Mia Chen: “Rocket is the word our buyers use\.”/);
    await shot(reviewer, "reviewer-sees-reply");
    await shot(author, "author-cards");
  });

  it("Accept all takes every open suggestion of one reviewer in one go", async () => {
    await suggest(reviewer, "today", "this morning");
    await suggest(reviewer, "launched", "opened sales of");
    await cardWhere(author, () => true, "at all");
    await author.browser.waitUntil(async () => (await cards(author)).filter((c) => c.status === "open").length === 2, {
      timeout: 15_000,
      interval: 500,
      timeoutMsg: "the two new suggestions did not arrive",
    });
    await shot(author, "accept-all");
    await (await author.$("suggestion-accept-all")).click();
    await author.browser.waitUntil(async () => /this morning opened sales of a rocket/.test(await author.editorDoc()), {
      timeout: 10_000,
      timeoutMsg: `Accept all did not apply both; text: ${await author.editorDoc()}`,
    });
    await author.browser.waitUntil(async () => (await cards(author)).every((c) => c.status !== "open"), { timeout: 10_000 });
    await author.pressSave();
    await author.waitForStatus("saved");
    assert.match(readFileSync(join(drafts, "launch.md"), "utf8"), /Acme this morning opened sales of a rocket/);
  });

  it("a suggestion whose text the author deleted is shown as orphaned, never dropped", async () => {
    await reviewer.browser.waitUntil(async () => (await reviewer.editorDoc()).includes("this morning"), { timeout: 15_000 });
    await suggest(reviewer, "everyone", "every family");
    const card = await cardWhere(author, (c) => c.status === "open" && /every family/.test(c.text), "open for every family");
    const content = await author.$("editor-content");
    await content.click();
    await author.browser.keys(["Control", "a"]);
    await content.addValue("A new start.");
    await author.pressSave();
    await author.waitForStatus("saved");
    const orphan = await cardWhere(author, (c) => c.id === card.id && c.status === "orphaned", "orphaned");
    assert.match(orphan.meta, /Its text is gone/);
    assert.equal(await author.browser.$(`[data-suggestion-id="${card.id}"] [data-testid="suggestion-accept"]`).isExisting(), false, "an orphan cannot be accepted");
  });

  it("turns a draft's CriticMarkup into suggestions by the person she names", async () => {
    writeFileSync(join(drafts, "marked.md"), "# Acme Ships Rockets\n\nOur rocket is {~~big~>compact~~} and fun.{>>Say how fun?<<}\n");
    await author.openDraft("marked.md");
    await author.waitForStatus("saved");
    const offer = await author.$("critic-import");
    await offer.waitForDisplayed({ timeout: 15_000 });
    await shot(author, "critic-offer");
    await offer.click();
    await answer(author, "critic-dialog", "Sam Lee");
    await author.browser.waitUntil(async () => (await author.editorDoc()) === "# Acme Ships Rockets\n\nOur rocket is big and fun.\n", {
      timeout: 10_000,
      timeoutMsg: `the marks were not taken out; text: ${JSON.stringify(await author.editorDoc())}`,
    });
    await author.waitForStatus("edited");
    const card = await cardWhere(author, (c) => c.status === "open" && /compact/.test(c.text), "from the markup");
    assert.match(card.text, /big → compact/);
    assert.match(card.meta, /Sam Lee/);
  });

  it("two suggestions on the same words: accepting one marks the other conflicting", async () => {
    await author.pressSave();
    await author.waitForStatus("saved");
    await reviewer.openDraft("marked.md");
    await reviewer.waitForStatus("saved");
    await suggest(reviewer, "big", "huge");
    await author.browser.waitUntil(async () => {
      await (await author.$("tab-suggestions")).click();
      return (await cards(author)).filter((c) => c.status === "open" && /big →/.test(c.text)).length === 2;
    }, {
      timeout: 15_000,
      interval: 500,
      timeoutMsg: `the second suggestion on "big" did not arrive: ${JSON.stringify(await cards(author))}`,
    });
    const compact = (await cards(author)).find((c) => /compact/.test(c.text));
    const huge = (await cards(author)).find((c) => /huge/.test(c.text));
    await onCard(author, compact.id, "suggestion-accept");
    await author.browser.waitUntil(async () => (await author.editorDoc()).includes("is compact and fun"), { timeout: 10_000, timeoutMsg: "accepting did not edit the text" });
    const conflicting = await cardWhere(author, (c) => c.id === huge.id && c.status === "conflicting", "conflicting");
    assert.equal(await author.browser.$(`[data-suggestion-id="${conflicting.id}"] [data-testid="suggestion-accept"]`).isExisting(), false, "a conflicting suggestion is not accepted over the one taken");
    await shot(author, "conflicting");
    // She can still answer it, so it leaves her list; it stays in the log.
    await onCard(author, conflicting.id, "suggestion-reject");
    // No reply: OK as it is (WebDriver cannot type an empty string).
    const ok = await author.$("reject-dialog-ok");
    await ok.waitForDisplayed({ timeout: 10_000 });
    await ok.click();
    await cardWhere(author, (c) => c.id === conflicting.id && c.status === "rejected", "dismissed");
    assert.ok((await author.editorDoc()).includes("is compact and fun"), "dismissing leaves the accepted text alone");
  });

  it("a reader suggests from her own editor, on the saved text only", async () => {
    await author.pressSave();
    await author.waitForStatus("saved");
    await reviewer.browser.waitUntil(async () => (await reviewer.editorDoc()).includes("is compact and fun"), { timeout: 15_000, timeoutMsg: "the reviewer's window did not follow the save" });
    const text = await reviewer.editorDoc();
    const at = text.indexOf("fun");
    await (await reviewer.$("editor-content")).click();
    await reviewer.browser.keys(["Control", "Home"]);
    await pressRight(reviewer, at);
    await pressRight(reviewer, "fun".length, { shift: true });
    await (await reviewer.$("tab-suggestions")).click();
    await (await reviewer.$("suggestion-new")).click();
    const label = await reviewer.browser.$('[data-testid="suggest-dialog"] label');
    await label.waitForDisplayed({ timeout: 10_000 });
    assert.match(await label.getText(), /Replace “fun”/);
    await answer(reviewer, "suggest-dialog", "a joy to fly");
    await reviewer.waitForNotice("info", /Suggested/, 10_000);
    assert.equal(await reviewer.editorDoc(), text, "suggesting leaves the reader's text alone");
    assert.equal(readFileSync(join(drafts, "marked.md"), "utf8"), text, "and the file");
    await cardWhere(author, (c) => c.status === "open" && /fun → a joy to fly/.test(c.text), "from the reader's editor");
    // With unsaved edits of her own, she is told to save or undo first.
    await reviewer.typeAtEnd(" Mine.");
    await (await reviewer.$("suggestion-new")).click();
    await reviewer.waitForNotice("info", /Save or undo your edits first/, 10_000);
    await shot(reviewer, "suggest-unsaved");
  });
});
