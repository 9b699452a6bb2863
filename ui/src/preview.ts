// The rendered preview beside the editor. The HTML comes from the backend
// already sanitized (ammonia: no scripts, handlers, frames, forms, styles,
// remote images); the CSP forbids inline script besides. This is the one
// place the UI inserts HTML.
import { commands } from "./bindings";
import { h } from "./dom";
import { call } from "./ipc";

export class Preview {
  readonly el = h("article", { class: "preview", "data-testid": "preview", "aria-label": "Preview" });
  private pending: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;

  get visible(): boolean {
    return !this.el.hidden;
  }

  constructor() {
    this.el.hidden = true;
  }

  show(visible: boolean, text: string): void {
    this.el.hidden = !visible;
    if (visible) this.render(text);
  }

  /** Re-renders shortly after typing pauses, only while shown. */
  update(text: string): void {
    if (!this.visible) return;
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => this.render(text), 120);
  }

  private async render(text: string): Promise<void> {
    const generation = ++this.generation;
    const html = await call(commands.renderPreview(text));
    if (generation !== this.generation) return; // a newer render is on its way
    this.el.innerHTML = html;
    this.el.dataset.rendered = String(generation);
  }
}
