// Issue 22: the window reaches screen readers. The other e2e files start the
// app with NO_AT_BRIDGE=1; a user's app has the bridge, so here it is left
// on and the app is read the way Orca reads it: its AT-SPI tree and events
// from the accessibility bus, then Orca itself (what it would say, from its
// debug log) while real key events (xdotool) move the focus. The tests run
// in order on one window: the second types into the draft.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { Harness } from "./harness.mjs";

const LAUNCH = `# Acme Ships Rockets for Everyone

## Acme's rocket takes a family to orbit for the price of a car

SEATTLE, May 4, 2027 — Acme today launched a rocket that we leverage to deliver synergy.

## The problem

Families cannot reach orbit today.
`;

/** The app's accessible objects as a screen reader sees them ({ depth, role, name, value?, states }). */
function atspiTree(t) {
  const run = spawnSync("/usr/bin/python3", [join(import.meta.dirname, "atspi-tree.py"), "dateline-app"], { env: t.env, encoding: "utf8", timeout: 60_000 });
  assert.equal(run.status, 0, `atspi-tree.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const find = (tree, role, name) => tree.find((node) => node.role === role && (name instanceof RegExp ? name.test(node.name) : node.name === name));

/**
 * Starts Orca with speech and braille off (it still logs what it would say,
 * and starts no speech server and waits for no braille display). Its debug
 * log goes to a terminal made by `script`, where Python writes each line at
 * once (to a file it would hold 8 KB back).
 */
function startOrca(t) {
  const command = `orca --replace --disable speech --disable braille -u '${join(t.home, "orca-prefs")}' --debug-file /dev/tty`;
  const terminal = spawn("script", ["--quiet", "--flush", "--return", "--command", command, "/dev/null"], { env: t.env, stdio: ["ignore", "pipe", "ignore"] });
  const orca = {
    log: "",
    spoken: () => [...orca.log.matchAll(/SPEECH OUTPUT: '([^']*)'/g)].map((m) => m[1]),
    stop: () => {
      const pid = spawnSync("pgrep", ["-P", String(terminal.pid)], { encoding: "utf8" }).stdout.trim();
      if (pid) process.kill(Number(pid), "SIGTERM");
      if (terminal.exitCode === null) terminal.kill("SIGTERM");
    },
  };
  terminal.stdout.on("data", (chunk) => (orca.log += chunk));
  return orca;
}

describe("screen readers (AT-SPI bridge on)", () => {
  const t = new Harness();
  let orca = null;

  before(async () => {
    const drafts = t.draftsFolder({ "launch.md": LAUNCH });
    await t.startDriver({ NO_AT_BRIDGE: undefined });
    await t.launch([join(drafts, "launch.md")]);
    await t.waitForStatus("saved");
    await t.waitForProblemsToSettle();
  });

  after(async () => {
    orca?.stop();
    await t.stop();
  });

  it("exposes the window, its named controls and the readiness value on the accessibility bus", async () => {
    const score = Number(await t.text("readiness-score"));
    const problems = (await t.$$("problem")).length;
    let tree = [];
    // The web view's objects join the bus once its page has loaded.
    await t.browser.waitUntil(() => (tree = atspiTree(t)).some((node) => node.role === "entry"), { timeout: 20_000, timeoutMsg: "no editable text on the accessibility bus" });
    assert.ok(find(tree, "frame", "launch — Dateline"), "the window, titled by its draft");
    const editor = find(tree, "entry", "Draft text");
    assert.ok(editor?.states.includes("editable"), "the editor is an editable text named for what it holds");
    for (const name of ["Save", "Export…", "New draft", "Open folder…"]) assert.ok(find(tree, "push button", name), `a button named ${name}`);
    assert.ok(find(tree, "toggle button", "Review"), "Review is a toggle");
    const meter = find(tree, "level bar", "Readiness");
    assert.equal(meter?.value, score, "the readiness meter reads the score shown");
    assert.ok(find(tree, "page tab", `Problems (${problems})`), "the Problems tab says how many there are");
    assert.ok(find(tree, "push button", /“leverage” is jargon/), "each problem is a button that says what is wrong");
    assert.ok(find(tree, "landmark", "Drafts") && find(tree, "landmark", "Checks of the draft"), "the regions are named landmarks");
  });

  /** Runs `act` while listening on the bus; resolves once a polite addition matches `pattern`. */
  async function announced(act, pattern) {
    const listener = spawn("/usr/bin/python3", [join(import.meta.dirname, "atspi-tree.py"), "--additions"], { env: t.env, stdio: ["ignore", "pipe", "inherit"] });
    let lines = [];
    let partial = "";
    listener.stdout.on("data", (chunk) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop();
      lines = lines.concat(parts.filter(Boolean).map((line) => JSON.parse(line)));
    });
    try {
      await t.browser.waitUntil(() => lines.some((line) => line.listening), { timeout: 20_000, timeoutMsg: "the AT-SPI listener did not start" });
      await act();
      await t.browser.waitUntil(() => lines.some((line) => line.live === "polite" && pattern.test(line.text)), {
        timeout: 15_000,
        timeoutMsg: `no announcement matching ${pattern} reached AT-SPI; additions seen: ${JSON.stringify(lines.slice(-5))}`,
      });
    } finally {
      listener.kill();
    }
  }

  it("tells the screen reader of new findings, politely, once typing pauses", async () => {
    await announced(() => t.typeAtEnd("\n\nWe leverage best-of-breed synergy."), /new problems?: .*jargon/);
  });

  it("is read by Orca as the focus moves by keyboard", async () => {
    orca = startOrca(t);
    const heard = async (pattern, what, timeout = 10_000) => {
      await t.browser.waitUntil(() => orca.spoken().some((line) => pattern.test(line)), { timeout, timeoutMsg: `Orca did not say ${what}; it said: ${orca.spoken().slice(-6).join(" | ")}` });
    };
    await t.browser.waitUntil(() => orca.log.includes("ORCA: Startup complete"), { timeout: 30_000, timeoutMsg: "Orca did not start" });
    await heard(/launch — Dateline/, "the window's title");
    // Keys go to the focused X window, as a user's would; give it the focus.
    const window = spawnSync("xdotool", ["search", "--name", "Dateline"], { env: t.env, encoding: "utf8" }).stdout.split("\n")[0];
    assert.ok(window, "the app's X window");
    spawnSync("xdotool", ["windowactivate", "--sync", window], { env: t.env });
    const key = (name) => spawnSync("xdotool", ["key", name], { env: t.env });
    // The draft opens with the focus in the editor; Tab leaves it for the
    // selected tab, arrows choose another.
    const problems = (await t.$$("problem")).length;
    key("Tab");
    await heard(new RegExp(`Problems \\(${problems}\\) page tab`), "the selected tab");
    key("Right");
    await heard(/History page tab/, "the next tab, chosen by arrow");
    key("shift+Tab");
    await heard(/Draft text entry/, "the editor's name and role");
    // The test before typed into the draft, so Save is a Tab stop now.
    key("shift+Tab");
    await heard(/Save push button/, "the Save button");
    await heard(/Save \(Ctrl\+S\)/, "the Save button's shortcut");
    orca.stop();
  });

  it("tells the screen reader which change she steps to in review mode", async () => {
    await t.pressSave();
    await t.waitForStatus("saved");
    await (await t.$("review-open")).click();
    await (await t.$("review")).waitForDisplayed({ timeout: 10_000 });
    await announced(async () => (await t.$("review-next")).click(), /^Change 1 of \d+: text /);
  });
});
