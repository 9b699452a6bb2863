// Tells a screen reader what changed in the findings once typing pauses
// ("2 new problems: jargon, long sentence"), through a polite live region:
// read out between her sentences, never over them, and never per keystroke.
import { fill, h } from "./dom";

/** Typing has paused when no new report came for this long. */
const PAUSE_MS = 1200;

/** Each rule id counted as often as it is found. */
function counts(rules: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const rule of rules) out.set(rule, (out.get(rule) ?? 0) + 1);
  return out;
}

/** The findings in `after` that `before` did not have, each rule as often as it is new. */
function added(before: string[], after: string[]): string[] {
  const had = counts(before);
  const out: string[] = [];
  for (const rule of after) {
    const left = had.get(rule) ?? 0;
    if (left > 0) had.set(rule, left - 1);
    else out.push(rule);
  }
  return out;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What changed between two reports' findings, as a sentence; null when nothing did. */
export function describeChange(before: string[], after: string[]): string | null {
  const fresh = added(before, after);
  const fixed = added(after, before).length;
  const parts: string[] = [];
  if (fresh.length > 0) {
    const names = [...new Set(fresh)].map((rule) => rule.replace(/-/g, " "));
    parts.push(`${plural(fresh.length, "new problem", "new problems")}: ${names.join(", ")}`);
  }
  if (fixed > 0) parts.push(`${plural(fixed, "problem", "problems")} fixed`);
  return parts.length > 0 ? `${parts.join("; ")}.` : null;
}

/**
 * A polite live region for a screen reader. A log, not a status: WebKitGTK
 * tells AT-SPI of an element added to a log but of no change inside a
 * status, so a status region was never heard on Linux. Write to it with `say`.
 */
export function liveLog(attrs: { class?: string; "data-testid": string }): HTMLElement {
  return h("div", { class: "sr-only", ...attrs, role: "log", "aria-live": "polite" });
}

/** Puts `message` in a live log as a new element (what the log reports), replacing the last. */
export function say(log: HTMLElement, ...message: (Node | string)[]): void {
  fill(log, h("div", {}, ...message));
}

export class Announcer {
  readonly el = liveLog({ "data-testid": "announcer" });
  private announced: string[] = [];
  private pending: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** A draft just opened: its findings are the baseline, not news. */
  reset(rules: string[]): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.announced = rules;
    this.pending = rules;
    this.el.textContent = "";
  }

  /** A new report while she types; announced once she pauses. */
  report(rules: string[]): void {
    this.pending = rules;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.announce(), PAUSE_MS);
  }

  private announce(): void {
    this.timer = null;
    const message = describeChange(this.announced, this.pending);
    this.announced = this.pending;
    if (message) say(this.el, message);
  }
}
