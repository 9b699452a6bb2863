// The "Suggest an edit" dialog, the same from review mode and from the
// editor: the new wording (prefilled with the selected text) and a note.
import { askFields } from "./dialog";

/** Text shortened to one line for a dialog label. */
export function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 60 ? `${one.slice(0, 60)}…` : one;
}

/** Asks what should stand in place of `before` (empty: an insertion); null when she cancels or changes nothing. */
export async function askSuggestion(before: string): Promise<{ after: string; note: string } | null> {
  const label = before ? `Replace “${clip(before)}” with (leave empty to remove it)` : "Insert at the cursor";
  const answers = await askFields(
    "Suggest an edit",
    [
      { label, initial: before, suffix: "input", optional: true },
      { label: "Note for the author (optional)", suffix: "note", optional: true },
    ],
    "suggest-dialog",
    "Suggest",
  );
  if (answers === null || answers[0] === before) return null;
  return { after: answers[0], note: answers[1].trim() };
}
