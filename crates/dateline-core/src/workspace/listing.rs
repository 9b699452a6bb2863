//! The open folder's drafts list: sorted, filtered and cut to the rows the
//! window shows. A folder can hold 10,000 drafts; the window asks for the
//! first few hundred in the order she chose, and for more when she scrolls
//! to "Show more", so neither the answer nor the page grows with the folder.

use super::session::folder_info;
use super::{ConflictCopy, DeletedDraft, DraftSummary, FolderListing, SkippedEntry, Workspace};
use crate::error::{display_name, Error, Result};
use crate::store::{DraftId, FolderId, IndexRow};
use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::preferences::CollationNumericOrdering;
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

/// Rows in a first answer; "Show more" asks for more.
pub const LIST_PAGE: u32 = 400;
/// The sort order is remembered across launches under this settings key.
const LIST_SORT: &str = "list_sort";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum DraftSort {
    /// Newest first.
    #[default]
    Modified,
    Title,
    /// Readiness, highest first.
    Score,
    /// By status, drafts without one last.
    Status,
}

/// Which rows of the list the window wants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ListQuery {
    pub sort: DraftSort,
    /// Only drafts with this status (any case); empty for every draft.
    pub status: String,
    /// How many rows to send, from the top.
    pub limit: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            sort: DraftSort::default(),
            status: String::new(),
            limit: LIST_PAGE,
        }
    }
}

/// Titles and statuses compare as people read them: case and accents aside,
/// numbers by value ("Draft 9" before "Draft 10").
static COLLATOR: LazyLock<Option<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    let mut prefs = CollatorPreferences::default();
    prefs.numeric_ordering = Some(CollationNumericOrdering::True);
    let mut options = CollatorOptions::default();
    options.strength = Some(Strength::Primary);
    Collator::try_new(prefs, options).ok()
});

fn sort_key(text: &str) -> Vec<u8> {
    let mut key = Vec::new();
    match COLLATOR.as_ref() {
        Some(collator) => {
            let Ok(()) = collator.write_sort_key_to(text, &mut key);
        }
        None => key.extend(text.to_lowercase().into_bytes()),
    }
    key
}

impl Workspace {
    /// The sort remembered from the last launch.
    pub(super) fn saved_list_query(&self) -> ListQuery {
        ListQuery {
            sort: self.store.setting(LIST_SORT).ok().flatten().unwrap_or_default(),
            ..ListQuery::default()
        }
    }

    /// The list with new sort, filter or length (the sort is remembered), or
    /// as last asked when `query` is `None`.
    pub fn list_drafts(&mut self, query: Option<ListQuery>) -> Result<FolderListing> {
        if let Some(mut query) = query {
            query.limit = query.limit.clamp(1, 1_000_000);
            if query.sort != self.list_query.sort {
                self.store.set_setting(LIST_SORT, &query.sort)?;
            }
            self.list_query = query;
        }
        self.listing()
    }

    /// The open folder's list, as the last query asked for it.
    pub fn listing(&self) -> Result<FolderListing> {
        let open = self.current()?;
        let rows = self.store.index_rows(open.id)?;
        let (live, mut gone): (Vec<IndexRow>, Vec<IndexRow>) =
            rows.into_iter().partition(|r| r.deleted_ms.is_none());
        let (live, mut copies) = attach_conflict_copies(live);
        let statuses = statuses_of(&live);
        let mut query = self.list_query.clone();
        let wanted = query.status.to_lowercase();
        if !statuses.iter().any(|s| s.to_lowercase() == wanted) {
            query.status.clear();
        }
        let count = live.len() as u32;
        let mut shown: Vec<IndexRow> = live
            .into_iter()
            .filter(|r| query.status.is_empty() || r.facts.status.to_lowercase() == wanted)
            .collect();
        let total = shown.len() as u32;
        sort_rows(&mut shown, query.sort);
        shown.truncate(query.limit as usize);
        let drafts = shown
            .into_iter()
            .map(|row| {
                let conflicts = copies.remove(&row.rel_path).unwrap_or_default();
                self.summary(row, conflicts)
            })
            .collect::<Result<Vec<_>>>()?;
        gone.sort_by_key(|r| std::cmp::Reverse(r.deleted_ms));
        let deleted = gone.into_iter().map(deleted_draft).collect();
        let skipped = open
            .skipped
            .iter()
            .map(|s| SkippedEntry {
                name: s.name.clone(),
                reason: s.reason.clone(),
            })
            .collect();
        let record = self.store.folder(open.id)?;
        Ok(FolderListing {
            folder: folder_info(&record),
            drafts,
            total,
            count,
            statuses,
            query,
            deleted,
            skipped,
            config_problems: open.config_problems.clone(),
        })
    }

    /// The list entry of the open folder's draft at `rel_path`, whichever
    /// rows the window was sent; `None` when no such draft is listed.
    pub(super) fn listed_draft(&self, rel_path: &str) -> Result<Option<DraftSummary>> {
        let open = self.current()?;
        self.live_row(open.id, rel_path)?
            .map(|row| self.summary(row, Vec::new()))
            .transpose()
    }

    fn live_row(&self, folder: FolderId, rel_path: &str) -> Result<Option<IndexRow>> {
        Ok(self
            .store
            .index_row(folder, rel_path)?
            .filter(|row| row.deleted_ms.is_none()))
    }

    /// Whether `id` is a draft listed in the open folder.
    pub(super) fn is_listed(&self, id: DraftId) -> Result<bool> {
        let Some(open) = self.folder.as_ref() else {
            return Ok(false);
        };
        let (folder, rel_path) = match self.store.draft_location(id) {
            Ok(location) => location,
            Err(Error::NotFound(_)) => return Ok(false),
            Err(e) => return Err(e),
        };
        Ok(folder == open.id && self.live_row(folder, &rel_path)?.is_some())
    }

    fn summary(&self, row: IndexRow, conflicts: Vec<ConflictCopy>) -> Result<DraftSummary> {
        let review = self.review_counts(row.id, &row.rel_path)?;
        Ok(DraftSummary {
            id: row.id,
            name: display_name(Path::new(&row.rel_path)),
            rel_path: row.rel_path,
            title: row.facts.title,
            owner: row.facts.owner,
            status: row.facts.status,
            score: row.facts.score,
            words: row.facts.words,
            problem: row.facts.problem,
            size_bytes: row.facts.size as f64,
            modified_ms: row.facts.modified_ms as f64,
            conflicts,
            open_comments: review.open_comments,
            approvals: review.approvals,
            change_requests: review.change_requests,
            open_suggestions: review.open_suggestions,
        })
    }
}

/// Splits sync clients' conflict copies whose draft is listed from the
/// drafts: they are shown with their draft, keyed here by its path.
fn attach_conflict_copies(live: Vec<IndexRow>) -> (Vec<IndexRow>, HashMap<String, Vec<ConflictCopy>>) {
    let paths: HashSet<String> = live.iter().map(|r| r.rel_path.clone()).collect();
    let mut copies: HashMap<String, Vec<ConflictCopy>> = HashMap::new();
    let mut drafts = Vec::with_capacity(live.len());
    for row in live {
        match dateline_review::conflict_copy::original_of(&row.rel_path).filter(|p| paths.contains(p)) {
            Some(original) => copies.entry(original).or_default().push(ConflictCopy {
                id: row.id,
                rel_path: row.rel_path,
                modified_ms: row.facts.modified_ms as f64,
            }),
            None => drafts.push(row),
        }
    }
    (drafts, copies)
}

/// The statuses present (one spelling each, whatever the case), in order.
fn statuses_of(rows: &[IndexRow]) -> Vec<String> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for row in rows.iter().filter(|r| !r.facts.status.is_empty()) {
        seen.entry(row.facts.status.to_lowercase())
            .or_insert(&row.facts.status);
    }
    let mut statuses: Vec<String> = seen.into_values().map(str::to_string).collect();
    statuses.sort_by_cached_key(|s| (sort_key(s), s.clone()));
    statuses
}

/// Sorts in the order asked; ties go by title, then path, so the order is stable.
fn sort_rows(rows: &mut [IndexRow], sort: DraftSort) {
    match sort {
        DraftSort::Title => rows.sort_by_cached_key(|r| (sort_key(&r.facts.title), r.rel_path.clone())),
        DraftSort::Modified => rows.sort_by(|a, b| {
            b.facts
                .modified_ms
                .cmp(&a.facts.modified_ms)
                .then_with(|| by_title(a, b))
        }),
        DraftSort::Score => {
            rows.sort_by(|a, b| b.facts.score.cmp(&a.facts.score).then_with(|| by_title(a, b)))
        }
        DraftSort::Status => rows.sort_by(|a, b| {
            (a.facts.status.is_empty().cmp(&b.facts.status.is_empty()))
                .then_with(|| compare_text(&a.facts.status, &b.facts.status))
                .then_with(|| by_title(a, b))
        }),
    }
}

fn by_title(a: &IndexRow, b: &IndexRow) -> Ordering {
    compare_text(&a.facts.title, &b.facts.title).then_with(|| a.rel_path.cmp(&b.rel_path))
}

fn compare_text(a: &str, b: &str) -> Ordering {
    match COLLATOR.as_ref() {
        Some(collator) => collator.compare(a, b),
        None => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}

fn deleted_draft(r: IndexRow) -> DeletedDraft {
    DeletedDraft {
        id: r.id,
        title: r.facts.title,
        rel_path: r.rel_path,
        deleted_ms: r.deleted_ms.unwrap_or_default() as f64,
    }
}
