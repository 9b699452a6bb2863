// Merging someone else's version into the unsaved text: the backend's
// three-way merge arrives as chunks; where both changed the same lines the
// user sees both side by side and chooses. The result is built here (UTF-16
// positions, as the editor counts) and goes into the editor as an edit she
// can undo; nothing is written until she saves.
import type { MergeChunk, MergeView } from "./bindings";
import { h } from "./dom";
import type { Span } from "./editor";

export type MergeChoice = "ours" | "theirs" | "both";

export interface MergedText {
  text: string;
  /** Spans of the result that came from the other version. */
  incoming: Span[];
}

/** The merged text for the given choices (one per conflict, in order; missing ones keep "ours"). */
export function resolveMerge(chunks: MergeChunk[], choices: MergeChoice[]): MergedText {
  let text = "";
  const incoming: Span[] = [];
  const push = (part: string, fromTheirs: boolean) => {
    if (fromTheirs && part.length > 0) incoming.push({ from: text.length, to: text.length + part.length });
    text += part;
  };
  let conflict = 0;
  for (const chunk of chunks) {
    if (chunk.kind === "clean") {
      push(chunk.text, chunk.incoming);
      continue;
    }
    const choice = choices[conflict++] ?? "ours";
    if (choice !== "theirs") push(chunk.ours, false);
    // Both: theirs starts on a line of its own.
    if (choice === "both" && chunk.ours !== "" && !chunk.ours.endsWith("\n")) push("\n", false);
    if (choice !== "ours") push(chunk.theirs, true);
  }
  return { text, incoming };
}

/** Lines kept around a conflict so the user sees where it is. */
const CONTEXT_LINES = 2;

/** Shows the conflicts side by side; resolves with the choices, or null when cancelled. */
export function askMerge(merge: MergeView, draftName: string): Promise<MergeChoice[] | null> {
  return new Promise((resolve) => {
    const choices: MergeChoice[] = [];
    const dialog = h("dialog", { class: "modal merge", "data-testid": "merge-dialog", "aria-labelledby": "merge-title" });
    const finish = (value: MergeChoice[] | null) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const body = h("div", { class: "merge-body" });
    merge.chunks.forEach((chunk, i) => {
      if (chunk.kind === "clean") {
        const context = cleanContext(chunk.text, i > 0, i < merge.chunks.length - 1);
        if (context) body.append(h("pre", { class: chunk.incoming ? "merge-context incoming" : "merge-context" }, context));
        return;
      }
      const index = choices.length;
      choices.push("ours");
      body.append(conflictBlock(chunk, index, merge.theirsLabel, (choice) => (choices[index] = choice)));
    });
    dialog.append(
      h("h2", { id: "merge-title" }, `Both changed the same lines of “${draftName}”`),
      h(
        "p",
        { class: "modal-body" },
        `Choose what to keep where your unsaved text and the version ${merge.theirsLabel} differ (${merge.conflicts} ${merge.conflicts === 1 ? "place" : "places"}). Both versions are already in the draft's history.`,
      ),
      body,
      h(
        "div",
        { class: "modal-actions" },
        h("button", { "data-testid": "merge-cancel", onclick: () => finish(null) }, "Keep only my text"),
        h("button", { class: "primary", "data-testid": "merge-apply", onclick: () => finish(choices) }, "Apply"),
      ),
    );
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

function conflictBlock(
  chunk: Extract<MergeChunk, { kind: "conflict" }>,
  index: number,
  theirsLabel: string,
  choose: (choice: MergeChoice) => void,
): HTMLElement {
  const name = `merge-${index}`;
  const option = (value: MergeChoice, label: string, checked: boolean) =>
    h(
      "label",
      { class: "merge-option" },
      h("input", { type: "radio", name, value, checked, "data-testid": `merge-choice-${value}`, onchange: () => choose(value) }),
      label,
    );
  return h(
    "section",
    { class: "merge-conflict", "data-testid": "merge-conflict" },
    h(
      "div",
      { class: "merge-sides" },
      h("div", { class: "merge-side" }, h("h3", {}, "Your text"), h("pre", { "data-testid": "merge-ours" }, chunk.ours || "(nothing)")),
      h("div", { class: "merge-side theirs" }, h("h3", {}, `The version ${theirsLabel}`), h("pre", { "data-testid": "merge-theirs" }, chunk.theirs || "(nothing)")),
    ),
    h("div", { class: "merge-options", role: "radiogroup" }, option("ours", "Keep mine", true), option("theirs", "Keep theirs", false), option("both", "Keep both", false)),
  );
}

/** The last lines before a conflict and the first after it. */
function cleanContext(text: string, afterConflict: boolean, beforeConflict: boolean): string {
  const lines = text.replace(/\n$/, "").split("\n");
  if (lines.length <= CONTEXT_LINES * 2 + 1) return text.replace(/\n$/, "");
  const head = afterConflict ? lines.slice(0, CONTEXT_LINES) : [];
  const tail = beforeConflict ? lines.slice(-CONTEXT_LINES) : [];
  return [...head, "⋯", ...tail].join("\n");
}
