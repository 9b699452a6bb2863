// The window's controller: builds the parts, holds the session, and routes
// buttons, menu items, shortcuts and backend events to the flows in
// `flows/` (one module per flow; ARCHITECTURE.md names them).
import { getCurrentWindow } from "@tauri-apps/api/window";
import { nextDiagnostic, previousDiagnostic } from "@codemirror/lint";
import { openSearchPanel } from "@codemirror/search";
import { commands, events, type LintView, type MenuAction } from "./bindings";
import { DraftList } from "./drafts";
import { createEditor, type EditorHandle } from "./editor";
import { Inspector } from "./inspector";
import { Announcer } from "./announce";
import { AppError, call } from "./ipc";
import { bindShortcuts } from "./keys";
import { liveLint, relint, silence } from "./lint";
import { findMarkers, assignPart, removeMarker } from "./markers";
import { Notices } from "./notices";
import { Preview } from "./preview";
import { ReviewPane } from "./review";
import { showShortcuts } from "./shortcuts";
import { View } from "./view";
import type { AppContext } from "./flows/context";
import { isDirty, type Flows, type Session } from "./session";
import { onEdit } from "./flows/document";
import * as editing from "./flows/editing";
import * as folders from "./flows/folders";
import * as history from "./flows/history";
import * as merging from "./flows/merging";
import * as open from "./flows/open";
import * as outside from "./flows/outside";
import * as panes from "./flows/panes";
import * as saving from "./flows/save";
import * as startup from "./flows/startup";
import * as suggestions from "./flows/suggestions";

export class App {
  private readonly session: Session = { recent: [], listing: null, draft: null, savedDoc: null, status: "none", rules: new Map(), criticOffered: null };
  private readonly ctx: AppContext;
  private readonly editor: EditorHandle;

  constructor(private readonly root: HTMLElement) {
    const flows = this.flows();
    const view = new View(this.session, flows, () => this.editorText());
    const notices = new Notices(view.el.notices);
    const report = (err: unknown) => notices.show("error", AppError.from(err).message);
    // The parts call back into the context, built just below; they only do so after start-up.
    const ctx = (): AppContext => this.ctx;
    const inspector = new Inspector({
      jump: (from, to) => editing.jump(ctx(), from, to),
      fix: (d, map) => editing.applyFix(ctx(), d, map),
      silence: (d, map) => silence(this.editor.view, map(d.from), d.rule),
      viewVersion: (v) => void history.viewVersion(ctx(), v),
      restoreVersion: (v) => void history.restoreVersion(ctx(), v),
      markers: () => findMarkers(this.editorText()),
      assignPart: (pos, part) => editing.editMarkers(ctx(), pos, (text, at) => assignPart(text, at, part)),
      clearPart: (pos) => editing.editMarkers(ctx(), pos, removeMarker),
      assignAtCursor: (part) => editing.assignAtCursor(ctx(), part),
      addWord: (d, map) => void editing.addTeamWord(ctx(), this.editor.view.state.sliceDoc(map(d.from, 1), map(d.to, -1))),
      suggestions: {
        accept: (row) => void suggestions.accept(ctx(), row),
        reject: (row) => void suggestions.reject(ctx(), row),
        acceptAll: (reviewer) => void suggestions.acceptAll(ctx(), reviewer),
        rejectAll: (reviewer) => void suggestions.reject(ctx(), null, reviewer),
        show: (row) => suggestions.show(ctx(), row),
        suggest: () => void suggestions.suggestHere(ctx()),
        refresh: () => void suggestions.loadSuggestions(ctx()),
      },
    });
    const review = new ReviewPane(
      { report, notify: (message) => notices.show("info", message), reviewed: () => void flows.refresh(true) },
      () => view.showReviewMode(false),
    );
    const drafts = new DraftList({
      open: (id) => void flows.openDraft(id),
      query: (query) => void flows.relist(query),
      mergeCopy: (draft, copy) => void flows.mergeCopy(draft, copy),
      restoreDeleted: (draft) => void open.restoreDeleted(ctx(), draft),
      search: (query) => call(commands.searchDrafts(query)),
      report,
    });
    const preview = new Preview();
    const announcer = new Announcer();
    // A draft's first complete report is its baseline; later ones are news.
    let announcedDraft: number | null = null;
    const announceFindings = (draftId: number, report: LintView) => {
      const rules = report.diagnostics.map((d) => d.rule);
      if (draftId === announcedDraft) return announcer.report(rules);
      announcer.reset(rules);
      // Spelling still to come is no news: the report with it is the baseline.
      if (!report.proofreading) announcedDraft = draftId;
    };
    view.mount(this.root, { drafts, notices, inspector, preview, review, announcer });
    const lint = liveLint({
      lint: (text) => call(commands.lintText(text)),
      rule: (id) => this.session.rules.get(id),
      onReport: (report, map) => {
        if (!this.session.draft) return;
        inspector.showReport(report, map);
        announceFindings(this.session.draft.id, report);
        suggestions.offerCriticImport(this.ctx, report.criticMarks);
      },
      onError: (err) => notices.show("error", `Checking the draft failed: ${AppError.from(err).message}`, [], "lint-error"),
      addWord: (word) => void editing.addTeamWord(this.ctx, word),
    });
    this.editor = createEditor(view.el.editorHost, { onChange: (doc) => onEdit(this.ctx, doc), onSave: () => void flows.save() }, [lint]);
    this.ctx = { session: this.session, editor: this.editor, notices, inspector, preview, review, view, flows, report };
  }

  /** The flows other flows and the parts start, bound to this window's context. */
  private flows(): Flows {
    const c = () => this.ctx;
    return {
      chooseFolder: () => folders.chooseFolder(c()),
      openRecent: (id) => folders.openRecent(c(), id),
      forgetFolder: (id) => folders.forgetFolder(c(), id),
      refresh: (quiet) => folders.refresh(c(), quiet),
      relist: (query) => folders.relist(c(), query),
      openDraft: (id) => open.openDraft(c(), id),
      newDraft: () => open.newDraft(c()),
      importWord: () => open.importWord(c()),
      renameDraft: () => open.renameDraft(c()),
      save: () => saving.save(c()),
      saveCopy: (draft) => saving.saveCopy(c(), draft),
      confirmLeave: () => saving.confirmLeave(c()),
      chooseMerge: (draft) => merging.chooseMerge(c(), draft),
      mergeCopy: (draft, copy) => merging.mergeCopy(c(), draft, copy),
      exportDraft: () => panes.exportDraft(c()),
      toggleReview: () => panes.toggleReview(c()),
      togglePreview: () => panes.togglePreview(c()),
      loadSuggestions: () => suggestions.loadSuggestions(c()),
    };
  }

  /** The editor's exact text. */
  editorText(): string {
    return this.editor.doc().toString();
  }

  async start(): Promise<void> {
    bindShortcuts(document, (action) => this.run(action));
    await this.watchWindow();
    await startup.start(this.ctx);
    this.root.dataset.ready = "true";
    // A second launch may have handed something over while this one started.
    await startup.openRequested(this.ctx);
  }

  /** A menu item or its shortcut. */
  private run(action: MenuAction): void {
    const { flows, editor } = this.ctx;
    const actions: Record<MenuAction, () => void> = {
      newDraft: () => void flows.newDraft(),
      importWord: () => void flows.importWord(),
      renameDraft: () => void flows.renameDraft(),
      openFolder: () => void flows.chooseFolder(),
      save: () => void flows.save(),
      export: () => void flows.exportDraft(),
      find: () => openSearchPanel(editor.view),
      suggestEdit: () => void suggestions.suggestHere(this.ctx),
      nextProblem: () => nextDiagnostic(editor.view),
      previousProblem: () => previousDiagnostic(editor.view),
      togglePreview: () => flows.togglePreview(),
      zoomIn: () => void panes.zoom(this.ctx, "in"),
      zoomOut: () => void panes.zoom(this.ctx, "out"),
      zoomReset: () => void panes.zoom(this.ctx, "reset"),
      showShortcuts: () => void showShortcuts(),
      quit: () => void this.quit(),
    };
    actions[action]();
  }

  /** Closes the window (and so the app) once unsaved edits are dealt with. */
  private async quit(): Promise<void> {
    if (await saving.confirmLeave(this.ctx)) await getCurrentWindow().destroy();
  }

  private async watchWindow(): Promise<void> {
    window.addEventListener("focus", () => {
      void this.ctx.flows.refresh(true);
      // Reviewers' suggestions arrive through the shared folder too.
      void suggestions.loadSuggestions(this.ctx);
      // Colleagues' comments arrive through the shared folder.
      if (this.ctx.review.visible) void this.ctx.review.reload();
    });
    try {
      await events.draftsChangedOnDisk.listen((event) => void outside.onDiskChange(this.ctx, event.payload));
      await events.menuChosen.listen((event) => this.run(event.payload));
      await events.openRequested.listen(() => void startup.openRequested(this.ctx));
      // Spelling and grammar the first lint did not wait for are ready.
      await events.proofreadingDone.listen(() => relint(this.ctx.editor.view));
      const appWindow = getCurrentWindow();
      await appWindow.onCloseRequested(async (event) => {
        if (!isDirty(this.session)) return;
        event.preventDefault();
        if (await saving.confirmLeave(this.ctx)) await appWindow.destroy();
      });
    } catch {
      // Outside Tauri (unit tests, a plain browser) there is no window to watch.
    }
  }
}
