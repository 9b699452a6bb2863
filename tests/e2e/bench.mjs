// End-to-end benchmark of the real app (not a test: it prints figures).
//   cold start: launching the app on a draft until the draft is editable
//               (includes WebKitWebDriver's session start, so an upper bound)
//   typing:     keystroke to lint diagnostics painted, on a ~3,000-word draft,
//               from the app's own timing log (window.dateline.lintPhases)
//   review:     click on Review to both versions painted with their
//               highlights, measured in the page (saved draft vs its first
//               version, then again with nothing new since the last review)
//   burst:      lint and save round trips from the window, every 30 ms as
//               the editor asks, on a quiet folder and while another
//               process writes 3,000 drafts into it (a sync client)
//   ipc:        the lint's round trip beside one with nothing to do, to
//               tell the web view's IPC floor from what the lint's text and
//               answer cost (--ipc-only)
//   folder:     a generated folder of 10,000 drafts: launch to listed (first
//               open, then a later one), search as you type, an outside edit
//               to the open editor, and the memory of the app's processes
// Run: ./dev.sh bench   (or: xvfb-run -a node tests/e2e/bench.mjs [--folder-only|--burst-only|--ipc-only])
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Harness, appBinary } from "./harness.mjs";

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), "../corpus");
const words = (text) => text.split(/\s+/).filter(Boolean).length;

function threeThousandWords() {
  let text = readFileSync(join(corpus, "20-helios-solar-roof.md"), "utf8");
  const extra = readFileSync(join(corpus, "14-ledgerline-audit-assistant.md"), "utf8").split("\n\n");
  for (const block of extra) {
    if (words(text) >= 3000) break;
    if (!block.startsWith("#")) text += `\n\n${block}`;
  }
  return text;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  if (process.argv.includes("--folder-only")) return benchFolder(10_000);
  if (process.argv.includes("--burst-only")) return benchBurst(3_000);
  if (process.argv.includes("--ipc-only")) return benchIpc();
  const t = new Harness();
  const draft = threeThousandWords();
  const drafts = t.draftsFolder({ "long.md": draft });
  await t.startDriver();
  const starts = [];
  const ownStarts = [];
  for (let i = 0; i < 5; i++) {
    const begin = performance.now();
    await t.launch([join(drafts, "long.md")]);
    await t.waitForStatus("saved");
    await (await t.browser.$(".cm-lintRange, .cm-lint-marker")).waitForExist({ timeout: 10_000 });
    starts.push(performance.now() - begin);
    ownStarts.push(await sinceProcessStart(t, "diagnostics-painted"));
    if (i < 4) await t.quit();
  }
  const content = await t.$("editor-content");
  await content.click();
  await t.browser.keys(["Control", "End"]);
  const before = (await t.browser.execute(() => window.dateline.lintPhases())).length;
  const sample = "Customers save four hours a week with leverage and very seamless synergy. ";
  for (let round = 0; round < 3; round++) {
    for (const ch of sample) {
      await content.addValue(ch);
      await new Promise((r) => setTimeout(r, 30)); // a fast typist: ~30 keys a second
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  const phases = (await t.browser.execute(() => window.dateline.lintPhases())).slice(before);
  const timings = phases.map((p) => p.queued + p.trip + p.apply + p.frame).sort((a, b) => a - b);
  const trips = phases.map((p) => p.trip).sort((a, b) => a - b);
  await t.pressSave();
  await t.waitForStatus("saved");
  const reviews = [];
  for (let i = 0; i < 7; i++) reviews.push(await timeReviewOpen(t));
  await t.stop();
  reviews.sort((a, b) => a - b);
  starts.sort((a, b) => a - b);
  ownStarts.sort((a, b) => a - b);
  console.log(`draft: ${words(draft)} words, ${Buffer.byteLength(draft)} bytes`);
  console.log(`cold start to editable draft with diagnostics (5 launches): median ${starts[2].toFixed(0)} ms, best ${starts[0].toFixed(0)} ms (incl. WebDriver session start); from the app process's start: median ${ownStarts[2].toFixed(0)} ms, best ${ownStarts[0].toFixed(0)} ms`);
  console.log(`lint request round trip (IPC + lint, ${trips.length} samples): median ${percentile(trips, 50).toFixed(1)} ms, p95 ${percentile(trips, 95).toFixed(1)} ms`);
  console.log(`open review mode, two ~3,000-word versions (${reviews.length} opens): median ${percentile(reviews, 50).toFixed(0)} ms, max ${reviews.at(-1).toFixed(0)} ms`);
  console.log(`keystroke to diagnostics painted (${timings.length} samples): median ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, max ${timings.at(-1).toFixed(1)} ms`);
  const phase = (name) => percentile(phases.map((p) => p[name]).sort((a, b) => a - b), 50).toFixed(1);
  console.log(`  where it goes (medians): queued behind the request in flight ${phase("queued")} ms, round trip ${phase("trip")} ms, applying the answer ${phase("apply")} ms, to the next frame ${phase("frame")} ms`);
  await benchBurst(3_000);
  await benchIpc();
  await benchFolder(10_000);
}

/** The app launched on a ~3,000-word draft, `open.md`, saved and shown. */
async function openLongDraft() {
  const t = new Harness();
  const draft = threeThousandWords();
  const drafts = t.draftsFolder({ "open.md": draft });
  await t.startDriver();
  await t.launch([join(drafts, "open.md")]);
  await t.waitForStatus("saved");
  return { t, draft, drafts };
}

/**
 * Lint and save latency as the window sees it (invoke to answer), quiet and
 * during a burst of `count` drafts written into the open folder by another
 * process: the workspace lock must not make a keystroke wait for the index.
 */
async function benchBurst(count) {
  const { t, draft, drafts } = await openLongDraft();
  const draftId = Number(await (await t.browser.$('[data-testid="draft-item"][data-rel-path="open.md"]')).getAttribute("data-draft-id"));
  const sample = (what, samples) =>
    t.browser.executeAsync(
      async (what, samples, draftId, text, done) => {
        const invoke = window.__TAURI_INTERNALS__.invoke;
        const times = [];
        for (let i = 0; i < samples; i++) {
          const begin = performance.now();
          if (what === "lint") await invoke("lint_text", { text });
          else await invoke("save_draft", { draftId, text: `${text}\nSaved ${i}.\n` });
          times.push(performance.now() - begin);
          await new Promise((r) => setTimeout(r, 30));
        }
        done(times);
      },
      what,
      samples,
      draftId,
      draft,
    );
  const quiet = { lint: await sample("lint", 40), save: await sample("save", 20) };
  const texts = readdirSync(corpus).filter((f) => f.endsWith(".md")).map((f) => readFileSync(join(corpus, f), "utf8"));
  const script = `const fs=require("fs");const [dir,n,...t]=JSON.parse(process.argv[1]);for(let i=0;i<n;i++)fs.writeFileSync(dir+"/synced-"+i+".md",t[i%t.length]);`;
  // Another process writes, as a sync client would, while the page measures.
  const burst = spawn(process.execPath, ["-e", script, JSON.stringify([drafts, count, ...texts])], { stdio: "ignore" });
  const burstDone = new Promise((r) => burst.on("exit", r));
  const loaded = { lint: await sample("lint", 60), save: await sample("save", 20) };
  await burstDone;
  await t.stop();
  const line = (label, times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return `${label}: median ${percentile(sorted, 50).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (${sorted.length})`;
  };
  console.log(`burst of ${count} drafts written into the open folder:`);
  console.log(`  ${line("lint round trip, quiet", quiet.lint)}; ${line("during the burst", loaded.lint)}`);
  console.log(`  ${line("save round trip, quiet", quiet.save)}; ${line("during the burst", loaded.save)}`);
}

/**
 * What a round trip costs before any lint: the same invoke with nothing to
 * do (a command that reads a flag), with an empty text, with one paragraph
 * and with the whole draft, side by side in one page, every 30 ms as the
 * editor asks. The gap between the first and the last is what sending less
 * could save; the first is the web view's IPC floor.
 */
async function benchIpc() {
  const { t, draft } = await openLongDraft();
  await new Promise((r) => setTimeout(r, 4_000)); // the background proofreader has read the draft
  const paragraph = draft.split("\n\n").find((block) => words(block) > 40);
  const results = await t.browser.executeAsync(
    async (cases, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const out = {};
      for (let round = 0; round < 100; round++) {
        for (const [label, cmd, args] of cases) {
          const begin = performance.now();
          const answer = await invoke(cmd, args);
          const ms = performance.now() - begin;
          const entry = (out[label] ??= { times: [], bytes: JSON.stringify(answer ?? null).length, sent: JSON.stringify(args).length });
          entry.times.push(ms);
          await new Promise((r) => setTimeout(r, 30));
        }
      }
      done(out);
    },
    [
      ["a command with nothing to do (has_open_request)", "has_open_request", {}],
      ["lint_text of an empty text", "lint_text", { text: "" }],
      ["lint_text of one paragraph", "lint_text", { text: paragraph }],
      ["lint_text of the whole draft", "lint_text", { text: draft }],
    ],
  );
  await t.stop();
  console.log(`IPC round trips from the window (100 of each, interleaved; ${words(draft)}-word draft):`);
  for (const [label, { times, bytes, sent }] of Object.entries(results)) {
    const sorted = [...times].sort((a, b) => a - b);
    // The web view's clock ticks in whole milliseconds; the mean sees past that.
    const mean = times.reduce((sum, ms) => sum + ms, 0) / times.length;
    console.log(`  ${label}: mean ${mean.toFixed(2)} ms, median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms (sent ${sent} B, answer ${bytes} B of JSON)`);
  }
}

/**
 * Milliseconds from the app process's start to a start-up milestone the
 * window marked (`window.dateline.milestones`): launch time without the
 * WebDriver session's own set-up. The start is read from /proc in clock
 * ticks (10 ms).
 */
async function sinceProcessStart(t, milestone) {
  await t.browser.waitUntil(async () => (await t.browser.execute(() => window.dateline.milestones()))[milestone] !== undefined, { timeout: 10_000 });
  const reachedMs = (await t.browser.execute(() => window.dateline.milestones()))[milestone];
  const pid = spawnSync("pgrep", ["-f", "-n", appBinary], { encoding: "utf8" }).stdout.trim();
  // Field 22 of /proc/PID/stat, after the parenthesised command name.
  const startTicks = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19]);
  const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim());
  const bootMs = Date.now() - Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * 1000;
  return reachedMs - (bootMs + (startTicks / ticksPerSecond) * 1000);
}

/** Writes `count` drafts (corpus texts with their own headlines) in 100 subfolders. */
function generateFolder(t, count) {
  const texts = readdirSync(corpus).filter((f) => f.endsWith(".md")).sort().map((f) => readFileSync(join(corpus, f), "utf8"));
  const root = t.draftsFolder({});
  for (let i = 0; i < count; i++) {
    const dir = join(root, `team-${String(i % 100).padStart(2, "0")}`);
    if (i < 100) mkdirSync(dir);
    writeFileSync(join(dir, `draft-${String(i).padStart(5, "0")}.md`), `# Draft ${i}: ${texts[i % texts.length].replace(/^# /, "")}`);
  }
  return root;
}

/**
 * Memory of the app and every process under it (the web view's), in MB:
 * proportional set size, so libraries the processes share count once.
 */
function appMemory() {
  const app = spawnSync("pgrep", ["-f", "-o", appBinary], { encoding: "utf8" }).stdout.trim();
  const pids = [app];
  for (let i = 0; i < pids.length; i++) {
    pids.push(...spawnSync("pgrep", ["-P", pids[i]], { encoding: "utf8" }).stdout.split("\n").filter(Boolean));
  }
  const parts = pids.map((pid) => {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    return { name, pss: Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024, rss: Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024 };
  });
  return { pss: parts.reduce((sum, p) => sum + p.pss, 0), parts };
}

async function benchFolder(count) {
  const t = new Harness();
  const root = generateFolder(t, count);
  await t.startDriver();
  const opens = [];
  const ownOpens = [];
  for (let i = 0; i < 2; i++) {
    const begin = performance.now();
    await t.launch([root]);
    await (await t.$("draft-item")).waitForExist({ timeout: 60_000 });
    opens.push(performance.now() - begin);
    ownOpens.push(await sinceProcessStart(t, "drafts-listed"));
    if (i === 0) await t.quit();
  }
  const search = await t.$("search");
  await search.click();
  const begin = performance.now();
  await search.addValue("ten minut");
  await (await t.$("search-hit")).waitForExist({ timeout: 10_000 });
  const searchMs = performance.now() - begin;
  await t.browser.keys(["Escape"]);
  const edited = (await t.listedDrafts())[0];
  await t.openDraft(edited);
  await t.waitForStatus("saved");
  const edits = [];
  for (let i = 0; i < 5; i++) {
    const marker = `Outside edit ${i}`;
    const start = performance.now();
    writeFileSync(join(root, edited), `# ${marker}\n\nCustomers see it at once.\n`);
    await t.browser.waitUntil(async () => (await t.editorDoc()).includes(marker), { timeout: 10_000, interval: 10 });
    edits.push(performance.now() - start);
  }
  const memory = appMemory();
  await new Promise((r) => setTimeout(r, 30_000)); // the web view collects its garbage when idle
  const idle = appMemory();
  await t.stop();
  edits.sort((a, b) => a - b);
  console.log(`${count} drafts: launch to listed, first open ${(opens[0] / 1000).toFixed(2)} s, later open ${(opens[1] / 1000).toFixed(2)} s (incl. WebDriver session start); from the app process's start: first ${(ownOpens[0] / 1000).toFixed(2)} s, later ${(ownOpens[1] / 1000).toFixed(2)} s`);
  console.log(`search as you type, keys to first hit shown: ${searchMs.toFixed(0)} ms (incl. ${"ten minut".length} WebDriver key events)`);
  console.log(`outside edit to the open editor (5 edits): median ${percentile(edits, 50).toFixed(0)} ms, max ${edits.at(-1).toFixed(0)} ms`);
  const detail = memory.parts.map((p) => `${p.name} ${p.pss.toFixed(0)} (RSS ${p.rss.toFixed(0)})`).join(", ");
  console.log(`memory of the app and its web view with the folder open, right after the edits: ${memory.pss.toFixed(0)} MB proportional set size [${detail}]; after 30 s idle: ${idle.pss.toFixed(0)} MB`);
}

/** Clicks Review and waits, in the page, for both panes and the summary; then closes it. */
async function timeReviewOpen(t) {
  const ms = await t.browser.executeAsync((done) => {
    const summary = document.querySelector('[data-testid="review-summary"]');
    if (summary) summary.textContent = "";
    const start = performance.now();
    document.querySelector('[data-testid="review-open"]').click();
    const painted = () => {
      const shown = document.querySelector('[data-testid="review"]:not([hidden])');
      const text = document.querySelector('[data-testid="review-summary"]')?.textContent;
      const lines = document.querySelector('[data-testid="review-pane-new"] .cm-line');
      if (shown && text && lines) requestAnimationFrame(() => done(performance.now() - start));
      else setTimeout(painted, 1);
    };
    painted();
  });
  await (await t.$("review-close")).click();
  return ms;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
