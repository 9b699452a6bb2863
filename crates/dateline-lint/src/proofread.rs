//! Harper's spelling and grammar pass over the prose blocks. Harper's
//! dictionary and one lint group per dialect load once, on first use, and
//! are shared by every lint; each block's findings are cached by a hash of
//! its text, so a keystroke re-checks only the block it changed. A lint
//! that must answer at once ([`crate::lint_without_waiting`]) leaves the
//! blocks for later when Harper is still loading or many are new.
//!
//! Spelling uses Harper's dictionary, its dialect marks and its ranked
//! corrections directly rather than its `SpellCheck` linter, which ranks
//! corrections for every unknown word: most are names the `spelling` rule
//! accepts, and ranking costs far more than the lookup.

use crate::config::Dialect;
use harper_core::linting::{FlatConfig, Lint, LintGroup, LintKind, Suggestion};
use harper_core::parsers::PlainEnglish;
use harper_core::spell::{suggest_correct_spelling, Dictionary, FstDictionary};
use harper_core::{CharStringExt, TokenStringExt};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

/// Which of our rules reports a Harper finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Spelling,
    Grammar,
}

/// One Harper finding in a block, in the block's plain-text bytes.
#[derive(Clone, Debug)]
pub(crate) struct Finding {
    pub kind: Kind,
    pub range: Range<usize>,
    pub message: String,
    /// Replacements for plain ranges, likeliest first (none for spelling:
    /// see [`corrections`]).
    pub fixes: Vec<(Range<usize>, String)>,
}

/// Harper's kinds reported as `grammar`. Left out: Readability (our
/// `long-sentence`), Redundancy and Enhancement (our word lists), Style,
/// Formatting and Punctuation (the house style decides: no Oxford comma
/// required, `---` in tables), Regionalism (the dialect is chosen),
/// Miscellaneous but for [`MISC_LINTERS`].
const GRAMMAR_KINDS: &[LintKind] = &[
    LintKind::Agreement,
    LintKind::BoundaryError,
    LintKind::Capitalization,
    LintKind::Eggcorn,
    LintKind::Grammar,
    LintKind::Malapropism,
    LintKind::Nonstandard,
    LintKind::Repetition,
    LintKind::Typo,
    LintKind::Usage,
    LintKind::WordChoice,
    LintKind::WordOrder,
];

/// Harper linters of a left-out kind that are reported all the same, as
/// `grammar`: "a" before a vowel sound, "then" for "than".
const MISC_LINTERS: &[&str] = &["AnA", "ThenThan"];

/// Harper linters left out whatever their kind, each for false findings
/// on the good drafts of the corpus: headlines and list items need not read
/// as sentences; real words split or joined ("monocrystalline", "coffee
/// maker", "call back"); "MB" is fine in a release; "mobile phone" is
/// English everywhere; "plug it in while", "respond to assessed risks",
/// "one of the least likely", "one cleaning a year" are correct.
const SKIPPED_LINTERS: &[&str] = &[
    "SentenceCapitalization",
    "SplitWords",
    "MergeWords",
    "CompoundNouns",
    "ExpandMemoryShorthands",
    "OrthographicConsistency",
    "Regionalisms",
    "InAWhile",
    "InflectedVerbAfterTo",
    "OneOfTheSingular",
    "MassNouns",
    "LongSentences",
    "OxfordComma",
    "SpellCheck",
];

/// The largest edit distance a correction may be at: farther ones are
/// seldom what was meant, and Harper's search grows steeply with it.
const CORRECTION_DISTANCE: u8 = 2;

/// Corrections offered for a misspelling.
const CORRECTIONS: usize = 3;

/// Blocks remembered before the cache starts over: far more than a draft has.
const CACHE_BLOCKS: usize = 20_000;

struct Proofreader {
    dictionary: Arc<FstDictionary>,
    groups: HashMap<Dialect, LintGroup>,
    cache: HashMap<(Dialect, u64), Arc<[Finding]>>,
    corrections: HashMap<(Dialect, String), Arc<[String]>>,
}

/// Set once Harper's dictionary is loaded (about a second).
static SHARED: OnceLock<Mutex<Proofreader>> = OnceLock::new();

fn proofreader() -> &'static Mutex<Proofreader> {
    SHARED.get_or_init(|| {
        Mutex::new(Proofreader {
            dictionary: FstDictionary::curated(),
            groups: HashMap::new(),
            cache: HashMap::new(),
            corrections: HashMap::new(),
        })
    })
}

/// Loads Harper's dictionary and the American lint group now, so that the
/// first lint does not wait for them (the app calls this at start-up).
pub fn warm_up() {
    check_block("Warm up.", Dialect::American);
}

/// The thread Harper runs on. Building its structures uses rayon inside
/// (trie-rs, fid-rs), and the shared proofreader is behind a lock: on
/// rayon's global pool, a caller holding the lock waited for pool threads
/// that were themselves waiting for the lock (the folder index lints on
/// that pool), and the app hung opening a folder on a 2-core machine. On
/// a pool of its own, Harper's inner jobs never wait for the global one.
fn harper_pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "dateline-harper".into())
            // Harper recurses deeply on long blocks; the default 2 MiB ran out.
            .stack_size(16 << 20)
            .build()
            .expect("a one-thread pool can always be built")
    })
}

/// Harper's findings for one block's plain text.
pub(crate) fn check_block(plain: &str, dialect: Dialect) -> Arc<[Finding]> {
    on_harper_thread(|| check_block_here(plain, dialect))
}

/// Blocks a lint that must not wait still checks when they are all that
/// is new: a keystroke changes one, a paste or a new paragraph two.
const QUICK_BLOCKS: usize = 2;

/// Harper's findings for each block, as [`check_block`] gives them, when
/// that is quick: Harper is loaded and at most [`QUICK_BLOCKS`] blocks are
/// new to it. Otherwise (start-up, a draft just opened) the blocks Harper
/// has not seen get no findings yet, and the second value is true: a full
/// lint later fills them in.
pub(crate) fn check_blocks_quickly(plains: &[&str], dialect: Dialect) -> (Vec<Arc<[Finding]>>, bool) {
    let none = || (plains.iter().map(|_| Arc::from([])).collect(), true);
    let Some(shared) = SHARED.get() else {
        return none();
    };
    let cached: Vec<Option<Arc<[Finding]>>> = {
        let p = shared.lock().unwrap_or_else(|e| e.into_inner());
        plains
            .iter()
            .map(|plain| p.cache.get(&key(plain, dialect)).cloned())
            .collect()
    };
    let new = cached.iter().filter(|c| c.is_none()).count();
    if new > QUICK_BLOCKS {
        let found = cached
            .into_iter()
            .map(|c| c.unwrap_or_else(|| Arc::from([])))
            .collect();
        return (found, true);
    }
    let found = cached
        .into_iter()
        .zip(plains)
        .map(|(c, plain)| c.unwrap_or_else(|| check_block(plain, dialect)))
        .collect();
    (found, false)
}

fn key(plain: &str, dialect: Dialect) -> (Dialect, u64) {
    let mut hasher = DefaultHasher::new();
    plain.hash(&mut hasher);
    (dialect, hasher.finish())
}

/// A rayon worker runs Harper where it is (its inner jobs run on its own
/// pool, which it helps with while it waits); any other thread hands it to
/// Harper's pool. A worker must not `install` into another pool: while it
/// waits it takes more index jobs, each nesting another wait, until the
/// stack runs out.
fn on_harper_thread<T: Send>(run: impl FnOnce() -> T + Send) -> T {
    if rayon::current_thread_index().is_some() {
        run()
    } else {
        harper_pool().install(run)
    }
}

fn check_block_here(plain: &str, dialect: Dialect) -> Arc<[Finding]> {
    let key = key(plain, dialect);
    let mut p = proofreader().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(hit) = p.cache.get(&key) {
        return hit.clone();
    }
    let found: Arc<[Finding]> = p.run(plain, dialect).into();
    if p.cache.len() >= CACHE_BLOCKS {
        p.cache.clear();
    }
    p.cache.insert(key, found.clone());
    found
}

impl Proofreader {
    fn run(&mut self, plain: &str, dialect: Dialect) -> Vec<Finding> {
        let masked = mask_addresses(plain);
        let dictionary = self.dictionary.clone();
        let group = self
            .groups
            .entry(dialect)
            .or_insert_with(|| lint_group(dictionary.clone(), dialect));
        // The lint never panics: a Harper panic on odd text costs only
        // that block's findings.
        let lints = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let doc = harper_core::Document::new(&masked, &PlainEnglish, &*dictionary);
            (
                unknown_words(&doc, &dictionary, harper_dialect(dialect)),
                group.organized_lints(&doc),
            )
        }));
        let Ok((unknown, lints)) = lints else {
            return Vec::new();
        };
        let bytes = &CharOffsets::new(plain);
        let misspelled = unknown.into_iter().map(|span| Finding {
            kind: Kind::Spelling,
            range: bytes.get(span.start)..bytes.get(span.end),
            message: String::new(),
            fixes: Vec::new(),
        });
        let mut found: Vec<Finding> = lints
            .into_iter()
            .filter(|(name, _)| !SKIPPED_LINTERS.contains(&name.as_str()))
            .flat_map(|(name, lints)| {
                let misc = MISC_LINTERS.contains(&name.as_str());
                lints
                    .into_iter()
                    .filter_map(move |lint| finding(&lint, misc, bytes))
            })
            .chain(misspelled)
            .collect();
        found.retain(|f| f.kind != Kind::Spelling || !self.in_known_compound(plain, &f.range));
        found.sort_by_key(|f| (f.range.start, f.range.end));
        drop_overlaps(&mut found);
        found
    }
}

impl Proofreader {
    /// Harper checks "Wi-Fi" as "Wi" and "Fi": a part of a hyphenated word
    /// the dictionary knows is no misspelling.
    fn in_known_compound(&self, plain: &str, range: &Range<usize>) -> bool {
        let part = |c: char| c.is_alphanumeric() || c == '-';
        let start = plain[..range.start]
            .rfind(|c: char| !part(c))
            .map_or(0, |i| i + plain[i..].chars().next().map_or(1, char::len_utf8));
        let end = plain[range.end..]
            .find(|c: char| !part(c))
            .map_or(plain.len(), |i| range.end + i);
        let compound = plain[start..end].trim_matches('-');
        compound.len() > range.len() && self.dictionary.contains_word_str(compound)
    }
}

/// Harper's word tokens its dictionary does not know in the dialect (as
/// its `SpellCheck` decides, without ranking corrections).
fn unknown_words(
    doc: &harper_core::Document,
    dictionary: &FstDictionary,
    dialect: harper_core::Dialect,
) -> Vec<harper_core::Span<char>> {
    doc.iter_words()
        .filter(|word| {
            let chars = doc.get_span_content(&word.span);
            let normal = chars.normalized();
            let known = matches!(word.kind.as_word(), Some(Some(m)) if m.dialects.is_dialect_enabled(dialect))
                && (dictionary.contains_exact_word(chars)
                    || dictionary.contains_exact_word(&normal)
                    || dictionary.contains_exact_word(&normal.to_lower()));
            !known
        })
        .map(|word| word.span)
        .collect()
}

/// Harper's likeliest corrections of a misspelled word in a dialect,
/// capitalised like the word; ranked once per word and remembered.
pub(crate) fn corrections(word: &str, dialect: Dialect) -> Arc<[String]> {
    on_harper_thread(|| corrections_here(word, dialect))
}

fn corrections_here(word: &str, dialect: Dialect) -> Arc<[String]> {
    let mut p = proofreader().lock().unwrap_or_else(|e| e.into_inner());
    let key = (dialect, word.to_string());
    if let Some(hit) = p.corrections.get(&key) {
        return hit.clone();
    }
    let chars: Vec<char> = word.chars().collect();
    let wanted = harper_dialect(dialect);
    let mut out: Vec<String> = Vec::new();
    for candidate in suggest_correct_spelling(&chars, 200, CORRECTION_DISTANCE, &*p.dictionary) {
        let in_dialect = p
            .dictionary
            .get_word_metadata(candidate)
            .is_some_and(|m| m.dialects.is_dialect_enabled(wanted));
        let text = capitalised_like(word, candidate);
        if in_dialect && !out.iter().any(|o| o.eq_ignore_ascii_case(&text)) {
            out.push(text);
        }
        if out.len() == CORRECTIONS {
            break;
        }
    }
    let out: Arc<[String]> = out.into();
    if p.corrections.len() >= CACHE_BLOCKS {
        p.corrections.clear();
    }
    p.corrections.insert(key, out.clone());
    out
}

/// "Teh" gets "The": a capitalised word's corrections are capitalised,
/// unless they have capitals of their own ("macOS").
fn capitalised_like(word: &str, candidate: &[char]) -> String {
    let mut out: String = candidate.iter().collect();
    let own_capitals = candidate.iter().skip(1).any(|c| c.is_uppercase());
    if word.starts_with(char::is_uppercase) && !own_capitals {
        let mut chars = out.chars();
        if let Some(first) = chars.next() {
            out = first.to_uppercase().chain(chars).collect();
        }
    }
    out
}

/// Harper's curated group for a dialect, with only its default-on linters
/// named in the config (the group hashes its config for every chunk).
fn lint_group(dictionary: Arc<FstDictionary>, dialect: Dialect) -> LintGroup {
    let mut group = LintGroup::new_curated(dictionary, harper_dialect(dialect));
    let mut config = FlatConfig::default();
    for key in group.iter_keys() {
        if group.config.is_rule_enabled(key) && !SKIPPED_LINTERS.contains(&key) {
            config.set_rule_enabled(key, true);
        }
    }
    group.config = config;
    group
}

fn harper_dialect(dialect: Dialect) -> harper_core::Dialect {
    match dialect {
        Dialect::American => harper_core::Dialect::American,
        Dialect::British => harper_core::Dialect::British,
        Dialect::Canadian => harper_core::Dialect::Canadian,
        Dialect::Australian => harper_core::Dialect::Australian,
    }
}

/// Our finding for a Harper lint, if its kind is one we report (`misc`:
/// its linter is one of [`MISC_LINTERS`]).
fn finding(lint: &Lint, misc: bool, bytes: &CharOffsets) -> Option<Finding> {
    let kind = match lint.lint_kind {
        LintKind::Spelling => Kind::Spelling,
        k if misc || GRAMMAR_KINDS.contains(&k) => Kind::Grammar,
        _ => return None,
    };
    let range = bytes.get(lint.span.start)..bytes.get(lint.span.end);
    let fixes = lint
        .suggestions
        .iter()
        .map(|s| match s {
            Suggestion::ReplaceWith(chars) => (range.clone(), chars.iter().collect()),
            Suggestion::InsertAfter(chars) => (range.end..range.end, chars.iter().collect()),
            Suggestion::Remove => (range.clone(), String::new()),
        })
        .collect();
    Some(Finding {
        kind,
        range,
        message: lint.message.replace('`', "\""),
        fixes,
    })
}

/// One finding per slip: a word Harper both misspells and flags as a
/// grammar slip is a misspelling, and of overlapping grammar findings
/// (a repeated "to to" is two) the first is kept. `found` is sorted.
fn drop_overlaps(found: &mut Vec<Finding>) {
    let spelled: Vec<Range<usize>> = found
        .iter()
        .filter(|f| f.kind == Kind::Spelling)
        .map(|f| f.range.clone())
        .collect();
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut last_grammar: Option<Range<usize>> = None;
    found.retain(|f| {
        if f.kind == Kind::Spelling {
            return true;
        }
        let keep = !spelled.iter().any(|s| overlaps(s, &f.range))
            && !last_grammar
                .as_ref()
                .is_some_and(|g| overlaps(g, &f.range) || *g == f.range);
        if keep {
            last_grammar = Some(f.range.clone());
        }
        keep
    });
}

/// Blanks out URLs and e-mail addresses (with spaces of the same length, so
/// offsets hold): they are not words to check.
fn mask_addresses(plain: &str) -> String {
    let mut out = String::with_capacity(plain.len());
    let mut last = 0;
    for (start, token) in tokens(plain) {
        if is_address(token) {
            out.push_str(&plain[last..start]);
            out.extend(std::iter::repeat_n(' ', token.len()));
            last = start + token.len();
        }
    }
    out.push_str(&plain[last..]);
    out
}

/// Whitespace-separated tokens with their byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .scan(0, |at, token| {
            let start = *at;
            *at += token.len()
                + text[start + token.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            Some((start, token))
        })
        .filter(|(_, t)| !t.is_empty())
}

/// `https://…`, `www.…`, `name@host.tld`, or `host.tld/path`.
fn is_address(token: &str) -> bool {
    let token = token.trim_matches(|c: char| "()<>[]\"'“”‘’,;".contains(c));
    let dotted_host = |host: &str| {
        let host = host.trim_end_matches('.');
        let tld = host.rsplit('.').next().unwrap_or("");
        host.contains('.')
            && !host.starts_with('.')
            && tld.len() >= 2
            && tld.chars().all(|c| c.is_ascii_alphabetic())
            && host.chars().all(|c| c.is_alphanumeric() || ".-".contains(c))
    };
    let bare_host = !token.contains(char::is_uppercase) && dotted_host(token);
    token.contains("://")
        || token.starts_with("www.")
        || bare_host
        || token
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && dotted_host(host))
        || token.split_once('/').is_some_and(|(host, _)| dotted_host(host))
}

/// Byte offsets of char indexes (Harper counts chars).
struct CharOffsets(Vec<usize>);

impl CharOffsets {
    fn new(text: &str) -> Self {
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        CharOffsets(offsets)
    }

    fn get(&self, char_index: usize) -> usize {
        self.0
            .get(char_index)
            .copied()
            .unwrap_or(*self.0.last().unwrap_or(&0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_urls_and_emails_but_not_words() {
        let text = "Visit helios.example/quote or https://x.io/a, mail ana@helios.example. Ends.";
        let masked = mask_addresses(text);
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("helios") && !masked.contains("x.io"));
        assert!(masked.starts_with("Visit ") && masked.ends_with(" Ends."));
        assert_eq!(
            mask_addresses("and/or e.g. 3.5/5 stars"),
            "and/or e.g. 3.5/5 stars"
        );
        assert_eq!(mask_addresses("at atlasmaps.example."), "at                   ");
    }

    #[test]
    fn finds_a_misspelling_with_byte_ranges_after_wide_chars() {
        let text = "Café owners — the custmer comes first.";
        let found = check_block(text, Dialect::American);
        let f = found
            .iter()
            .find(|f| f.kind == Kind::Spelling)
            .expect("a misspelling");
        assert_eq!(&text[f.range.clone()], "custmer");
        assert_eq!(corrections("custmer", Dialect::American)[0], "customer");
    }

    #[test]
    fn a_known_hyphenated_word_is_no_misspelling() {
        let found = check_block("It works without Wi-Fi in the hills.", Dialect::American);
        assert!(found.iter().all(|f| f.kind != Kind::Spelling), "{found:?}");
    }
}
