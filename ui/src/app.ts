// The window's controller: folder and draft state, the layout, and the
// flows (choose folder, open, edit, save, close) with their failure paths.
import type { Text } from "@codemirror/state";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { commands, type DraftSummary, type FolderInfo, type FolderListing, type OpenedDraft } from "./bindings";
import { ask } from "./dialog";
import { h, fill } from "./dom";
import { createEditor, type EditorHandle } from "./editor";
import { countWords, draftFolder, draftTitle, formatBytes, formatModified } from "./format";
import { AppError, call } from "./ipc";
import { Notices } from "./notices";

type SaveStatus = "none" | "saved" | "edited" | "saving" | "readonly";

export class App {
  private recent: FolderInfo[] = [];
  private listing: FolderListing | null = null;
  private draft: OpenedDraft | null = null;
  private savedDoc: Text | null = null;
  private status: SaveStatus = "none";
  private readonly editor: EditorHandle;
  private readonly notices: Notices;
  private readonly el = {
    recentSelect: h("select", { "data-testid": "recent-folders", "aria-label": "Recent folders", title: "Recent folders" }),
    folderName: h("h2", { class: "folder-name", "data-testid": "folder-name" }),
    draftList: h("ul", { class: "draft-list", "data-testid": "draft-list" }),
    skipped: h("div", { class: "skipped", "data-testid": "skipped" }),
    notices: h("div", { class: "notices", "data-testid": "notices" }),
    title: h("h1", { class: "draft-title", "data-testid": "draft-title" }),
    status: h("span", { class: "save-status", "data-testid": "save-status" }),
    saveButton: h("button", { class: "primary", "data-testid": "save", title: "Save (Ctrl+S)" }, "Save"),
    editorHost: h("div", { class: "editor-host", "data-testid": "editor" }),
    welcome: h("section", { class: "welcome", "data-testid": "welcome" }),
    words: h("span", { "data-testid": "word-count" }),
    format: h("span", { "data-testid": "file-format" }),
  };

  constructor(private readonly root: HTMLElement) {
    this.notices = new Notices(this.el.notices);
    this.layout();
    this.editor = createEditor(this.el.editorHost, {
      onChange: (doc) => this.onEdit(doc),
      onSave: () => void this.save(),
    });
  }

  async start(): Promise<void> {
    this.bindGlobalKeys();
    await this.watchWindow();
    try {
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
  }

  private layout(): void {
    this.el.recentSelect.addEventListener("change", () => {
      const id = Number(this.el.recentSelect.value);
      this.el.recentSelect.value = "";
      if (id) void this.openRecent(id);
    });
    this.el.saveButton.addEventListener("click", () => void this.save());
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
          this.el.draftList,
          this.el.skipped,
        ),
        h(
          "main",
          { class: "main" },
          this.el.notices,
          h("div", { class: "doc-bar" }, this.el.title, this.el.status, this.el.saveButton),
          this.el.editorHost,
          this.el.welcome,
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
    fill(this.el.draftList, ...(listing?.drafts ?? []).map((draft) => this.draftItem(draft)));
    const skipped = listing?.skipped ?? [];
    fill(
      this.el.skipped,
      skipped.length > 0 && h("p", { class: "skipped-head" }, `${skipped.length} not listed`),
      ...skipped.map((s) => h("p", { "data-testid": "skipped-item", title: s.reason }, `${s.name}: ${s.reason}`)),
    );
  }

  private draftItem(draft: DraftSummary): HTMLElement {
    const folder = draftFolder(draft.relPath);
    const active = this.draft?.id === draft.id;
    return h(
      "li",
      {},
      h(
        "button",
        {
          class: active ? "draft-item active" : "draft-item",
          "data-testid": "draft-item",
          "data-draft-id": draft.id,
          "data-rel-path": draft.relPath,
          "aria-current": active ? "true" : false,
          title: draft.relPath,
          onclick: () => void this.openDraft(draft.id),
        },
        h("span", { class: "draft-name" }, draftTitle(draft.relPath)),
        h("span", { class: "draft-meta" }, [folder, formatModified(draft.modifiedMs), formatBytes(draft.sizeBytes)].filter(Boolean).join(" · ")),
      ),
    );
  }

  private renderDraft(): void {
    const draft = this.draft;
    this.el.editorHost.hidden = draft === null;
    this.el.welcome.hidden = draft !== null;
    this.el.title.textContent = draft ? draftTitle(draft.relPath) : "";
    this.el.title.title = draft?.relPath ?? "";
    this.el.format.textContent = draft ? `${draft.format.lineEnding.toUpperCase()}${draft.format.bom ? " · BOM" : ""} · UTF-8` : "";
    if (draft === null) this.renderWelcome();
    this.renderStatus();
    for (const item of this.el.draftList.querySelectorAll<HTMLElement>("[data-draft-id]")) {
      const active = Number(item.dataset.draftId) === draft?.id;
      item.classList.toggle("active", active);
      item.toggleAttribute("aria-current", active);
    }
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
      const empty = this.listing.drafts.length === 0;
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
    const next: SaveStatus = this.savedDoc && doc.eq(this.savedDoc) ? "saved" : "edited";
    if (next !== this.status) {
      this.status = next;
      this.renderStatus();
    } else {
      this.el.words.textContent = `${countWords(doc.toString()).toLocaleString()} words`;
    }
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
      this.draft = draft;
      this.editor.load(draft.text, draft.readOnly !== null);
      this.savedDoc = this.editor.doc();
      this.status = draft.readOnly !== null ? "readonly" : "saved";
      this.notices.dismiss("read-only");
      if (draft.readOnly !== null) this.notices.show("warning", draft.readOnly, [], "read-only");
      this.renderDraft();
      this.editor.focus();
    } catch (err) {
      this.report(err);
    }
  }

  private closeDraft(): void {
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
      this.renderStatus();
      void this.refresh(true);
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
    const actions = error.kind === "conflict" ? [{ label: "Save my version as a copy", testid: "save-copy", run: () => void this.saveCopy(draft) }] : [];
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
    return choice === "discard";
  }

  private report(err: unknown): void {
    this.notices.show("error", AppError.from(err).message);
  }

  // ---- window and keyboard ----------------------------------------------

  private bindGlobalKeys(): void {
    document.addEventListener("keydown", (event) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === "s") {
        event.preventDefault();
        void this.save();
      } else if (key === "o") {
        event.preventDefault();
        void this.chooseFolder();
      }
    });
  }

  private async watchWindow(): Promise<void> {
    window.addEventListener("focus", () => void this.refresh(true));
    try {
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
