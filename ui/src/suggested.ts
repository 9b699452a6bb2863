// Reviewers' suggested edits shown in the author's editor: the text a
// suggestion would remove struck through, what it would insert shown after
// it, both in the reviewer's colour with their name. Nothing here changes
// the text; accepting is an ordinary edit (flows/suggestions.ts).
import { StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, WidgetType } from "@codemirror/view";
import type { SuggestionRow } from "./bindings";

/** Reviewers are told apart by one of these colours (styles.css: .sg-0 … .sg-3). */
const COLOURS = 4;

/** A reviewer's colour, the same on every machine for the same reviewer. */
export function reviewerColour(reviewer: string): number {
  let hash = 0;
  for (const ch of reviewer) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % COLOURS;
}

class Inserted extends WidgetType {
  constructor(
    private readonly text: string,
    private readonly colour: number,
    private readonly author: string,
  ) {
    super();
  }
  eq(other: Inserted): boolean {
    return other.text === this.text && other.colour === this.colour && other.author === this.author;
  }
  toDOM(): HTMLElement {
    const el = document.createElement("ins");
    el.className = `sg-ins sg-${this.colour}`;
    el.textContent = this.text;
    el.title = `Suggested by ${this.author}`;
    return el;
  }
}

/** The marks of the open suggestions, placed at their anchors in the editor's text. */
function marksOf(rows: SuggestionRow[], length: number): DecorationSet {
  const ranges = [];
  for (const row of rows) {
    if (row.status !== "open" || !row.anchor || row.anchor.to > length) continue;
    const colour = reviewerColour(row.reviewer);
    const { from, to } = row.anchor;
    if (to > from) {
      ranges.push(Decoration.mark({ class: `sg-del sg-${colour}`, attributes: { title: `${row.author} suggests ${row.after ? "replacing" : "removing"} this` } }).range(from, to));
    }
    if (row.after) ranges.push(Decoration.widget({ widget: new Inserted(row.after, colour, row.author), side: 1 }).range(to));
  }
  return Decoration.set(ranges, true);
}

export const setSuggestions = StateEffect.define<SuggestionRow[]>();

const suggestionField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) if (effect.is(setSuggestions)) next = marksOf(effect.value, tr.state.doc.length);
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const suggestionMarks: Extension = suggestionField;
