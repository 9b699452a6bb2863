// Start-up milestones, each marked once when first painted. The end-to-end
// benchmark reads them to time launch → list and launch → diagnostics from
// the app process's own start, without the WebDriver session's set-up.

export type Milestone = "drafts-listed" | "diagnostics-painted";

const reached = new Set<Milestone>();

export function milestone(name: Milestone): void {
  if (reached.has(name)) return;
  reached.add(name);
  requestAnimationFrame(() => performance.mark(name));
}

/** When each milestone reached so far was painted, in ms since the epoch. */
export function milestones(): Partial<Record<Milestone, number>> {
  const times: Partial<Record<Milestone, number>> = {};
  for (const name of reached) {
    const mark = performance.getEntriesByName(name, "mark")[0];
    if (mark) times[name] = performance.timeOrigin + mark.startTime;
  }
  return times;
}
