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

/** One line of text a dialog asks for. */
export interface Field {
  label: string;
  initial?: string;
  /** The data-testid's suffix: `${dialog}-${suffix}`. */
  suffix: string;
  /** An empty answer counts (a suggested deletion, an optional note). */
  optional?: boolean;
}

/**
 * Asks for a few lines of text in one dialog; resolves with the answers in
 * order (required ones trimmed), or null when cancelled. OK does nothing
 * while a required field is empty.
 */
export function askFields(title: string, fields: Field[], testid: string, okLabel: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    const inputs = fields.map((f) =>
      h("input", { type: "text", value: f.initial ?? "", "data-testid": `${testid}-${f.suffix}`, "aria-label": f.label, spellcheck: "false" }),
    );
    const form = h("form", { method: "dialog" });
    const dialog = h("dialog", { class: "modal", "data-testid": testid });
    const finish = (value: string[] | null) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (fields.some((f, i) => !f.optional && !inputs[i].value.trim())) return;
      finish(fields.map((f, i) => (f.optional ? inputs[i].value : inputs[i].value.trim())));
    });
    form.append(
      h("h2", {}, title),
      ...fields.map((f, i) => h("label", { class: "modal-body" }, f.label, inputs[i])),
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
    inputs[0]?.select();
  });
}

/** Asks for one line of text; resolves with it, or null when cancelled. */
export async function askText(
  title: string,
  label: string,
  initial: string,
  testid: string,
  okLabel = "Create",
  /** An empty answer counts (a suggested deletion); otherwise OK needs text. */
  allowEmpty = false,
): Promise<string | null> {
  const answers = await askFields(title, [{ label, initial, suffix: "input", optional: allowEmpty }], testid, okLabel);
  return answers?.[0] ?? null;
}
