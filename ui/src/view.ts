// The window's layout and how it shows the session: the folder bar, the
// drafts list, the document bar, the welcome page and the status bar.
// Buttons start flows; nothing here calls the backend.
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { Announcer } from "./announce";
import { h, fill } from "./dom";
import type { DraftList } from "./drafts";
import type { Flows, SaveStatus, Session } from "./session";
import { countWords, draftTitle } from "./format";
import type { Inspector } from "./inspector";
import type { Notices } from "./notices";
import type { Preview } from "./preview";
import type { ReviewPane } from "./review";

/** The parts the layout holds that other modules build. */
export interface ViewParts {
  announcer: Announcer;
  drafts: DraftList;
  notices: Notices;
  inspector: Inspector;
  preview: Preview;
  review: ReviewPane;
}

const SIDEBAR_KEY = "dateline.sidebar";

const STATUS_LABELS: Record<SaveStatus, string> = { none: "", saved: "Saved", edited: "Edited", saving: "Saving…", readonly: "Read-only" };

export class View {
  readonly el = {
    recentSelect: h("select", { "data-testid": "recent-folders", "aria-label": "Recent folders", title: "Recent folders" }),
    folderName: h("h2", { class: "folder-name", "data-testid": "folder-name" }),
    skipped: h("div", { class: "skipped", "data-testid": "skipped" }),
    notices: h("div", { class: "notices", "data-testid": "notices" }),
    title: h("h2", { class: "draft-title", "data-testid": "draft-title" }),
    status: h("span", { class: "save-status", "data-testid": "save-status" }),
    saveButton: h("button", { class: "primary", "data-testid": "save", title: "Save (Ctrl+S)" }, "Save"),
    exportButton: h("button", { "data-testid": "export", title: "Export to PDF, Word or Markdown (Ctrl+E)" }, "Export…"),
    previewButton: h("button", { "data-testid": "toggle-preview", title: "Show or hide the preview (Ctrl+Shift+P)", "aria-pressed": "false" }, "Preview"),
    reviewButton: h("button", { "data-testid": "review-open", title: "Compare two versions side by side and comment", "aria-pressed": "false" }, "Review"),
    workarea: h("div", { class: "workarea" }),
    editorHost: h("div", { class: "editor-host", "data-testid": "editor" }),
    welcome: h("section", { class: "welcome", "data-testid": "welcome" }),
    words: h("span", { "data-testid": "word-count" }),
    sidebarToggle: h("button", { class: "icon", "data-testid": "toggle-sidebar", "aria-controls": "drafts-sidebar", "aria-expanded": "true", "aria-label": "Hide the drafts list", title: "Hide the drafts list" }, "☰"),
    format: h("span", { "data-testid": "file-format" }),
  };
  private parts: ViewParts | null = null;

  constructor(
    private readonly session: Session,
    private readonly flows: Flows,
    /** The editor's text, for the word count. */
    private readonly text: () => string,
  ) {}

  private get p(): ViewParts {
    if (!this.parts) throw new Error("the view is not mounted yet");
    return this.parts;
  }

  /** Builds the layout into `root` around the parts. */
  mount(root: HTMLElement, parts: ViewParts): void {
    this.parts = parts;
    this.wireControls();
    const shell = h(
      "div",
      { class: "shell" },
      this.topbar(),
      h(
        "aside",
        { class: "sidebar", id: "drafts-sidebar", "data-testid": "sidebar", "aria-label": "Drafts" },
        h(
          "div",
          { class: "sidebar-head" },
          this.el.folderName,
          h("button", { class: "icon", "data-testid": "refresh", title: "Refresh the list", "aria-label": "Refresh", onclick: () => void this.flows.refresh() }, "↻"),
        ),
        parts.drafts.el,
        this.el.skipped,
      ),
      h(
        "main",
        { class: "main" },
        this.el.notices,
        parts.announcer.el,
        h("div", { class: "doc-bar" }, this.el.title, this.el.status, this.el.reviewButton, this.el.previewButton, this.el.exportButton, this.el.saveButton),
        withChildren(this.el.workarea, this.el.editorHost, parts.preview.el, this.el.welcome, parts.inspector.el),
        parts.review.element,
        h("footer", { class: "statusbar" }, this.el.words, this.el.format),
      ),
    );
    fill(root, shell);
    this.el.sidebarToggle.addEventListener("click", () => this.foldSidebar(shell, !shell.classList.contains("sidebar-collapsed")));
    this.foldSidebar(shell, localStorage.getItem(SIDEBAR_KEY) === "collapsed");
  }

  /** Folds the drafts list away (or back), for the panes' width; remembered in the web view's storage. */
  private foldSidebar(shell: HTMLElement, collapsed: boolean): void {
    shell.classList.toggle("sidebar-collapsed", collapsed);
    const label = collapsed ? "Show the drafts list" : "Hide the drafts list";
    this.el.sidebarToggle.setAttribute("aria-expanded", String(!collapsed));
    this.el.sidebarToggle.setAttribute("aria-label", label);
    this.el.sidebarToggle.title = label;
    localStorage.setItem(SIDEBAR_KEY, collapsed ? "collapsed" : "shown");
  }

  private wireControls(): void {
    const { el, flows } = this;
    el.recentSelect.addEventListener("change", () => {
      const id = Number(el.recentSelect.value);
      el.recentSelect.value = "";
      if (id) void flows.openRecent(id);
    });
    el.title.addEventListener("dblclick", () => void flows.renameDraft());
    el.saveButton.addEventListener("click", () => void flows.save());
    el.previewButton.addEventListener("click", () => flows.togglePreview());
    el.reviewButton.addEventListener("click", () => void flows.toggleReview());
    el.exportButton.addEventListener("click", () => void flows.exportDraft());
  }

  private topbar(): HTMLElement {
    return h(
      "header",
      { class: "topbar" },
      h("div", { class: "brand-row" }, this.el.sidebarToggle, h("h1", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), "Dateline")),
      h(
        "div",
        { class: "folder-controls" },
        this.el.recentSelect,
        h("button", { "data-testid": "new-draft", title: "New draft from the PR/FAQ template (Ctrl+N)", onclick: () => void this.flows.newDraft() }, "New draft"),
        h("button", { "data-testid": "import-word", title: "Import a Word document (.docx) as a new draft", onclick: () => void this.flows.importWord() }, "Import…"),
        h("button", { "data-testid": "choose-folder", title: "Choose a drafts folder (Ctrl+O)", onclick: () => void this.flows.chooseFolder() }, "Open folder…"),
      ),
    );
  }

  render(): void {
    this.renderFolders();
    this.renderListing();
    this.renderDraft();
  }

  renderFolders(): void {
    const { recent } = this.session;
    const options = recent.map((folder) =>
      h("option", { value: folder.id, title: folder.path }, folder.exists ? folder.name : `${folder.name} (missing)`),
    );
    fill(this.el.recentSelect, h("option", { value: "", disabled: true }, "Recent folders"), ...options);
    this.el.recentSelect.value = "";
    this.el.recentSelect.disabled = recent.length === 0;
  }

  renderListing(): void {
    const { listing } = this.session;
    this.el.folderName.textContent = listing ? listing.folder.name : "No folder";
    this.el.folderName.title = listing?.folder.path ?? "";
    this.el.folderName.classList.toggle("missing", listing !== null && !listing.folder.exists);
    this.p.drafts.show(listing);
    this.p.notices.dismiss("config");
    if (listing && listing.configProblems.length > 0) {
      this.p.notices.show("warning", `dateline.toml has problems; the defaults apply where it is wrong. ${listing.configProblems.join("; ")}`, [], "config");
    }
    const skipped = listing?.skipped ?? [];
    fill(
      this.el.skipped,
      skipped.length > 0 && h("p", { class: "skipped-head" }, `${skipped.length} not listed`),
      ...skipped.map((s) => h("p", { "data-testid": "skipped-item", title: s.reason }, `${s.name}: ${s.reason}`)),
    );
  }

  renderDraft(): void {
    const { draft } = this.session;
    const none = draft === null;
    this.el.editorHost.hidden = none;
    this.el.welcome.hidden = !none;
    this.p.inspector.el.hidden = none;
    this.el.previewButton.hidden = none;
    this.el.reviewButton.hidden = none;
    this.el.exportButton.hidden = none;
    // An empty heading is noise to a screen reader.
    this.el.title.hidden = none;
    if (none) this.p.preview.show(false, "");
    this.el.title.textContent = draft ? draftTitle(draft.relPath) : "";
    this.el.title.title = draft ? `${draft.relPath} (double-click or F2 to rename)` : "";
    this.el.title.dataset.relPath = draft?.relPath ?? "";
    this.el.format.textContent = draft ? `${draft.format.lineEnding.toUpperCase()}${draft.format.bom ? " · BOM" : ""} · UTF-8` : "";
    if (none) this.renderWelcome();
    this.renderStatus();
    this.p.drafts.setActive(draft?.id ?? null);
  }

  renderStatus(): void {
    const { status, draft } = this.session;
    this.el.status.textContent = STATUS_LABELS[status];
    this.el.status.dataset.status = status;
    this.el.saveButton.disabled = status !== "edited";
    this.el.saveButton.hidden = draft === null;
    this.renderWordCount();
    const name = draft ? draftTitle(draft.relPath) : null;
    const title = name ? `${status === "edited" ? "● " : ""}${name} — Dateline` : "Dateline";
    document.title = title;
    void getCurrentWindow().setTitle(title).catch(() => undefined);
  }

  renderWordCount(): void {
    this.el.words.textContent = this.session.draft ? `${countWords(this.text()).toLocaleString()} words` : "";
  }

  /** Review mode replaces the editor's work area while it is open. */
  showReviewMode(open: boolean): void {
    this.el.workarea.hidden = open;
    this.el.reviewButton.setAttribute("aria-pressed", String(open));
    this.el.reviewButton.classList.toggle("active", open);
  }

  showPreviewPressed(visible: boolean): void {
    this.el.previewButton.setAttribute("aria-pressed", String(visible));
    this.el.previewButton.classList.toggle("active", visible);
  }

  private renderWelcome(): void {
    const { listing } = this.session;
    if (listing) {
      const empty = listing.count === 0;
      fill(
        this.el.welcome,
        h("h2", {}, empty ? "No drafts here yet" : "Pick a draft"),
        h("p", {}, empty ? "This folder has no Markdown (.md) drafts. Add one, or open another folder." : "Choose a draft on the left to start writing."),
      );
      return;
    }
    const recent = this.session.recent.map((folder) =>
      h(
        "li",
        {},
        h("button", { class: "link", "data-testid": "welcome-recent", disabled: !folder.exists, title: folder.path, onclick: () => void this.flows.openRecent(folder.id) }, folder.name),
        h("span", { class: "path" }, folder.exists ? folder.path : `${folder.path} (missing)`),
        h("button", { class: "icon", title: "Remove from the list", "aria-label": `Forget ${folder.name}`, "data-testid": "forget-folder", onclick: () => void this.flows.forgetFolder(folder.id) }, "×"),
      ),
    );
    fill(
      this.el.welcome,
      h("h2", {}, "Write the press release first"),
      h("p", {}, "Dateline keeps your team's PR/FAQ drafts in a shared folder. Open that folder to begin."),
      h("button", { class: "primary big", "data-testid": "welcome-choose-folder", onclick: () => void this.flows.chooseFolder() }, "Open drafts folder…"),
      recent.length > 0 && h("h3", {}, "Recent folders"),
      recent.length > 0 && h("ul", { class: "recent-list" }, ...recent),
    );
  }
}

/** Fills `parent` and returns it, for building the layout in one expression. */
function withChildren(parent: HTMLElement, ...children: HTMLElement[]): HTMLElement {
  fill(parent, ...children);
  return parent;
}
