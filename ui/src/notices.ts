// Messages above the editor: what went wrong and what the user can do
// about it, with optional action buttons. Errors stay until dismissed.
import { h } from "./dom";

export type NoticeKind = "error" | "warning" | "info" | "success";

export interface NoticeAction {
  label: string;
  testid: string;
  run(): void;
}

export class Notices {
  constructor(private readonly container: HTMLElement) {}

  show(kind: NoticeKind, text: string, actions: NoticeAction[] = [], key?: string): HTMLElement {
    if (key) this.dismiss(key);
    const notice = h("div", { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status", "data-testid": "notice", "data-kind": kind, "data-key": key });
    const close = () => notice.remove();
    const buttons = actions.map((action) =>
      h("button", { "data-testid": action.testid, onclick: () => (close(), action.run()) }, action.label),
    );
    notice.append(
      h("p", {}, text),
      ...buttons,
      h("button", { class: "notice-close", "aria-label": "Dismiss", title: "Dismiss", "data-testid": "notice-dismiss", onclick: close }, "×"),
    );
    this.container.append(notice);
    if (kind === "success" || kind === "info") setTimeout(close, 6000);
    return notice;
  }

  /** Removes the notice shown under `key`, if any. */
  dismiss(key: string): void {
    for (const el of this.container.querySelectorAll<HTMLElement>("[data-key]")) {
      if (el.dataset.key === key) el.remove();
    }
  }
}
