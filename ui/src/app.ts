// The window's controller: folder and draft state, the layout, and the
// flows (choose folder, open, edit, save, close) with their failure paths.
import { EditorSelection, Text } from "@codemirror/state";
import { isolateHistory } from "@codemirror/commands";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { nextDiagnostic, previousDiagnostic } from "@codemirror/lint";
import { openSearchPanel } from "@codemirror/search";
import {
  commands,
  type ConflictCopy,
  type DeletedDraft,
  type DiagnosticView,
  type DraftSummary,
  type FolderInfo,
  type FolderListing,
  type ListQuery,
  type MenuAction,
  type OpenedDraft,
  type RuleDoc,
  type MergeView,
  type VersionView,
} from "./bindings";
import { ask, askText } from "./dialog";
import { h, fill } from "./dom";

/** Fills `parent` and returns it, for building the layout in one expression. */
function fillAndReturn(parent: HTMLElement, ...children: HTMLElement[]): HTMLElement {
  fill(parent, ...children);
  return parent;
}
import { createEditor, type EditorHandle } from "./editor";
import { DraftList } from "./drafts";
import { countWords, draftTitle } from "./format";
import { askMerge, resolveMerge, type MergeChoice } from "./merge";
import { askExport, exportedMessage, runExport } from "./export";
import { Inspector } from "./inspector";
import { AppError, call } from "./ipc";
import { liveLint, silence, type PositionMap } from "./lint";
import { assignPart, blockStart, findMarkers, removeMarker, type TextChange } from "./markers";
import { MenuRouter } from "./menu";
import { Notices } from "./notices";
import { Preview } from "./preview";
import { ReviewPane } from "./review";

type SaveStatus = "none" | "saved" | "edited" | "saving" | "readonly";

/** The backend watcher's `drafts-changed` event (src-tauri/watcher.rs). */
interface DraftsChanged {
  relPaths: string[];
  rescan: boolean;
}

/** Unsaved text reaches the crash journal at most this long after a keystroke. */
const JOURNAL_DELAY_MS = 250;

export class App {
  private recent: FolderInfo[] = [];
  private listing: FolderListing | null = null;
  private draft: OpenedDraft | null = null;
  private savedDoc: Text | null = null;
  private status: SaveStatus = "none";
  private readonly editor: EditorHandle;
  private readonly notices: Notices;
  private readonly inspector: Inspector;
  private readonly preview = new Preview();
  private readonly review = new ReviewPane(
    {
      report: (err) => this.report(err),
      notify: (message) => this.notices.show("info", message),
      reviewed: () => void this.refresh(true),
    },
    () => this.reviewClosed(),
  );
  private rules = new Map<string, RuleDoc>();
  private readonly menu = new MenuRouter({
    newDraft: () => void this.newDraft(),
    renameDraft: () => void this.renameDraft(),
    openFolder: () => void this.chooseFolder(),
    save: () => void this.save(),
    export: () => void this.exportDraft(),
    find: () => openSearchPanel(this.editor.view),
    nextProblem: () => nextDiagnostic(this.editor.view),
    previousProblem: () => previousDiagnostic(this.editor.view),
    togglePreview: () => this.togglePreview(),
    quit: () => void this.quit(),
  });
  private journalTimer: ReturnType<typeof setTimeout> | null = null;
  private wordTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly el = {
    recentSelect: h("select", { "data-testid": "recent-folders", "aria-label": "Recent folders", title: "Recent folders" }),
    folderName: h("h2", { class: "folder-name", "data-testid": "folder-name" }),
    skipped: h("div", { class: "skipped", "data-testid": "skipped" }),
    notices: h("div", { class: "notices", "data-testid": "notices" }),
    title: h("h1", { class: "draft-title", "data-testid": "draft-title", ondblclick: () => void this.renameDraft() }),
    status: h("span", { class: "save-status", "data-testid": "save-status" }),
    saveButton: h("button", { class: "primary", "data-testid": "save", title: "Save (Ctrl+S)" }, "Save"),
    exportButton: h("button", { "data-testid": "export", title: "Export to PDF or Markdown (Ctrl+E)" }, "Export…"),
    previewButton: h("button", { "data-testid": "toggle-preview", title: "Show or hide the preview (Ctrl+Shift+P)", "aria-pressed": "false" }, "Preview"),
    reviewButton: h("button", { "data-testid": "review-open", title: "Compare two versions side by side and comment", "aria-pressed": "false" }, "Review"),
    workarea: h("div", { class: "workarea" }),
    editorHost: h("div", { class: "editor-host", "data-testid": "editor" }),
    welcome: h("section", { class: "welcome", "data-testid": "welcome" }),
    words: h("span", { "data-testid": "word-count" }),
    format: h("span", { "data-testid": "file-format" }),
  };

  private readonly drafts = new DraftList({
    open: (id) => void this.openDraft(id),
    query: (query) => void this.relist(query),
    mergeCopy: (draft, copy) => void this.mergeCopy(draft, copy),
    restoreDeleted: (draft) => void this.restoreDeleted(draft),
    search: (query) => call(commands.searchDrafts(query)),
    report: (err) => this.report(err),
  });

  constructor(private readonly root: HTMLElement) {
    this.notices = new Notices(this.el.notices);
    this.inspector = new Inspector({
      jump: (from, to) => this.jump(from, to),
      fix: (d, map) => this.applyFix(d, map),
      silence: (d, map) => silence(this.editor.view, map(d.from), d.rule),
      viewVersion: (v) => void this.viewVersion(v),
      restoreVersion: (v) => void this.restoreVersion(v),
      markers: () => findMarkers(this.editor.doc().toString()),
      assignPart: (pos, part) => this.editMarkers(pos, (text, at) => assignPart(text, at, part)),
      clearPart: (pos) => this.editMarkers(pos, removeMarker),
      assignAtCursor: (part) => this.assignAtCursor(part),
    });
    this.layout();
    const lint = liveLint({
      lint: (text) => call(commands.lintText(text)),
      rule: (id) => this.rules.get(id),
      onReport: (report, map) => this.draft && this.inspector.showReport(report, map),
      onError: (err) => this.notices.show("error", `Checking the draft failed: ${AppError.from(err).message}`, [], "lint-error"),
    });
    this.editor = createEditor(this.el.editorHost, { onChange: (doc) => this.onEdit(doc), onSave: () => void this.save() }, [lint]);
  }

  /** The editor's exact text. */
  editorText(): string {
    return this.editor.doc().toString();
  }

  async start(): Promise<void> {
    this.bindGlobalKeys();
    await this.watchWindow();
    try {
      this.rules = new Map((await call(commands.lintRules())).map((rule) => [rule.id, rule]));
      const startup = await call(commands.startup());
      this.recent = startup.recentFolders;
      this.listing = startup.listing;
      for (const notice of startup.notices) this.notices.show("warning", notice);
      this.render();
      if (startup.lastDraft !== null) await this.openDraft(startup.lastDraft);
    } catch (err) {
      this.report(err);
    }
    this.root.dataset.ready = "true";
    // A second launch may have handed something over while this one started.
    await this.openRequested();
  }

  /** Opens the draft or folder a later launch asked for (single instance). */
  private async openRequested(): Promise<void> {
    try {
      // Ask about unsaved edits only when something is waiting: at start-up
      // the editor may hold text just restored from the crash journal.
      if (!(await call(commands.hasOpenRequest()))) return;
      if (!(await this.confirmLeave())) return;
      const opened = await call(commands.takeOpenRequest());
      if (!opened) return;
      await this.showFolder(opened.listing);
      if (opened.draft !== null) await this.openDraft(opened.draft);
    } catch (err) {
      this.report(err);
    }
  }

  private layout(): void {
    this.el.recentSelect.addEventListener("change", () => {
      const id = Number(this.el.recentSelect.value);
      this.el.recentSelect.value = "";
      if (id) void this.openRecent(id);
    });
    this.el.saveButton.addEventListener("click", () => void this.save());
    this.el.previewButton.addEventListener("click", () => this.togglePreview());
    this.el.reviewButton.addEventListener("click", () => void this.toggleReview());
    this.el.exportButton.addEventListener("click", () => void this.exportDraft());
    fill(
      this.root,
      h(
        "div",
        { class: "shell" },
        h(
          "header",
          { class: "topbar" },
          h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), "Dateline"),
          h(
            "div",
            { class: "folder-controls" },
            this.el.recentSelect,
            h("button", { "data-testid": "new-draft", title: "New draft from the PR/FAQ template (Ctrl+N)", onclick: () => void this.newDraft() }, "New draft"),
            h("button", { "data-testid": "choose-folder", title: "Choose a drafts folder (Ctrl+O)", onclick: () => void this.chooseFolder() }, "Open folder…"),
          ),
        ),
        h(
          "aside",
          { class: "sidebar", "data-testid": "sidebar" },
          h(
            "div",
            { class: "sidebar-head" },
            this.el.folderName,
            h("button", { class: "icon", "data-testid": "refresh", title: "Refresh the list", "aria-label": "Refresh", onclick: () => void this.refresh() }, "↻"),
          ),
          this.drafts.el,
          this.el.skipped,
        ),
        h(
          "main",
          { class: "main" },
          this.el.notices,
          h("div", { class: "doc-bar" }, this.el.title, this.el.status, this.el.reviewButton, this.el.previewButton, this.el.exportButton, this.el.saveButton),
          fillAndReturn(this.el.workarea, this.el.editorHost, this.preview.el, this.el.welcome, this.inspector.el),
          this.review.element,
          h("footer", { class: "statusbar" }, this.el.words, this.el.format),
        ),
      ),
    );
  }

  // ---- rendering -------------------------------------------------------

  private render(): void {
    this.renderFolders();
    this.renderListing();
    this.renderDraft();
  }

  private renderFolders(): void {
    const options = this.recent.map((folder) =>
      h("option", { value: folder.id, title: folder.path }, folder.exists ? folder.name : `${folder.name} (missing)`),
    );
    fill(this.el.recentSelect, h("option", { value: "", disabled: true }, "Recent folders"), ...options);
    this.el.recentSelect.value = "";
    this.el.recentSelect.disabled = this.recent.length === 0;
  }

  private renderListing(): void {
    const listing = this.listing;
    this.el.folderName.textContent = listing ? listing.folder.name : "No folder";
    this.el.folderName.title = listing?.folder.path ?? "";
    this.el.folderName.classList.toggle("missing", listing !== null && !listing.folder.exists);
    this.drafts.show(listing);
    this.notices.dismiss("config");
    if (listing && listing.configProblems.length > 0) {
      this.notices.show("warning", `dateline.toml has problems; the defaults apply where it is wrong. ${listing.configProblems.join("; ")}`, [], "config");
    }
    const skipped = listing?.skipped ?? [];
    fill(
      this.el.skipped,
      skipped.length > 0 && h("p", { class: "skipped-head" }, `${skipped.length} not listed`),
      ...skipped.map((s) => h("p", { "data-testid": "skipped-item", title: s.reason }, `${s.name}: ${s.reason}`)),
    );
  }

  private renderDraft(): void {
    const draft = this.draft;
    this.el.editorHost.hidden = draft === null;
    this.el.welcome.hidden = draft !== null;
    this.inspector.el.hidden = draft === null;
    this.el.previewButton.hidden = draft === null;
    this.el.reviewButton.hidden = draft === null;
    this.el.exportButton.hidden = draft === null;
    if (draft === null) this.preview.show(false, "");
    this.el.title.textContent = draft ? draftTitle(draft.relPath) : "";
    this.el.title.title = draft ? `${draft.relPath} (double-click or F2 to rename)` : "";
    this.el.format.textContent = draft ? `${draft.format.lineEnding.toUpperCase()}${draft.format.bom ? " · BOM" : ""} · UTF-8` : "";
    if (draft === null) this.renderWelcome();
    this.renderStatus();
    this.drafts.setActive(draft?.id ?? null);
  }

  private renderStatus(): void {
    const labels: Record<SaveStatus, string> = { none: "", saved: "Saved", edited: "Edited", saving: "Saving…", readonly: "Read-only" };
    this.el.status.textContent = labels[this.status];
    this.el.status.dataset.status = this.status;
    this.el.saveButton.disabled = this.status !== "edited";
    this.el.saveButton.hidden = this.draft === null;
    this.el.words.textContent = this.draft ? `${countWords(this.editor.doc().toString()).toLocaleString()} words` : "";
    const name = this.draft ? draftTitle(this.draft.relPath) : null;
    const title = name ? `${this.status === "edited" ? "● " : ""}${name} — Dateline` : "Dateline";
    document.title = title;
    void getCurrentWindow().setTitle(title).catch(() => undefined);
  }

  private renderWelcome(): void {
    if (this.listing) {
      const empty = this.listing.count === 0;
      fill(
        this.el.welcome,
        h("h2", {}, empty ? "No drafts here yet" : "Pick a draft"),
        h("p", {}, empty ? "This folder has no Markdown (.md) drafts. Add one, or open another folder." : "Choose a draft on the left to start writing."),
      );
      return;
    }
    const recent = this.recent.map((folder) =>
      h(
        "li",
        {},
        h("button", { class: "link", "data-testid": "welcome-recent", disabled: !folder.exists, title: folder.path, onclick: () => void this.openRecent(folder.id) }, folder.name),
        h("span", { class: "path" }, folder.exists ? folder.path : `${folder.path} (missing)`),
        h("button", { class: "icon", title: "Remove from the list", "aria-label": `Forget ${folder.name}`, "data-testid": "forget-folder", onclick: () => void this.forget(folder.id) }, "×"),
      ),
    );
    fill(
      this.el.welcome,
      h("h2", {}, "Write the press release first"),
      h("p", {}, "Dateline keeps your team's PR/FAQ drafts in a shared folder. Open that folder to begin."),
      h("button", { class: "primary big", "data-testid": "welcome-choose-folder", onclick: () => void this.chooseFolder() }, "Open drafts folder…"),
      recent.length > 0 && h("h3", {}, "Recent folders"),
      recent.length > 0 && h("ul", { class: "recent-list" }, ...recent),
    );
  }

  // ---- flows -----------------------------------------------------------

  private onEdit(doc: Text): void {
    if (!this.draft || this.status === "readonly") return;
    this.preview.update(doc.toString());
    this.scheduleJournal();
    const next: SaveStatus = this.savedDoc && doc.eq(this.savedDoc) ? "saved" : "edited";
    if (next !== this.status) {
      this.status = next;
      this.renderStatus();
    } else {
      this.scheduleWordCount();
    }
  }

  /** Recounts words when typing pauses, not on every keystroke. */
  private scheduleWordCount(): void {
    if (this.wordTimer !== null) return;
    this.wordTimer = setTimeout(() => {
      this.wordTimer = null;
      if (this.draft) this.el.words.textContent = `${countWords(this.editor.doc().toString()).toLocaleString()} words`;
    }, 300);
  }

  /** Writes the unsaved text to the crash journal shortly after typing. */
  private scheduleJournal(): void {
    if (this.journalTimer !== null) return;
    const draftId = this.draft?.id;
    this.journalTimer = setTimeout(() => {
      this.journalTimer = null;
      if (draftId === undefined || this.draft?.id !== draftId || this.status !== "edited") return;
      void call(commands.journalDraft(draftId, this.editor.doc().toString())).catch((err) =>
        this.notices.show("warning", `Unsaved text could not be kept against a crash: ${AppError.from(err).message}`, [], "journal"),
      );
    }, JOURNAL_DELAY_MS);
  }

  private get dirty(): boolean {
    return this.status === "edited" || this.status === "saving";
  }

  async chooseFolder(): Promise<void> {
    if (!(await this.confirmLeave())) return;
    try {
      const listing = await call(commands.chooseFolder());
      if (listing) await this.showFolder(listing);
    } catch (err) {
      this.report(err);
    }
  }

  private async openRecent(id: number): Promise<void> {
    if (!(await this.confirmLeave())) return;
    try {
      await this.showFolder(await call(commands.openRecentFolder(id)));
    } catch (err) {
      this.report(err);
      await this.reloadRecent();
    }
  }

  private async forget(id: number): Promise<void> {
    try {
      this.recent = await call(commands.forgetFolder(id));
      this.render();
    } catch (err) {
      this.report(err);
    }
  }

  private async showFolder(listing: FolderListing): Promise<void> {
    this.listing = listing;
    this.closeDraft();
    await this.reloadRecent();
    this.render();
  }

  private async reloadRecent(): Promise<void> {
    try {
      this.recent = await call(commands.recentFolders());
    } catch (err) {
      this.report(err);
    }
    this.renderFolders();
  }

  async refresh(quiet = false): Promise<void> {
    if (!this.listing) return;
    try {
      this.listing = await call(commands.refreshFolder());
      this.notices.dismiss("folder-missing");
      this.renderListing();
      this.renderDraft();
    } catch (err) {
      const error = AppError.from(err);
      if (error.kind === "folderMissing") this.markFolderMissing(error.message);
      else if (!quiet) this.report(error);
    }
  }

  /**
   * The list as indexed (the watcher keeps it current), without a walk: in a
   * new order, filter or length, or (no query) as last asked.
   */
  private async relist(query: ListQuery | null = null): Promise<void> {
    if (!this.listing) return;
    try {
      this.listing = await call(commands.listDrafts(query));
      this.renderListing();
      this.renderDraft();
    } catch (err) {
      this.report(err);
    }
  }

  private markFolderMissing(message: string): void {
    if (this.listing) this.listing = { ...this.listing, folder: { ...this.listing.folder, exists: false } };
    this.notices.show("warning", message, [], "folder-missing");
    this.renderListing();
  }

  async openDraft(id: number): Promise<void> {
    if (this.draft?.id === id) return;
    if (!(await this.confirmLeave())) return;
    try {
      const draft = await call(commands.openDraft(id));
      this.showDraft(draft, draft.text);
      if (draft.recovered) this.restoreRecovered(draft.recovered.text, draft.recovered.updatedMs, draft.recovered.diskChanged);
      this.editor.focus();
    } catch (err) {
      this.report(err);
    }
  }

  /** Puts `savedText` in the editor as the draft's text on disk. */
  private showDraft(draft: OpenedDraft, savedText: string): void {
    if (this.review.visible) this.review.close();
    this.draft = draft;
    this.editor.load(savedText, draft.readOnly !== null);
    this.savedDoc = this.editor.doc();
    this.status = draft.readOnly !== null ? "readonly" : "saved";
    for (const key of ["read-only", "recovered", "save-error"]) this.notices.dismiss(key);
    if (draft.readOnly !== null) this.notices.show("warning", draft.readOnly, [], "read-only");
    this.inspector.clear();
    this.preview.update(savedText);
    this.renderDraft();
    void this.loadVersions();
  }

  /** Shows crash-journal text as unsaved edits on top of the file's text. */
  private restoreRecovered(text: string, updatedMs: number, diskChanged: boolean): void {
    const view = this.editor.view;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    const when = new Date(updatedMs).toLocaleTimeString();
    const message = diskChanged
      ? `Unsaved text from ${when} was restored after Dateline closed unexpectedly. The file also changed on disk since, so save your version as a copy and compare.`
      : `Unsaved text from ${when} was restored after Dateline closed unexpectedly. Save to keep it.`;
    this.notices.show("warning", message, [], "recovered");
  }

  private async loadVersions(): Promise<void> {
    const id = this.draft?.id;
    if (id === undefined || this.status === "readonly") return;
    try {
      const versions = await call(commands.listVersions(id));
      if (this.draft?.id === id) this.inspector.showVersions(versions);
    } catch (err) {
      this.report(err);
    }
  }

  private closeDraft(): void {
    if (this.review.visible) this.review.close();
    this.draft = null;
    this.savedDoc = null;
    this.status = "none";
    this.notices.dismiss("read-only");
    this.editor.load("", true);
  }

  /** Saves the open draft; true when the text on disk is now the editor's. */
  async save(): Promise<boolean> {
    const draft = this.draft;
    if (!draft || this.status === "readonly") return false;
    if (this.status === "saved") return true;
    const doc = this.editor.doc();
    this.status = "saving";
    this.renderStatus();
    try {
      await call(commands.saveDraft(draft.id, doc.toString()));
      this.savedDoc = doc;
      this.notices.dismiss("save-error");
      this.onEdit(this.editor.doc());
      this.status = this.editor.doc().eq(doc) ? "saved" : "edited";
      this.notices.dismiss("recovered");
      this.editor.clearIncoming();
      this.renderStatus();
      void this.relist();
      void this.loadVersions();
      return true;
    } catch (err) {
      this.status = "edited";
      this.renderStatus();
      this.reportSaveError(AppError.from(err), draft);
      return false;
    }
  }

  private reportSaveError(error: AppError, draft: OpenedDraft): void {
    if (error.kind === "folderMissing") {
      this.markFolderMissing(error.message);
      return;
    }
    const actions =
      error.kind === "conflict"
        ? [
            { label: "Merge with the version on disk", testid: "merge-disk", run: () => void this.chooseMerge(draft) },
            { label: "Save my version as a copy", testid: "save-copy", run: () => void this.saveCopy(draft) },
          ]
        : [];
    this.notices.show("error", error.message, actions, "save-error");
  }

  private async saveCopy(draft: OpenedDraft): Promise<void> {
    try {
      const copy = await call(commands.saveDraftCopy(draft.id, this.editor.doc().toString()));
      this.status = "saved";
      await this.refresh(true);
      this.notices.show("success", `Your version was saved as “${copy.relPath}”. The original is unchanged.`);
      this.draft = null;
      await this.openDraft(copy.id);
    } catch (err) {
      this.report(err);
    }
  }

  /** Asks what to do with unsaved edits; true when it is fine to move on. */
  private async confirmLeave(): Promise<boolean> {
    if (!this.dirty || !this.draft) return true;
    const choice = await ask({
      title: "Save your changes?",
      body: [`“${draftTitle(this.draft.relPath)}” has changes that are not saved yet.`],
      choices: [
        { value: "cancel", label: "Cancel", testid: "unsaved-cancel" },
        { value: "discard", label: "Don't save", testid: "unsaved-discard" },
        { value: "save", label: "Save", testid: "unsaved-save", primary: true },
      ],
      cancel: "cancel",
      testid: "unsaved-dialog",
    });
    if (choice === "save") return this.save();
    if (choice === "discard") await call(commands.discardChanges(this.draft.id)).catch(() => undefined);
    return choice === "discard";
  }

  async newDraft(): Promise<void> {
    if (!this.listing) {
      this.notices.show("info", "Open a drafts folder first; new drafts are created in it.");
      return;
    }
    if (!(await this.confirmLeave())) return;
    const name = await askText("New draft", "Name", "Untitled press release", "new-draft-dialog");
    if (name === null) return;
    try {
      const created = await call(commands.createDraft(name));
      await this.refresh(true);
      this.draft = null;
      this.status = "none";
      await this.openDraft(created.id);
    } catch (err) {
      this.report(err);
    }
  }

  /** Renames the open draft's file (F2), in its folder; it stays open, with its history and comments. */
  async renameDraft(): Promise<void> {
    const draft = this.draft;
    if (!draft) {
      this.notices.show("info", "Open a draft first; Rename works on the open draft.");
      return;
    }
    const name = await askText("Rename draft", "File name", draftTitle(draft.relPath), "rename-dialog", "Rename");
    if (name === null || this.draft?.id !== draft.id) return;
    try {
      const relPath = await call(commands.renameDraft(draft.id, name));
      if (this.draft?.id === draft.id) this.draft = { ...this.draft, relPath };
      this.renderDraft();
      await this.relist();
    } catch (err) {
      this.report(err);
    }
  }

  /** Exports what is in the editor, saved or not. */
  async exportDraft(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const text = this.editor.doc().toString();
    const choice = await askExport(text);
    if (!choice) return;
    try {
      const outcome = await runExport(draft.id, text, choice);
      if (!outcome) return;
      this.notices.show("success", exportedMessage(outcome), [], "exported");
      for (const warning of outcome.pages?.warnings ?? []) this.notices.show("warning", warning);
      void this.refresh(true);
    } catch (err) {
      this.report(err);
    }
  }

  /** Review mode replaces the editor until closed; it compares saved versions. */
  private async toggleReview(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    if (this.review.visible) {
      this.review.close();
      return;
    }
    if (this.dirty) this.notices.show("info", "Review compares saved versions: save to include your latest edits.");
    try {
      const versions = await call(commands.listVersions(draft.id));
      this.el.workarea.hidden = true;
      this.el.reviewButton.setAttribute("aria-pressed", "true");
      this.el.reviewButton.classList.add("active");
      const others = (this.listing?.drafts ?? []).filter((d) => d.id !== draft.id);
      await this.review.open(draft.id, versions, others);
    } catch (err) {
      this.report(err);
    }
  }

  private reviewClosed(): void {
    this.el.workarea.hidden = false;
    this.el.reviewButton.setAttribute("aria-pressed", "false");
    this.el.reviewButton.classList.remove("active");
  }

  togglePreview(): void {
    if (!this.draft) return;
    const visible = !this.preview.visible;
    this.preview.show(visible, this.editor.doc().toString());
    this.el.previewButton.setAttribute("aria-pressed", String(visible));
    this.el.previewButton.classList.toggle("active", visible);
  }

  private jump(from: number, to = from): void {
    const view = this.editor.view;
    view.dispatch({ selection: EditorSelection.range(from, to), scrollIntoView: true });
    view.focus();
  }

  private applyFix(d: DiagnosticView, map: PositionMap): void {
    if (!d.fix || this.status === "readonly") return;
    this.editor.view.dispatch({ changes: { from: map(d.fix.from, 1), to: map(d.fix.to, -1), insert: d.fix.replacement } });
  }

  /**
   * Writes a part-marker change as one undo step of its own, then puts the
   * cursor on the block in the editor, where Ctrl+Z takes it back.
   */
  private editMarkers(pos: number, edit: (text: string, pos: number) => TextChange[]): void {
    if (!this.draft || this.status === "readonly") return;
    const view = this.editor.view;
    const changes = view.state.changes(edit(view.state.doc.toString(), pos));
    const block = changes.mapPos(view.state.doc.lineAt(pos).from, 1);
    view.dispatch({ changes, selection: { anchor: block }, scrollIntoView: true, annotations: isolateHistory.of("full") });
    view.focus();
  }

  private assignAtCursor(part: string): void {
    const view = this.editor.view;
    const at = blockStart(view.state.doc.toString(), view.state.selection.main.head);
    if (at === null) return void this.notices.show("info", "Put the cursor in the paragraph to mark, then choose its part again.", [], "mark-cursor");
    this.editMarkers(at, (text, pos) => assignPart(text, pos, part));
  }

  private async viewVersion(version: VersionView): Promise<void> {
    if (!this.draft) return;
    try {
      const text = await call(commands.versionText(this.draft.id, version.id));
      const choice = await ask({
        title: `Version from ${new Date(version.createdMs).toLocaleString()}`,
        body: [h("pre", { class: "version-text", "data-testid": "version-text" }, text)],
        choices: [
          { value: "close", label: "Close", testid: "version-close" },
          { value: "restore", label: "Restore this version", testid: "version-dialog-restore", primary: true },
        ],
        cancel: "close",
        testid: "version-dialog",
      });
      if (choice === "restore") await this.restoreVersion(version);
    } catch (err) {
      this.report(err);
    }
  }

  /** Writes an old version back to the file; it becomes the newest version. */
  private async restoreVersion(version: VersionView): Promise<void> {
    const draft = this.draft;
    if (!draft || !(await this.confirmLeave())) return;
    try {
      await call(commands.restoreVersion(draft.id, version.id));
      const text = await call(commands.versionText(draft.id, version.id));
      this.showDraft(draft, text);
      this.notices.show("success", `Restored the version from ${new Date(version.createdMs).toLocaleString()}. The version before it is still in the history.`);
    } catch (err) {
      this.reportSaveError(AppError.from(err), draft);
    }
  }

  /** Files changed outside the app: refresh the list, follow the open draft. */
  private async onDiskChange(change: DraftsChanged): Promise<void> {
    // The open draft first: in a big folder the list takes longer.
    await this.followOpenDraft(change);
    await this.relist();
  }

  private async followOpenDraft(change: DraftsChanged): Promise<void> {
    const draft = this.draft;
    if (!draft || this.status === "readonly" || !(change.rescan || change.relPaths.includes(draft.relPath))) return;
    const name = draftTitle(draft.relPath);
    try {
      if (!(await call(commands.changedOnDisk(draft.id)))) return this.followRename(draft); // our own save, or a rename
      if (this.status === "saved") {
        const fresh = await call(commands.openDraft(draft.id));
        this.showDraft(fresh, fresh.text);
        this.notices.show("info", `“${name}” changed on disk and was reloaded. The previous text is in the history.`, [], "external");
      } else {
        await this.mergeFromDisk(draft);
      }
    } catch (err) {
      this.reportDiskError(err, name);
    }
  }

  /** The open draft's file was renamed on disk (same bytes): keep it open under its new name. */
  private async followRename(draft: OpenedDraft): Promise<void> {
    const relPath = await call(commands.draftRelPath(draft.id));
    if (relPath === draft.relPath || this.draft?.id !== draft.id) return;
    this.draft = { ...this.draft, relPath };
    this.renderDraft();
    this.notices.show("info", `“${draft.relPath}” was renamed on disk to “${relPath}”. It stays open under its new name, with its history and comments.`, [], "external");
  }

  /**
   * Someone changed the open draft on disk while it had unsaved edits:
   * merge theirs into the editor. Separate changes merge at once and are
   * highlighted; the same lines changed on both sides wait for her choice.
   */
  private async mergeFromDisk(draft: OpenedDraft): Promise<void> {
    const name = draftTitle(draft.relPath);
    try {
      const sent = this.editor.doc();
      const merge = await call(commands.mergeFromDisk(draft.id, sent.toString()));
      if (this.draft?.id !== draft.id) return;
      // She typed while the merge was made: merge again from what is there now.
      if (!this.editor.doc().eq(sent)) return this.mergeFromDisk(draft);
      if (merge.conflicts === 0) {
        await this.applyMerge(draft, merge, []);
        this.notices.show("info", `“${name}” was changed on disk by someone else while you were editing. Their changes are merged into your text and highlighted; save when ready.`, [], "external");
        return;
      }
      this.notices.show(
        "warning",
        `“${name}” was changed on disk by someone else, and you both changed the same lines. Nothing is lost: both versions are in the history.`,
        [{ label: "Compare and choose…", testid: "resolve-merge", run: () => void this.chooseMerge(draft) }],
        "external",
      );
    } catch (err) {
      this.reportDiskError(err, name);
    }
  }

  /** The merge dialog, on a merge made from the text as it is now (she may have typed since the warning). */
  private async chooseMerge(draft: OpenedDraft): Promise<void> {
    try {
      const sent = this.editor.doc();
      const merge = await call(commands.mergeFromDisk(draft.id, sent.toString()));
      const choices = merge.conflicts > 0 ? await askMerge(merge, draftTitle(draft.relPath)) : [];
      if (choices === null || this.draft?.id !== draft.id) return;
      if (!this.editor.doc().eq(sent)) {
        this.notices.show("warning", "Your text changed while the merge was open; nothing was merged. Choose again.", [{ label: "Compare and choose…", testid: "resolve-merge", run: () => void this.chooseMerge(draft) }], "external");
        return;
      }
      await this.applyMerge(draft, merge, choices);
      this.notices.show("success", "Merged. What came from the other version is highlighted; save when ready.", [], "external");
    } catch (err) {
      this.report(err);
    }
  }

  /** Puts the merge in the editor (one undoable edit) and, for a disk merge, bases the next save on that disk version. */
  private async applyMerge(draft: OpenedDraft, merge: MergeView, choices: MergeChoice[]): Promise<void> {
    const merged = resolveMerge(merge.chunks, choices);
    if (merge.diskToken !== null) {
      await call(commands.adoptDisk(draft.id, merge.diskToken));
      this.savedDoc = Text.of(merge.theirsText.split("\n"));
    }
    this.editor.replaceText(merged.text, merged.incoming);
    this.onEdit(this.editor.doc());
    this.renderStatus();
    void this.loadVersions();
  }

  /** A sync client's conflict copy of a draft: open the draft, merge the copy in. */
  private async mergeCopy(draft: DraftSummary, copy: ConflictCopy): Promise<void> {
    if (this.draft?.id !== draft.id) await this.openDraft(draft.id);
    const open = this.draft;
    if (open?.id !== draft.id) return;
    try {
      const sent = this.editor.doc();
      const merge = await call(commands.mergeConflictCopy(draft.id, copy.id, sent.toString()));
      const choices = merge.conflicts > 0 ? await askMerge(merge, draftTitle(draft.relPath)) : [];
      if (choices === null || this.draft?.id !== draft.id) return;
      if (!this.editor.doc().eq(sent)) {
        this.notices.show("warning", "Your text changed while the merge was made; nothing was merged. Try again.", [], "conflict-copy");
        return;
      }
      await this.applyMerge(open, merge, choices);
      this.notices.show(
        "success",
        `“${copy.relPath}” is merged into your text (highlighted). Save, then remove the copy; its text stays in this draft's history.`,
        [{ label: "Remove the copy", testid: "dismiss-copy", run: () => void this.dismissCopy(draft, copy) }],
        "conflict-copy",
      );
    } catch (err) {
      this.report(err);
    }
  }

  private async dismissCopy(draft: DraftSummary, copy: ConflictCopy): Promise<void> {
    try {
      await call(commands.dismissConflictCopy(draft.id, copy.id));
      await this.relist();
      void this.loadVersions();
    } catch (err) {
      this.report(err);
    }
  }

  private async restoreDeleted(deleted: DeletedDraft): Promise<void> {
    try {
      const restored = await call(commands.restoreDeleted(deleted.id));
      await this.relist();
      this.notices.show("success", `“${restored.relPath}” is back, with its history.`);
      await this.openDraft(restored.id);
    } catch (err) {
      this.report(err);
    }
  }

  /** A failure while following the open draft on disk; a vanished file is a warning, not an error. */
  private reportDiskError(err: unknown, name: string): void {
    const error = AppError.from(err);
    if (error.kind === "notFound") {
      this.notices.show("warning", `“${name}” was deleted or renamed on disk. Your text is still in the editor; saving writes it again.`, [], "external");
    } else {
      this.report(error);
    }
  }

  private report(err: unknown): void {
    this.notices.show("error", AppError.from(err).message);
  }

  // ---- window and keyboard ----------------------------------------------

  private bindGlobalKeys(): void {
    // Seen first, so that the native menu's echo of the same key is dropped.
    document.addEventListener("keydown", (event) => this.menu.noteKey(event), true);
    document.addEventListener("keydown", (event) => {
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === "F2" && !mod && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        void this.renameDraft();
        return;
      }
      if (!mod || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === "s") {
        event.preventDefault();
        void this.save();
      } else if (key === "o") {
        event.preventDefault();
        void this.chooseFolder();
      } else if (key === "e") {
        event.preventDefault();
        void this.exportDraft();
      } else if (key === "n") {
        event.preventDefault();
        void this.newDraft();
      } else if (key === "p" && event.shiftKey) {
        event.preventDefault();
        this.togglePreview();
      }
    });
  }

  /** Closes the window (and so the app) once unsaved edits are dealt with. */
  private async quit(): Promise<void> {
    if (await this.confirmLeave()) await getCurrentWindow().destroy();
  }

  private async watchWindow(): Promise<void> {
    window.addEventListener("focus", () => {
      void this.refresh(true);
      // Colleagues' comments arrive through the shared folder.
      if (this.review.visible) void this.review.reload();
    });
    try {
      await listen<DraftsChanged>("drafts-changed", (event) => void this.onDiskChange(event.payload));
      await listen<MenuAction>("menu", (event) => this.menu.fromMenu(event.payload));
      await listen("open-requested", () => void this.openRequested());
      const appWindow = getCurrentWindow();
      await appWindow.onCloseRequested(async (event) => {
        if (!this.dirty) return;
        event.preventDefault();
        if (await this.confirmLeave()) await appWindow.destroy();
      });
    } catch {
      // Outside Tauri (unit tests, a plain browser) there is no window to watch.
    }
  }
}
