// The export dialog: format and paper, the page count measured on the real
// layout before anything is written, then "Export as…" (native save dialog)
// or "Export beside the draft".
import { commands, type ExportFormat, type ExportOutcome, type ExportRequest, type PaperSize } from "./bindings";
import { h, fill } from "./dom";
import { AppError, call } from "./ipc";

/** Letter in the US, Canada and the other letter countries, A4 elsewhere. */
export function defaultPaper(language: string): PaperSize {
  return /-(US|CA|MX|PH|CL|CO|VE|PR)$/i.test(language) ? "letter" : "a4";
}

/** The format a dialog choice stands for (PDF unless it says otherwise). */
export function exportFormat(value: string): ExportFormat {
  return value === "markdown" || value === "docx" ? value : "pdf";
}

export type ExportChoice = { request: ExportRequest; where: "dialog" | "beside" } | null;

/** Asks how to export; measures pages as the options change. */
export function askExport(text: string): Promise<ExportChoice> {
  return new Promise((resolve) => {
    const format = h("select", { "data-testid": "export-format" }, h("option", { value: "pdf" }, "PDF (typeset)"), h("option", { value: "markdown" }, "Markdown (normalised)"), h("option", { value: "docx" }, "Word document (.docx)"));
    const paper = h("select", { "data-testid": "export-paper" }, h("option", { value: "a4" }, "A4"), h("option", { value: "letter" }, "US Letter"));
    paper.value = defaultPaper(navigator.language);
    const labels = h("input", { type: "checkbox", "data-testid": "export-labels" });
    const strip = h("input", { type: "checkbox", "data-testid": "export-strip" });
    const review = h("input", { type: "checkbox", "data-testid": "export-review" });
    const wrap = h("input", { type: "number", min: "20", max: "200", placeholder: "no", "data-testid": "export-wrap", "aria-label": "Wrap Markdown at this many columns", class: "export-wrap" });
    const pages = h("p", { class: "export-pages", "data-testid": "export-pages", "aria-live": "polite" });
    const dialog = h("dialog", { class: "modal export-dialog", "data-testid": "export-dialog" });
    const request = (): ExportRequest => ({
      format: exportFormat(format.value),
      paper: paper.value === "letter" ? "letter" : "a4",
      showLabels: labels.checked,
      stripFrontMatter: strip.checked,
      wrap: wrapColumns(wrap.value),
      includeReview: review.checked,
    });
    const finish = (choice: ExportChoice) => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
    const measure = () => void showPages(pages, text, request());
    for (const input of [format, paper, labels, strip, review]) input.addEventListener("change", measure);
    dialog.append(
      h("h2", {}, "Export"),
      h(
        "div",
        { class: "modal-body export-options" },
        h("label", {}, "Format ", format),
        h("label", {}, "Paper ", paper),
        h("label", {}, labels, " Show the press release's section labels"),
        h("label", {}, review, " Add the review: open comments, verdicts and the lint summary"),
        h("label", {}, strip, " Leave out the front matter (Markdown)"),
        h("label", {}, "Wrap Markdown at ", wrap, " columns (empty: one line per paragraph)"),
        pages,
      ),
      h(
        "div",
        { class: "modal-actions" },
        h("button", { "data-testid": "export-cancel", onclick: () => finish(null) }, "Cancel"),
        h("button", { "data-testid": "export-beside", onclick: () => finish({ request: request(), where: "beside" }) }, "Export beside the draft"),
        h("button", { class: "primary", "data-testid": "export-save-as", onclick: () => finish({ request: request(), where: "dialog" }) }, "Export as…"),
      ),
    );
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    measure();
  });
}

/** The wrap width typed in the dialog; empty or out of range means no wrapping. */
export function wrapColumns(value: string): number | null {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 20 && n <= 200 ? n : null;
}

async function showPages(el: HTMLElement, text: string, request: ExportRequest): Promise<void> {
  if (request.format !== "pdf") return fill(el);
  fill(el, "Measuring pages…");
  try {
    const count = await call(commands.countExportPages(text, request));
    fill(
      el,
      h("span", {}, `${count.pages} page${count.pages === 1 ? "" : "s"}: press release ${count.releasePages.toFixed(1)}, FAQ ${count.faqPages}.`),
      ...count.warnings.map((w) => h("span", { class: "export-warning", "data-testid": "export-warning" }, w)),
    );
  } catch (err) {
    fill(el, h("span", { class: "export-warning" }, AppError.from(err).message));
  }
}

/** Runs the chosen export; null when the save dialog was cancelled. */
export async function runExport(draftId: number, text: string, choice: NonNullable<ExportChoice>): Promise<ExportOutcome | null> {
  if (choice.where === "beside") return call(commands.exportDraftBeside(draftId, text, choice.request));
  return call(commands.exportDraft(draftId, text, choice.request));
}

/** What the notice says of a finished export: where it went, its pages, and which file it kept. */
export function exportedMessage(outcome: ExportOutcome): string {
  const count = outcome.pages?.pages;
  const pages = count === undefined ? "" : ` (${count} page${count === 1 ? "" : "s"})`;
  const kept = outcome.kept ? ` “${outcome.kept}” was not written by Dateline, so it was kept.` : "";
  return `Exported to ${outcome.path}${pages}.${kept}`;
}
