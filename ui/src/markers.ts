// The author's part markers: `<!-- dateline: problem -->` on its own line
// before a block makes the lint take that block (for a heading: the heading
// and what is under it) as the part named. Pure text logic: the Outline
// panel turns its answers into ordinary editor changes, so Ctrl+Z undoes a
// correction like any typing.

export interface Part {
  id: string;
  label: string;
}

/** What the author can assign, in press-release order; `other` is no part of the release. */
export const PARTS: readonly Part[] = [
  { id: "headline", label: "Headline" },
  { id: "subheading", label: "Subheading" },
  { id: "summary", label: "Summary" },
  { id: "problem", label: "Problem" },
  { id: "solution", label: "Solution" },
  { id: "leader-quote", label: "Leader quote" },
  { id: "getting-started", label: "How to get started" },
  { id: "customer-quote", label: "Customer quote" },
  { id: "call-to-action", label: "Call to action" },
  { id: "external-faq", label: "External FAQ" },
  { id: "internal-faq", label: "Internal FAQ" },
  { id: "other", label: "Not a part" },
];

/** Every id the lint reads in a marker ("faq" too, though the menu offers the two audiences). */
const KNOWN = new Set([...PARTS.map((p) => p.id), "faq"]);

export function partLabel(id: string): string {
  return PARTS.find((p) => p.id === id)?.label ?? (id === "faq" ? "FAQ" : id);
}

/** A marker line and the block it applies to. */
export interface Marker {
  part: string;
  /** The marker's line: its start, its end, and past its line break. */
  from: number;
  end: number;
  to: number;
  /** The line of the block it applies to (its start and end) and that line's text. */
  target: number;
  targetEnd: number;
  block: string;
}

/** One edit of the editor text, in its positions (UTF-16, as CodeMirror counts). */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

interface Line {
  from: number;
  end: number;
  text: string;
}

// A block quote's `>` prefixes are kept, so a marker inside a quoted body
// stays inside the quote.
const QUOTE = /^(?: {0,3}> ?)*/;
const MARKER = /^(?: {0,3}> ?)* {0,3}<!--\s*dateline:([^\n]*?)-->\s*$/;
const COMMENT = /^(?: {0,3}> ?)* {0,3}<!--.*-->\s*$/;
const BLANK = /^[\s>]*$/;
const FENCE = /^(?: {0,3}> ?)* {0,3}(?:```|~~~)/;
const HEADING = /^(?: {0,3}> ?)* {0,3}(?:#{1,6}(?:\s|$)|=+\s*$|-+\s*$)/;

/** The line text that assigns `part`, with the block's quote prefix. */
export function markerText(part: string, prefix = ""): string {
  return `${prefix}<!-- dateline: ${part} -->`;
}

/** The part a marker line names, as the lint reads it ("leader quote" → leader-quote), or null. */
export function markerPart(line: string): string | null {
  const name = MARKER.exec(line)?.[1];
  if (name === undefined) return null;
  const id = name.trim().toLowerCase().replace(/[ _]/g, "-");
  if (id === "none" || id === "not-a-part") return "other";
  return KNOWN.has(id) ? id : null;
}

/** Every marker outside code blocks, in text order. */
export function findMarkers(text: string): Marker[] {
  if (!text.includes("dateline:")) return [];
  const all = lines(text);
  const found: Marker[] = [];
  let fenced = false;
  all.forEach((line, i) => {
    if (FENCE.test(line.text)) fenced = !fenced;
    const part = fenced ? null : markerPart(line.text);
    if (part !== null) found.push(marker(text, all, i, part));
  });
  return found;
}

/**
 * The markers that apply to the block whose first line holds `pos` (the
 * last one is the one the lint uses); at the end of the text, also those
 * with no block after them.
 */
export function markersAt(text: string, pos: number): Marker[] {
  const at = lineStart(text, pos);
  return findMarkers(text).filter((m) => m.target === at || m.target === pos);
}

/**
 * Marks the block at `pos` as `part`: the marker already there is replaced
 * (any other one for the block removed), else one is written on its own line
 * above the block and above the comments right over it, so a
 * `dateline-disable-next-line` comment still precedes its line.
 */
export function assignPart(text: string, pos: number, part: string): TextChange[] {
  const existing = markersAt(text, pos);
  const last = existing[existing.length - 1];
  if (!last) {
    const at = insertionPoint(text, lineStart(text, pos));
    return [{ from: at, to: at, insert: `${markerText(part, quotePrefix(text, pos))}\n` }];
  }
  if (existing.length === 1 && last.part === part) return [];
  return existing.map((m) =>
    m === last ? { from: m.from, to: m.end, insert: markerText(part, QUOTE.exec(text.slice(m.from, m.end))?.[0]) } : removal(m),
  );
}

/** Removes the markers of the block at `pos`, giving it back to the lint's own reading. */
export function removeMarker(text: string, pos: number): TextChange[] {
  return markersAt(text, pos).map(removal);
}

/**
 * The start of the block (paragraph, list, quote, heading line) holding
 * `pos`, for marking the text under the cursor; null on an empty or
 * comment line, which belongs to no block.
 */
export function blockStart(text: string, pos: number): number | null {
  let from = lineStart(text, pos);
  const line = lineText(text, from);
  if (BLANK.test(line) || COMMENT.test(line)) return null;
  if (HEADING.test(line)) return from;
  while (from > 0) {
    const above = lineStart(text, from - 1);
    const t = lineText(text, above);
    if (BLANK.test(t) || HEADING.test(t) || COMMENT.test(t) || FENCE.test(t)) break;
    from = above;
  }
  return from;
}

function marker(text: string, all: Line[], i: number, part: string): Marker {
  const line = all[i];
  const next = all.slice(i + 1).find((l) => !COMMENT.test(l.text) && !BLANK.test(l.text));
  return {
    part,
    from: line.from,
    end: line.end,
    to: Math.min(line.end + 1, text.length),
    target: next?.from ?? text.length,
    targetEnd: next?.end ?? text.length,
    block: next?.text ?? "",
  };
}

/** The start of the run of comment lines right above the line at `at` (or `at`). */
function insertionPoint(text: string, at: number): number {
  while (at > 0) {
    const above = lineStart(text, at - 1);
    if (!COMMENT.test(lineText(text, above))) break;
    at = above;
  }
  return at;
}

/** A marker's line taken out; the last line of the text takes the line break before it instead. */
function removal(m: Marker): TextChange {
  if (m.to > m.end || m.from === 0) return { from: m.from, to: m.to, insert: "" };
  return { from: m.from - 1, to: m.end, insert: "" };
}

function quotePrefix(text: string, pos: number): string {
  return QUOTE.exec(lineText(text, lineStart(text, pos)))?.[0] ?? "";
}

function lineStart(text: string, pos: number): number {
  return pos <= 0 ? 0 : text.lastIndexOf("\n", pos - 1) + 1;
}

function lineText(text: string, from: number): string {
  const end = text.indexOf("\n", from);
  return text.slice(from, end < 0 ? text.length : end);
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let from = 0;
  for (const t of text.split("\n")) {
    out.push({ from, end: from + t.length, text: t });
    from += t.length + 1;
  }
  return out;
}
