// The "Change part" control of an outline entry: a button that unfolds the
// parts under the entry, in the panel's flow (a floating menu would be
// clipped by the scrolling panel); one click on a part assigns it.
import { h } from "./dom";
import { PARTS } from "./markers";

export interface PartChooser {
  button: HTMLButtonElement;
  choices: HTMLElement;
}

let count = 0;
/** Closes the chooser open now: one at a time keeps the outline readable. */
let closeOpen: (() => void) | null = null;

/** `name` says what changes ("Problem “It hurts”"); `current` is shown pressed. */
export function partChooser(name: string, current: string | null, pick: (part: string) => void): PartChooser {
  const id = `part-choices-${++count}`;
  const choices = h("div", { id, class: "part-choices", role: "group", "aria-label": `Parts for ${name}`, "data-testid": "part-choices", hidden: true });
  const button = h("button", { class: "part-change", "aria-expanded": "false", "aria-controls": id, "aria-label": `Change part: ${name}`, "data-testid": "outline-change-part" }, "Change part");
  const close = () => setOpen(false);
  const setOpen = (open: boolean) => {
    if (open) {
      closeOpen?.();
      closeOpen = close;
    } else if (closeOpen === close) closeOpen = null;
    choices.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  const options = () =>
    PARTS.map((p) =>
      choice(p.id, p.label, p.id === current, () => {
        close();
        pick(p.id);
      }),
    );
  button.addEventListener("click", (event) => {
    // Built on first use: a long FAQ has dozens of entries.
    if (!choices.firstChild) choices.append(...options());
    setOpen(choices.hidden);
    // Opened from the keyboard (no pointer click): go to the parts.
    if (!choices.hidden && event.detail === 0) (choices.querySelector<HTMLElement>('[aria-pressed="true"]') ?? choices.querySelector("button"))?.focus();
  });
  choices.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    close();
    button.focus();
  });
  return { button, choices };
}

function choice(part: string, label: string, pressed: boolean, onclick: () => void): HTMLElement {
  return h("button", { class: "part-choice", "data-testid": "part-option", "data-part": part, "aria-pressed": String(pressed), onclick }, label);
}
