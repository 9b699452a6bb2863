// The CodeMirror 6 editor: Markdown, soft-wrapped prose, undo history per
// draft, and Mod-S wired to the app's save.
import { EditorState, type Extension, type Text } from "@codemirror/state";
import { EditorView, keymap, drawSelection, highlightActiveLine, dropCursor } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { syntaxHighlighting, HighlightStyle, bracketMatching } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";

// Prose, not code: headings set larger, emphasis as emphasis, Markdown's
// punctuation muted so the words stand out.
export const proseHighlight = HighlightStyle.define([
  { tag: tags.heading1, fontSize: "1.5em", fontWeight: "700", lineHeight: "1.3" },
  { tag: tags.heading2, fontSize: "1.2em", fontWeight: "650" },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: "650" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.quote, fontStyle: "italic", color: "var(--muted)" },
  { tag: [tags.link, tags.url], color: "var(--accent)" },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], color: "var(--muted)" },
  { tag: tags.monospace, fontFamily: "var(--mono)", fontSize: "0.9em" },
  { tag: tags.comment, color: "var(--muted)" },
]);

export interface EditorCallbacks {
  /** Called after every change of the document. */
  onChange(doc: Text): void;
  /** Mod-S inside the editor. */
  onSave(): void;
}

export interface EditorHandle {
  /** Shows a new draft, with a fresh undo history. */
  load(text: string, readOnly: boolean): void;
  doc(): Text;
  focus(): void;
  readonly view: EditorView;
}

/** `extra` (live lint) is part of every draft's editor state. */
export function createEditor(parent: HTMLElement, callbacks: EditorCallbacks, extra: Extension[] = []): EditorHandle {
  const extensions = (readOnly: boolean): Extension[] => [
    ...extra,
    history(),
    drawSelection(),
    dropCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    bracketMatching(),
    markdown(),
    syntaxHighlighting(proseHighlight),
    EditorView.lineWrapping,
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of({ "data-testid": "editor-content", spellcheck: "true", "aria-label": "Draft text" }),
    keymap.of([
      { key: "Mod-s", preventDefault: true, run: () => (callbacks.onSave(), true) },
      ...defaultKeymap,
      ...historyKeymap,
      ...searchKeymap,
      indentWithTab,
    ]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) callbacks.onChange(update.state.doc);
    }),
  ];

  const view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions: extensions(true) }) });

  return {
    view,
    load(text, readOnly) {
      view.setState(EditorState.create({ doc: text, extensions: extensions(readOnly) }));
      view.scrollDOM.scrollTop = 0;
    },
    doc: () => view.state.doc,
    focus: () => view.focus(),
  };
}
