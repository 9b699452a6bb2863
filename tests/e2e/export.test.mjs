// Issue 7: export from the real app. The page count is measured before
// exporting; "Export beside the draft" writes the PDF the UI's save-dialog
// path would (the native dialog itself cannot be driven through WebDriver).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Harness } from "./harness.mjs";

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), "../corpus");

describe("export", () => {
  const t = new Harness();
  let drafts;

  before(async () => {
    drafts = t.draftsFolder({ "atlas.md": readFileSync(join(corpus, "05-atlas-offline-maps.md")) });
    await t.startDriver();
    await t.launch([join(drafts, "atlas.md")]);
    await t.waitForStatus("saved");
  });

  after(() => t.stop());

  it("shows the page count, then exports a PDF of the text in the editor", async () => {
    await t.typeAtEnd(" Exported from the editor.");
    await (await t.$("export")).click();
    const pages = await t.$("export-pages");
    await t.browser.waitUntil(async () => /\d+ pages?: press release/.test(await pages.getText()), { timeout: 20_000, timeoutMsg: "no page count" });
    await (await t.$("export-beside")).click();
    await t.waitForNotice("success", /Exported to .*atlas\.pdf \(\d+ pages?\)/, 30_000);
    const pdf = join(drafts, "atlas.pdf");
    assert.ok(existsSync(pdf));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const headline = text.indexOf("Atlas");
    const faq = text.search(/Frequently|FAQ/i);
    assert.ok(headline >= 0 && faq > headline, "headline before the FAQ");
    assert.match(text, /Exported from the editor\./, "the unsaved editor text is what was exported");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.match(info, /Title:\s+\S/);
    assert.equal(readFileSync(join(drafts, "atlas.md"), "utf8").includes("Exported from the editor."), false, "export does not save the draft");
  });

  it("keeps a file of the same name that Dateline did not write, and updates its own export", async () => {
    writeFileSync(join(drafts, "atlas.pdf"), "a PDF she made by hand");
    const exportBeside = async () => {
      await (await t.$("export")).click();
      await (await t.$("export-beside")).click();
    };
    await exportBeside();
    await t.waitForNotice("success", /Exported to .*atlas \(2\)\.pdf .*“atlas\.pdf” was not written by Dateline, so it was kept\./, 30_000);
    assert.equal(readFileSync(join(drafts, "atlas.pdf"), "utf8"), "a PDF she made by hand");
    const first = readFileSync(join(drafts, "atlas (2).pdf"));
    await t.typeAtEnd(" A second export.");
    await exportBeside();
    await t.browser.waitUntil(async () => !readFileSync(join(drafts, "atlas (2).pdf")).equals(first), { timeout: 30_000, timeoutMsg: "the second export did not update the first" });
    assert.equal(existsSync(join(drafts, "atlas (3).pdf")), false, "its own earlier export is updated, not a third file");
    assert.equal(readFileSync(join(drafts, "atlas.pdf"), "utf8"), "a PDF she made by hand");
  });
});
