// The sidebar's drafts: the folder's live list (title, owner, status,
// readiness, conflict copies), full-text search as she types, and the drafts
// whose files vanished (kept, with a way back). The backend sorts, filters and
// sends the rows shown, so a 10,000-draft folder costs the window no more
// than a small one.
import type { ConflictCopy, DeletedDraft, DraftSort, DraftSummary, FolderListing, ListQuery, SearchHit } from "./bindings";
import { h, fill } from "./dom";
import { arrowNavigation } from "./roving";
import { draftFolder, formatModified, reviewSummary } from "./format";
import { milestone } from "./milestones";

const SORT_LABELS: Record<DraftSort, string> = { modified: "Last modified", title: "Title", score: "Readiness", status: "Status" };
/** Rows a first answer holds (the backend's LIST_PAGE); "Show more" asks for more. */
const PAGE = 400;
/** Typing pauses this long before a search goes out. */
const SEARCH_DELAY_MS = 60;

export interface DraftListActions {
  open(id: number): void;
  /** The list in another order, with another filter, or longer. */
  query(query: ListQuery): void;
  mergeCopy(draft: DraftSummary, copy: ConflictCopy): void;
  restoreDeleted(draft: DeletedDraft): void;
  search(query: string): Promise<SearchHit[]>;
  report(err: unknown): void;
}

export class DraftList {
  readonly el: HTMLElement;
  private readonly searchInput = h("input", { type: "search", class: "search", placeholder: "Search drafts", "aria-label": "Search every draft", "data-testid": "search", spellcheck: "false" });
  private readonly sortSelect = h("select", { "data-testid": "sort-drafts", "aria-label": "Sort drafts", title: "Sort drafts" });
  private readonly statusSelect = h("select", { "data-testid": "status-filter", "aria-label": "Show drafts with status", title: "Show drafts with status" });
  private readonly list = h("ul", { class: "draft-list", "data-testid": "draft-list" });
  private readonly deleted = h("details", { class: "deleted-drafts", "data-testid": "deleted-drafts" });
  private listing: FolderListing | null = null;
  private activeId: number | null = null;
  /**
   * The rows on screen by draft id, with what they were drawn from: a
   * refresh (every outside change refreshes the list) redraws only the rows
   * that changed instead of every row, which kept the web view's memory
   * climbing through a burst of changes.
   */
  private rows = new Map<number, { drawnFrom: string; el: HTMLElement }>();
  private searchSeq = 0;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly actions: DraftListActions) {
    fill(this.sortSelect, ...Object.entries(SORT_LABELS).map(([value, label]) => h("option", { value }, label)));
    this.sortSelect.addEventListener("change", () => this.ask({ sort: this.sortSelect.value as DraftSort, limit: PAGE }));
    this.statusSelect.addEventListener("change", () => this.ask({ status: this.statusSelect.value, limit: PAGE }));
    this.searchInput.addEventListener("input", () => this.scheduleSearch());
    arrowNavigation(this.list, '[data-testid="draft-item"], [data-testid="search-hit"]');
    this.searchInput.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        this.searchInput.value = "";
        this.render();
      }
    });
    this.el = h(
      "div",
      { class: "drafts" },
      this.searchInput,
      h("div", { class: "list-controls" }, this.sortSelect, this.statusSelect),
      this.list,
      this.deleted,
    );
  }

  show(listing: FolderListing | null): void {
    this.listing = listing;
    if (listing) this.sortSelect.value = listing.query.sort;
    this.renderStatuses();
    if (this.searching) this.scheduleSearch();
    else this.render();
  }

  setActive(id: number | null): void {
    this.activeId = id;
    for (const item of this.list.querySelectorAll<HTMLElement>("[data-draft-id]")) {
      const active = Number(item.dataset.draftId) === id;
      item.classList.toggle("active", active);
      item.toggleAttribute("aria-current", active);
    }
  }

  focusSearch(): void {
    this.searchInput.focus();
    this.searchInput.select();
  }

  private ask(change: Partial<ListQuery>): void {
    if (this.listing) this.actions.query({ ...this.listing.query, ...change });
  }

  private get searching(): boolean {
    return this.searchInput.value.trim() !== "";
  }

  private renderStatuses(): void {
    const statuses = this.listing?.statuses ?? [];
    const chosen = this.listing?.query.status ?? "";
    const options = statuses.map((s) => h("option", { value: s }, s));
    fill(this.statusSelect, h("option", { value: "" }, "Any status"), ...options);
    // The backend matches any case; select the spelling it lists.
    this.statusSelect.value = statuses.find((s) => s.toLowerCase() === chosen.toLowerCase()) ?? "";
    this.statusSelect.hidden = statuses.length === 0;
  }

  private render(): void {
    const listing = this.listing;
    const drafts = listing?.drafts ?? [];
    const more = (listing?.total ?? 0) - drafts.length;
    const next = Math.min(more, PAGE * 5);
    const rows = new Map(drafts.map((d) => [d.id, this.row(d)]));
    if (drafts.length > 0) milestone("drafts-listed");
    this.rows = rows;
    fill(
      this.list,
      ...[...rows.values()].map((r) => r.el),
      more > 0 &&
        h("li", {}, h("button", { class: "link more", "data-testid": "show-more", onclick: () => this.ask({ limit: drafts.length + next }) }, `Show ${next.toLocaleString()} more of ${more.toLocaleString()}`)),
    );
    this.renderDeleted(this.listing?.deleted ?? []);
    this.setActive(this.activeId);
  }

  /** The row drawn before when nothing it shows changed, else a new one. */
  private row(draft: DraftSummary): { drawnFrom: string; el: HTMLElement } {
    // The relative time ("5 min ago") is part of what is shown.
    const drawnFrom = JSON.stringify(draft) + formatModified(draft.modifiedMs);
    const drawn = this.rows.get(draft.id);
    return drawn?.drawnFrom === drawnFrom ? drawn : { drawnFrom, el: this.item(draft) };
  }

  private item(draft: DraftSummary): HTMLElement {
    const active = this.activeId === draft.id;
    const meta = [draftFolder(draft.relPath), draft.owner, draft.status, draft.problem ? "cannot be opened" : `${draft.score}% ready`, formatModified(draft.modifiedMs)];
    const review = reviewSummary(draft);
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
          title: draft.problem ?? draft.relPath,
          onclick: () => this.actions.open(draft.id),
        },
        h("span", { class: "draft-name", "data-testid": "draft-item-title" }, draft.title),
        h("span", { class: "draft-meta", "data-testid": "draft-meta" }, meta.filter(Boolean).join(" · ")),
        review && h("span", { class: "draft-review", "data-testid": "draft-review" }, review),
      ),
      ...draft.conflicts.map((copy) =>
        h(
          "button",
          {
            class: "conflict-copy",
            "data-testid": "conflict-copy",
            title: `A sync client kept “${copy.relPath}” when two people changed this draft at once. Compare and merge it.`,
            onclick: () => this.actions.mergeCopy(draft, copy),
          },
          `⚠ Conflict copy (${formatModified(copy.modifiedMs)}): compare and merge`,
        ),
      ),
    );
  }

  private renderDeleted(deleted: DeletedDraft[]): void {
    this.deleted.hidden = deleted.length === 0;
    fill(
      this.deleted,
      h("summary", {}, `Deleted (${deleted.length})`),
      h(
        "ul",
        {},
        ...deleted.map((d) =>
          h(
            "li",
            { "data-testid": "deleted-draft", title: d.relPath },
            h("span", { class: "draft-name" }, d.title || d.relPath),
            h("span", { class: "draft-meta" }, `${d.relPath} · gone ${formatModified(d.deletedMs)}`),
            h("button", { class: "link", "data-testid": "restore-deleted", onclick: () => this.actions.restoreDeleted(d) }, "Restore"),
          ),
        ),
      ),
    );
  }

  private scheduleSearch(): void {
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchTimer = null;
      void this.search();
    }, SEARCH_DELAY_MS);
  }

  private async search(): Promise<void> {
    const query = this.searchInput.value;
    if (query.trim() === "") {
      this.render();
      return;
    }
    const seq = ++this.searchSeq;
    try {
      const hits = await this.actions.search(query);
      // A newer query was typed meanwhile: its answer wins.
      if (seq === this.searchSeq && this.searching) this.renderHits(hits);
    } catch (err) {
      this.actions.report(err);
    }
  }

  private renderHits(hits: SearchHit[]): void {
    if (hits.length === 0) {
      fill(this.list, h("li", { class: "empty", "data-testid": "no-hits" }, "No draft has all of these words."));
      return;
    }
    fill(
      this.list,
      ...hits.map((hit) =>
        h(
          "li",
          {},
          h(
            "button",
            { class: "draft-item hit", "data-testid": "search-hit", "data-draft-id": hit.id, title: hit.relPath, onclick: () => this.actions.open(hit.id) },
            h("span", { class: "draft-name" }, hit.title),
            h("span", { class: "snippet", "data-testid": "search-snippet" }, ...hit.snippet.map((part) => (part.hit ? h("mark", {}, part.text) : part.text))),
            h("span", { class: "draft-meta" }, hit.relPath),
          ),
        ),
      ),
    );
  }
}
