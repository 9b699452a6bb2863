// A modal question inside the window (the web view has no dialog
// permission): resolves with the chosen value, or `cancel` on Escape.
import { h } from "./dom";

export interface Choice<T extends string> {
  value: T;
  label: string;
  testid: string;
  primary?: boolean;
}

export interface Question<T extends string> {
  title: string;
  body: (string | Node)[];
  choices: Choice<T>[];
  cancel: T;
  testid: string;
}

export function ask<T extends string>(question: Question<T>): Promise<T> {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "modal", "data-testid": question.testid, "aria-labelledby": "modal-title" });
    const finish = (value: T) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const buttons = question.choices.map((choice) =>
      h("button", { class: choice.primary ? "primary" : "", "data-testid": choice.testid, onclick: () => finish(choice.value) }, choice.label),
    );
    dialog.append(
      h("h2", { id: "modal-title" }, question.title),
      h("div", { class: "modal-body" }, ...question.body),
      h("div", { class: "modal-actions" }, ...buttons),
    );
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(question.cancel);
    });
    document.body.append(dialog);
    dialog.showModal();
    (buttons.find((_, i) => question.choices[i].primary) ?? buttons[0])?.focus();
  });
}

/** Asks for one line of text; resolves with it, or null when cancelled. */
export function askText(
  title: string,
  label: string,
  initial: string,
  testid: string,
  okLabel = "Create",
  /** An empty answer counts (a suggested deletion); otherwise OK needs text. */
  allowEmpty = false,
): Promise<string | null> {
  return new Promise((resolve) => {
    const input = h("input", { type: "text", value: initial, "data-testid": `${testid}-input`, "aria-label": label, spellcheck: "false" });
    const form = h("form", { method: "dialog" });
    const dialog = h("dialog", { class: "modal", "data-testid": testid });
    const finish = (value: string | null) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (allowEmpty || input.value.trim()) finish(allowEmpty ? input.value : input.value.trim());
    });
    form.append(
      h("h2", {}, title),
      h("label", { class: "modal-body" }, label, input),
      h(
        "div",
        { class: "modal-actions" },
        h("button", { type: "button", "data-testid": `${testid}-cancel`, onclick: () => finish(null) }, "Cancel"),
        h("button", { type: "submit", class: "primary", "data-testid": `${testid}-ok` }, okLabel),
      ),
    );
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(null);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    input.select();
  });
}
