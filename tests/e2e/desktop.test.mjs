// Issue 8: desktop integration. Opening a draft from the file manager while
// Dateline runs hands it to the running window (single instance), which
// asks first when unsaved edits would be replaced; the window's size is
// remembered across restarts, and fitted to a smaller screen. A launch that
// meets an instance caught quitting starts in its place.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { Harness, appBinary, pollUntil } from "./harness.mjs";

const hasXdotool = () => spawnSync("xdotool", ["version"], { stdio: "ignore" }).status === 0;

describe("desktop integration", () => {
  const t = new Harness();
  let drafts;
  let shared;

  before(async () => {
    drafts = t.draftsFolder({ "mine.md": "# Mine\n" });
    shared = t.draftsFolder({ "launch.md": "# Launch day\n", "other.md": "# Other\n" });
    await t.startDriver();
  });

  after(() => t.stop());

  it("remembers the window size after a restart", async () => {
    await t.launch([drafts]);
    await t.browser.setWindowSize(1000, 700);
    const sized = await t.browser.getWindowSize();
    // Saved once the resize settles, so that even a killed app keeps it.
    const stateFile = join(t.home, "config", "com.datelineapp.desktop", ".window-state.json");
    const savedWidth = () => existsSync(stateFile) && JSON.parse(readFileSync(stateFile, "utf8")).main?.width;
    await t.browser.waitUntil(() => savedWidth() === sized.width, {
      timeout: 5_000,
      timeoutMsg: "the window size was never saved",
    });
    // A process that looks like Dateline but is not this test's (a
    // developer's own running app) must survive the harness's kill.
    const lookalike = spawn("bash", ["-c", `exec -a ${appBinary} sleep 60`], { stdio: "ignore" });
    await pollUntil(() => readFileSync(`/proc/${lookalike.pid}/cmdline`, "utf8").startsWith(appBinary), 2_000);
    await t.kill();
    const survived = lookalike.exitCode === null && lookalike.signalCode === null;
    lookalike.kill("SIGKILL");
    assert.ok(survived, "the harness killed a process it did not start");
    await t.launch();
    assert.deepEqual(await t.browser.getWindowSize(), sized);
  });

  it("fits a window remembered from a larger screen onto this one", async () => {
    const stateFile = join(t.home, "config", "com.datelineapp.desktop", ".window-state.json");
    // Quit, not kill: a kill can land while the window-state plugin rewrites
    // its file in place, and leave it empty.
    await t.quit();
    const state = JSON.parse(readFileSync(stateFile, "utf8"));
    state.main = { ...state.main, width: 2400, height: 1600 };
    writeFileSync(stateFile, JSON.stringify(state));
    await t.launch();
    const screen = await t.browser.execute(() => ({ width: window.screen.availWidth, height: window.screen.availHeight }));
    const fits = (r) => r.x >= 0 && r.y >= 0 && r.x + r.width <= screen.width && r.y + r.height <= screen.height;
    // The window system applies the new size and place a moment later.
    let rect = await t.browser.getWindowRect();
    await t.browser
      .waitUntil(async () => fits((rect = await t.browser.getWindowRect())), { timeout: 5_000 })
      .catch(() => undefined);
    assert.ok(fits(rect), `${rect.width}×${rect.height} at ${rect.x},${rect.y} on a ${screen.width}×${screen.height} screen`);
  });

  it("opens a draft launched from outside in the running window", async () => {
    await t.$("draft-item").then((el) => el.waitForExist({ timeout: 10_000 }));
    assert.deepEqual(await t.listedDrafts(), ["mine.md"]);
    // A relative path, resolved against the second launch's working folder.
    assert.equal(await t.launchAgain(["launch.md"], shared), 0, "the second launch exits");
    await t.browser.waitUntil(async () => (await t.editorDoc()) === "# Launch day\n", {
      timeout: 10_000,
      timeoutMsg: "the handed-over draft never opened",
    });
    assert.deepEqual((await t.listedDrafts()).sort(), ["launch.md", "other.md"]);
  });

  it("acts once on each shortcut: the menu's accelerator and the window's own key handling never both run", async () => {
    const pressed = async () => (await t.$("toggle-preview")).getAttribute("aria-pressed");
    for (const expected of ["true", "false"]) {
      await t.browser.keys(["Control", "Shift", "p"]);
      await t.browser.waitUntil(async () => (await pressed()) === expected, {
        timeout: 5_000,
        timeoutMsg: `Ctrl+Shift+P did not set the preview to ${expected}`,
      });
      // A second delivery of the same key press would toggle it straight back.
      await sleep(500);
      assert.equal(await pressed(), expected);
    }
    // Real key presses from the X server take GTK's path, where the native
    // menu's accelerator gets the key before the web view does.
    if (hasXdotool()) {
      for (const window of execFileSync("xdotool", ["search", "--pid", String(t.appPids()[0])]).toString().trim().split("\n")) {
        spawnSync("xdotool", ["windowfocus", "--sync", window], { stdio: "ignore" });
      }
      await (await t.$("editor")).click();
      execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+shift+p"]);
      await t.browser.waitUntil(async () => (await pressed()) === "true", { timeout: 5_000, timeoutMsg: "a real Ctrl+Shift+P did not show the preview" });
      await sleep(500);
      assert.equal(await pressed(), "true");
      execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+shift+p"]);
      await t.browser.waitUntil(async () => (await pressed()) === "false", { timeout: 5_000 });
    } else {
      console.log("xdotool is not installed: real key presses are not tried");
    }
    await t.browser.keys(["Control", "n"]);
    await (await t.$("new-draft-dialog")).waitForExist({ timeout: 5_000 });
    await sleep(500);
    assert.equal((await t.browser.$$('[data-testid="new-draft-dialog"]')).length, 1, "one key press, one dialog");
    await t.browser.keys(["Escape"]);
    await (await t.$("new-draft-dialog")).waitForExist({ timeout: 5_000, reverse: true });
  });

  it("asks before the hand-over replaces unsaved edits, and Cancel keeps them", async () => {
    await t.waitForStatus("saved");
    await t.typeAtEnd("Unsaved.");
    assert.equal(await t.launchAgain([`${shared}/other.md`]), 0);
    const cancel = await t.$("unsaved-cancel");
    await cancel.waitForClickable({ timeout: 10_000 });
    await cancel.click();
    assert.equal(await t.editorDoc(), "# Launch day\nUnsaved.");
    await t.waitForStatus("edited");
  });

  it("starts in place of a running instance that no longer answers (caught quitting)", async () => {
    await t.quit();
    // Started directly, then stopped: it keeps the single-instance name but
    // answers nothing, as an instance does in the moment it quits.
    const quitting = spawn(appBinary, [], { env: t.env, stdio: "ignore" });
    const until = async (what, ok) => {
      if (!(await pollUntil(ok, 20_000, 100))) throw new Error(`timed out waiting until ${what}`);
    };
    let later;
    try {
      await until("the first instance holds the name", () => t.busOwnerPid() === quitting.pid);
      process.kill(quitting.pid, "SIGSTOP");
      later = spawn(appBinary, [drafts], { env: t.env, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      later.stderr.on("data", (chunk) => (stderr += chunk));
      let exited = null;
      later.on("exit", (code) => (exited = code));
      // The later launch is now waiting for an answer to its hand-over.
      await sleep(2_000);
      process.kill(quitting.pid, "SIGKILL");
      await until("the later launch holds the name", () => t.busOwnerPid() === later.pid || exited !== null);
      assert.equal(exited, null, `the later launch exited (${exited}): ${stderr}`);
      // And it stays up as the running instance.
      await sleep(1_000);
      assert.equal(exited, null, `the later launch exited (${exited}): ${stderr}`);
      assert.equal(t.busOwnerPid(), later.pid);
    } finally {
      quitting.kill("SIGKILL");
      later?.kill("SIGKILL");
      await t.quit();
    }
  });
});
