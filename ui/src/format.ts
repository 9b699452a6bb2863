// Pure formatting helpers for the lists and the status bar.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "just now", "5 min ago", "3 h ago", else a short date. */
export function formatModified(ms: number, now: number = Date.now()): string {
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(ms).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** Words as a reader counts them: runs of letters, digits and joiners. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
}

/** The title a draft shows in the list: its file name without `.md`. */
export function draftTitle(relPath: string): string {
  const name = relPath.split("/").pop() ?? relPath;
  return name.replace(/\.(md|markdown)$/i, "");
}

/** The folder part of a relative path, or "" at the root. */
export function draftFolder(relPath: string): string {
  const cut = relPath.lastIndexOf("/");
  return cut < 0 ? "" : relPath.slice(0, cut);
}

/** "2 open comments · 1 suggested edit · 1 approval · 1 change request", or null when unreviewed. */
export function reviewSummary(review: { openComments: number; openSuggestions: number; approvals: number; changeRequests: number }): string | null {
  const count = (n: number, one: string) => (n === 0 ? null : `${n} ${one}${n === 1 ? "" : "s"}`);
  const parts = [
    count(review.openComments, "open comment"),
    count(review.openSuggestions, "suggested edit"),
    count(review.approvals, "approval"),
    count(review.changeRequests, "change request"),
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.join(" · ");
}
