// Starts the real, built Dateline app through tauri-driver (which drives
// WebKitWebDriver) with its own temporary app-data folder, and gives tests
// small helpers to find elements by `data-testid`. Each test file makes one
// Harness; a test may launch and quit the app several times (restarts).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const appBinary = process.env.DATELINE_APP ?? join(repoRoot, "target/debug/dateline-app");
/** The D-Bus name the running app holds (tauri-plugin-single-instance). */
const singleInstanceName = `${JSON.parse(readFileSync(join(repoRoot, "tauri.conf.json"), "utf8")).identifier}.SingleInstance`;

export class Harness {
  constructor() {
    this.home = mkdtempSync(join(tmpdir(), "dateline-e2e-home-"));
    this.driver = null;
    this.browser = null;
    /** Pids of second launches, so that they count as this harness's own. */
    this.launched = [];
  }

  /** A fresh drafts folder holding `files` ({ "name.md": string | Buffer }). */
  draftsFolder(files) {
    const dir = mkdtempSync(join(this.home, "drafts-"));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  }

  /** Starts tauri-driver; `extraEnv` reaches the app (a GTK theme, say). */
  async startDriver(extraEnv = {}) {
    // Both at once: two ports asked for one after the other can be the same
    // one, freed in between (then WebKitWebDriver cannot listen).
    const [port, nativePort] = await freePorts(2);
    this.port = port;
    // XDG_* send the app's database, WebKit's caches and settings to a
    // throwaway home, so runs never see each other or the developer's data.
    // A private session bus keeps the single-instance hand-over (D-Bus on
    // Linux) between this file's app and its own second launches.
    const env = {
      ...process.env,
      XDG_DATA_HOME: join(this.home, "data"),
      XDG_CONFIG_HOME: join(this.home, "config"),
      XDG_CACHE_HOME: join(this.home, "cache"),
      DBUS_SESSION_BUS_ADDRESS: await this.startSessionBus(),
      NO_AT_BRIDGE: "1",
      ...extraEnv,
    };
    this.env = env;
    this.driver = spawn("tauri-driver", ["--port", String(this.port), "--native-port", String(nativePort)], {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    this.driver.on("error", (err) => {
      throw new Error(`tauri-driver could not start (cargo install tauri-driver --locked): ${err.message}`);
    });
    // tauri-driver listens at once but starts WebKitWebDriver without waiting
    // for it: a session asked for before that listens too fails (a cold start
    // after a build or with an empty page cache takes seconds).
    await waitForPort(this.port, "tauri-driver", 20_000);
    await waitForPort(nativePort, "WebKitWebDriver", 20_000);
  }

  /** Starts a D-Bus session daemon of this harness's own; returns its address. */
  async startSessionBus() {
    this.bus = spawn("dbus-daemon", ["--session", "--nofork", "--print-address=1"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    return new Promise((resolveAddress, reject) => {
      this.bus.on("error", (err) => reject(new Error(`dbus-daemon could not start: ${err.message}`)));
      let out = "";
      this.bus.stdout.on("data", (chunk) => {
        out += chunk;
        if (out.includes("\n")) resolveAddress(out.split("\n")[0].trim());
      });
    });
  }

  /**
   * Starts the app binary a second time, as a file manager would, with the
   * same environment; resolves with its exit code once it ends.
   */
  launchAgain(args, cwd = this.home) {
    return new Promise((resolveExit, reject) => {
      const child = spawn(appBinary, args, { env: this.env, cwd, stdio: "ignore" });
      this.launched.push(child.pid);
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error("the second launch did not hand over and exit within 20 s"));
      }, 20_000);
      child.on("error", reject);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolveExit(code);
      });
    });
  }

  /** Launches the app (with optional command-line args) and waits for the UI. */
  async launch(args = []) {
    this.browser = await remote({
      hostname: "127.0.0.1",
      port: this.port,
      logLevel: this.logLevel ?? "warn",
      connectionRetryCount: 1,
      capabilities: {
        "tauri:options": { application: appBinary, args },
        "wdio:enforceWebDriverClassic": true,
      },
    });
    await this.browser.$('#app[data-ready="true"]').waitForExist({ timeout: 20_000 });
    return this.browser;
  }

  /** Kills the app process outright, as a crash or a power cut would. */
  async kill() {
    for (const pid of this.appPids()) killPid(pid);
    await this.browser?.deleteSession().catch(() => undefined);
    this.browser = null;
    await this.waitForAppExit();
    await this.waitForBusNameFree();
  }

  async quit() {
    if (this.browser) await this.browser.deleteSession().catch(() => undefined);
    this.browser = null;
    // The next launch would otherwise hand over to this one and exit.
    await this.waitForAppExit();
    await this.waitForBusNameFree();
  }

  /**
   * The app processes this harness started: those under its own
   * tauri-driver, and its second launches. Never a process matched by
   * name, which could be a developer's own running Dateline.
   */
  appPids() {
    const roots = [this.driver?.pid, ...this.launched].filter(Boolean);
    return descendantsOf(roots).filter((pid) => isApp(pid));
  }

  /**
   * Waits until none of this harness's app processes is left, killing any
   * that outlives a grace period: the next launch would otherwise hand over
   * to it (single instance) instead of starting.
   */
  async waitForAppExit(graceMs = 5_000) {
    const gone = () => this.appPids().length === 0;
    if (!(await pollUntil(gone, graceMs))) {
      for (const pid of this.appPids()) killPid(pid);
      await pollUntil(gone, 5_000);
    }
  }

  /**
   * Waits until the bus has noticed that the app is gone: a launch that
   * still finds the single-instance name taken tries to hand over to a
   * process that no longer answers (a busy bus can lag behind an exit).
   */
  async waitForBusNameFree(timeoutMs = 10_000) {
    if (!this.env) return;
    const owned = () =>
      spawnSync(
        "dbus-send",
        ["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", `string:${singleInstanceName}`],
        { env: this.env, encoding: "utf8" },
      ).stdout?.includes("boolean true");
    await pollUntil(() => !owned(), timeoutMs);
  }

  /** The process id that owns the single-instance name, or null while it is free. */
  busOwnerPid() {
    const reply = spawnSync(
      "dbus-send",
      ["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.GetConnectionUnixProcessID", `string:${singleInstanceName}`],
      { env: this.env, encoding: "utf8" },
    ).stdout;
    const pid = reply?.match(/uint32 (\d+)/);
    return pid ? Number(pid[1]) : null;
  }

  async stop() {
    await this.quit();
    this.driver?.kill();
    this.bus?.kill();
    try {
      rmSync(this.home, { recursive: true, force: true });
    } catch {
      // WebKit may leave a desktop-portal mount in the cache; the OS cleans /tmp.
    }
  }

  // ---- element helpers --------------------------------------------------

  $(testid) {
    return this.browser.$(`[data-testid="${testid}"]`);
  }

  $$(testid) {
    return this.browser.$$(`[data-testid="${testid}"]`);
  }

  /** The element's text content (as in the DOM, before CSS transforms). */
  async text(testid) {
    return (await this.$(testid)).getProperty("textContent");
  }

  /** The relative paths of the listed drafts, in order (read in one go: the list re-renders on refresh). */
  async listedDrafts() {
    return this.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="draft-item"]')].map((item) => item.getAttribute("data-rel-path")),
    );
  }

  /**
   * Clicks a draft in the list and, unless `wait` is false (a dialog or a
   * refusal is expected instead), waits until the editor holds it: the status
   * of the draft open before would otherwise pass for this one's.
   */
  async openDraft(relPath, { wait = true } = {}) {
    const item = await this.browser.$(`[data-testid="draft-item"][data-rel-path="${relPath}"]`);
    await item.waitForClickable({ timeout: 10_000 });
    await item.click();
    if (!wait) return;
    const title = await this.$("draft-title");
    await title.waitUntil(async () => (await title.getAttribute("data-rel-path")) === relPath, {
      timeout: 10_000,
      timeoutMsg: `"${relPath}" did not open`,
    });
  }

  /** Puts the cursor at the end of the draft and types `text`. */
  async typeAtEnd(text) {
    const content = await this.$("editor-content");
    await content.click();
    await this.browser.keys(["Control", "End"]);
    // Element Send Keys types into the focused editor like a keyboard would.
    await content.addValue(text);
  }

  /** The editor's text as CodeMirror holds it (exact, including empty lines). */
  async editorDoc() {
    return this.browser.execute(() => window.dateline.editorText());
  }

  /**
   * Waits until the problems panel stops changing (the live lint has caught
   * up), so that a click lands on the button it was aimed at.
   */
  async waitForProblemsToSettle(timeout = 10_000) {
    const snapshot = () =>
      this.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="problem"]')].map((p) => p.getAttribute("data-message")).join("\n"),
      );
    let last = await snapshot();
    await this.browser.waitUntil(
      async () => {
        await new Promise((r) => setTimeout(r, 300));
        const now = await snapshot();
        const settled = now === last;
        last = now;
        return settled;
      },
      { timeout, timeoutMsg: "the problems panel never settled" },
    );
  }

  /** Waits until a problem for `rule` is listed; returns how many there are. */
  async waitForProblem(rule, timeout = 10_000) {
    let count = 0;
    await this.browser.waitUntil(
      async () => (count = (await this.browser.$$(`[data-testid="problem"][data-rule="${rule}"]`).length)) > 0,
      { timeout, timeoutMsg: `no ${rule} problem listed` },
    );
    return count;
  }

  async pressSave() {
    await this.browser.keys(["Control", "s"]);
  }

  async waitForStatus(status, timeout = 10_000) {
    const el = await this.$("save-status");
    await this.browser.waitUntil(async () => (await el.getAttribute("data-status")) === status, {
      timeout,
      timeoutMsg: `save status never became "${status}" (it is "${await el.getAttribute("data-status")}")`,
    });
  }

  /** The texts of the notices of `kind` on screen. */
  async notices(kind) {
    return this.browser.execute(
      (k) => [...document.querySelectorAll(`[data-testid="notice"][data-kind="${k}"] p`)].map((p) => p.textContent),
      kind,
    );
  }

  /** Waits for a notice of `kind` whose text matches `pattern`; returns the text. */
  async waitForNotice(kind, pattern, timeout = 10_000) {
    let found;
    await this.browser.waitUntil(
      async () => (found = (await this.notices(kind)).find((text) => pattern.test(text))) !== undefined,
      { timeout, timeoutMsg: `no ${kind} notice matching ${pattern}; saw ${JSON.stringify(await this.notices(kind))}` },
    );
    return found;
  }
}

/** Every live process under `roots` (and the roots), from /proc. */
function descendantsOf(roots) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the field after the parenthesised command name.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while the table was read.
    }
  }
  const found = [];
  const queue = roots.filter((pid) => pidAlive(pid));
  while (queue.length > 0) {
    const pid = queue.pop();
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether `pid` runs the app binary (and is not a zombie). */
function isApp(pid) {
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
    return resolve(argv0) === resolve(appBinary) || argv0.endsWith("/dateline-app") || argv0 === "dateline-app";
  } catch {
    return false;
  }
}

function killPid(pid) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/**
 * Checks `done` (sync or async) every `stepMs` until it holds or `timeoutMs`
 * have passed; resolves with whether it held.
 */
/** Answers a text dialog (askText) by its test id, as she would: type, then OK. */
export async function answer(t, testid, value) {
  const input = await t.$(`${testid}-input`);
  await input.waitForDisplayed({ timeout: 10_000 });
  await input.setValue(value);
  await (await t.$(`${testid}-ok`)).click();
}

export async function pollUntil(done, timeoutMs, stepMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** `count` distinct free ports: all held open until every one is chosen. */
async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      server.unref();
      await new Promise((listening, reject) => {
        server.on("error", reject);
        server.listen(0, "127.0.0.1", listening);
      });
      servers.push(server);
    }
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))));
  }
}

async function waitForPort(port, listener, timeoutMs) {
  const open = () =>
    new Promise((res) => {
      const socket = connect(port, "127.0.0.1", () => (socket.end(), res(true)));
      socket.on("error", () => res(false));
    });
  if (!(await pollUntil(open, timeoutMs, 100))) {
    throw new Error(`${listener} did not listen on port ${port} within ${timeoutMs} ms`);
  }
}
