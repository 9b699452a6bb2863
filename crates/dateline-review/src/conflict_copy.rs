//! Sync clients' conflict copies: when two machines change a draft at once,
//! Dropbox, Syncthing, Nextcloud and the like keep one version under the
//! draft's name and save the other next to it under a marked name. Knowing
//! the draft a copy belongs to lets the app offer to merge it
//! ([`mod@crate::merge`]) instead of listing a second, look-alike draft.
//!
//! Only names a client really produces are recognised, and only where the
//! mark cannot be an ordinary name: `plan (1).md` (Google Drive, browsers,
//! file managers) and `plan (Jane Doe).md` (Box) are left alone, as people
//! name files like that themselves.

/// The relative path (with `/` separators, same folder) of the draft that
/// `rel_path` is a conflict copy of, when its name follows a sync client's
/// conflict-copy pattern. A copy of a copy gives the first copy; call again
/// to get to the draft.
///
/// ```
/// use dateline_review::conflict_copy::original_of;
/// assert_eq!(original_of("q3/plan (conflicted copy).md").as_deref(), Some("q3/plan.md"));
/// assert_eq!(original_of("q3/launch-plan.md"), None);
/// ```
pub fn original_of(rel_path: &str) -> Option<String> {
    match rel_path.rsplit_once('/') {
        Some((dir, name)) => Some(format!("{dir}/{}", original_name(name)?)),
        None => original_name(rel_path),
    }
}

/// The original file name, trying the mark before the extension (where
/// every client puts it) and then at the very end (a name with no
/// extension, or whose "extension" is really part of the name).
fn original_name(name: &str) -> Option<String> {
    let (stem, ext) = split_extension(name);
    if let Some(s) = strip_mark(stem) {
        return Some(format!("{s}{ext}"));
    }
    strip_mark(name).map(str::to_string)
}

/// The first client's mark found at the end of `stem`, removed.
fn strip_mark(stem: &str) -> Option<&str> {
    PATTERNS.iter().find_map(|(_, strip)| strip(stem))
}

/// `plan.md` → (`plan`, `.md`); a leading dot starts no extension.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    }
}

/// Each client's mark, as a function from a conflict copy's stem to the
/// original's stem.
type Strip = fn(&str) -> Option<&str>;

const PATTERNS: &[(&str, Strip)] = &[
    // `plan (Jane Doe's conflicted copy 2024-03-01).md`, a second one the
    // same day `... 2024-03-01 (1))`, or with no date `plan (Jane Doe's
    // conflicted copy).md`; with no name `plan (conflicted copy 2024-03-01).md`;
    // newer clients `plan (conflicted copy).md`, `plan (conflicted copy 2).md`;
    // case and encoding clashes `plan (Case Conflict).md`, `plan (Case Conflict 1).md`.
    ("Dropbox", dropbox),
    // `plan (conflicted copy 2024-03-01 101500).md`, with the user's name
    // before the date on newer clients; `plan (case clash from 2024-03-01
    // 101500).md`. ownCloud 2.5+ writes the same.
    ("Nextcloud / ownCloud", nextcloud),
    // Before 2.5: `plan_conflict-20240301-101500.md`.
    ("ownCloud (old)", owncloud_old),
    // `plan.sync-conflict-20240301-101500-ABCDEFG.md`: date, time, the short
    // id of the device that made the change.
    ("Syncthing", syncthing),
    // `plan (SFConflict jane@x.com 2024-03-01-10-15-00).md`.
    ("Seafile", seafile),
    // `plan.Conflict.md`, and `plan.Conflict1.md` / `plan.Conflict 2.md` when
    // there are several.
    ("Resilio Sync", resilio),
    // `plan-DESKTOP-AB12CD3.md`, `plan-LAPTOP-XYZ-2.md`: the computer's name
    // appended. Only Windows' generated names (DESKTOP-/LAPTOP- and capitals
    // or digits), since `launch-plan.md` must stay a draft of its own.
    ("OneDrive", onedrive),
];

fn dropbox(stem: &str) -> Option<&str> {
    let (original, inner) = paren_group(stem)?;
    let numbered = |prefix: &str| {
        inner
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.strip_prefix(' ').is_some_and(is_number))
    };
    let by_someone = ["'s conflicted copy", "’s conflicted copy"].iter().any(|mark| {
        inner.split_once(mark).is_some_and(|(who, when)| {
            !who.is_empty() && (when.is_empty() || when.strip_prefix(' ').is_some_and(dated))
        })
    });
    let by_no_one = inner.strip_prefix("conflicted copy ").is_some_and(dated);
    let clash = [
        "Case Conflict",
        "Unicode Encoding Conflict",
        "Selective Sync Conflict",
    ];
    let marked = by_someone || by_no_one || numbered("conflicted copy") || clash.iter().any(|c| numbered(c));
    marked.then_some(original)
}

/// Dropbox's date, then perhaps ` (N)` for the N+1th copy of the day.
fn dated(s: &str) -> bool {
    let (date, rest) = s.split_at_checked(10).unwrap_or((s, ""));
    let counter = rest
        .strip_prefix(" (")
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(is_number);
    shaped(date, "dddd-dd-dd") && (rest.is_empty() || counter)
}

fn nextcloud(stem: &str) -> Option<&str> {
    let (original, inner) = paren_group(stem)?;
    let when = inner
        .strip_prefix("conflicted copy ")
        .or_else(|| inner.strip_prefix("case clash from "))?;
    // The date and time close the mark; a user name may come before them.
    let (user, stamp) = when.split_at_checked(when.len().checked_sub(17)?)?;
    let user_ok = user.is_empty() || user.ends_with(' ');
    (user_ok && shaped(stamp, "dddd-dd-dd dddddd")).then_some(original)
}

fn owncloud_old(stem: &str) -> Option<&str> {
    let (original, stamp) = stem.rsplit_once("_conflict-")?;
    let (date, time) = stamp.split_once('-')?;
    (!original.is_empty() && digits(date, 8) && digits(time, 6)).then_some(original)
}

fn syncthing(stem: &str) -> Option<&str> {
    let (original, mark) = stem.rsplit_once(".sync-conflict-")?;
    let mut parts = mark.split('-');
    let (date, time, device) = (parts.next()?, parts.next()?, parts.next()?);
    let device_ok = !device.is_empty()
        && device
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    (!original.is_empty() && parts.next().is_none() && digits(date, 8) && digits(time, 6) && device_ok)
        .then_some(original)
}

fn seafile(stem: &str) -> Option<&str> {
    let (original, inner) = paren_group(stem)?;
    let rest = inner.strip_prefix("SFConflict ")?;
    // `<who> YYYY-MM-DD-HH-MM-SS`; who is an email or a device name.
    let (who, when) = rest.rsplit_once(' ')?;
    (!who.is_empty() && shaped(when, "dddd-dd-dd-dd-dd-dd")).then_some(original)
}

fn resilio(stem: &str) -> Option<&str> {
    let (original, mark) = stem.rsplit_once(".Conflict")?;
    let counter = mark.strip_prefix(' ').unwrap_or(mark);
    (!original.is_empty() && (mark.is_empty() || is_number(counter))).then_some(original)
}

fn onedrive(stem: &str) -> Option<&str> {
    // Perhaps a `-N` counter after the computer's name.
    let uncounted = stem
        .rsplit_once('-')
        .filter(|(_, n)| is_number(n))
        .map(|(head, _)| head);
    [Some(stem), uncounted]
        .into_iter()
        .flatten()
        .find_map(|s| before_host(s, "-DESKTOP-").or_else(|| before_host(s, "-LAPTOP-")))
}

/// The name before `-DESKTOP-<host>` (`kind`) at the end of `stem`.
fn before_host<'a>(stem: &'a str, kind: &str) -> Option<&'a str> {
    let (original, host) = stem.rsplit_once(kind)?;
    // Windows' generated names: 7 or 8 random capitals and digits (15
    // characters in all), so `-DESKTOP-PUBLISHING` is not one.
    let host_ok =
        (1..=8).contains(&host.len()) && host.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    (!original.is_empty() && host_ok).then_some(original)
}

/// `stem` ending in ` (...)`, parentheses inside balanced: the text before
/// the group (not empty, not ending in a space) and the group's inside.
fn paren_group(stem: &str) -> Option<(&str, &str)> {
    let body = stem.strip_suffix(')')?;
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let original = body[..i].strip_suffix(' ')?;
                let ok = !original.is_empty() && !original.ends_with(' ');
                return ok.then_some((original, &body[i + 1..]));
            }
            _ => {}
        }
    }
    None
}

/// Whether `s` has the shape of `pattern`, where `d` stands for any ASCII
/// digit and other bytes for themselves (dates and times).
fn shaped(s: &str, pattern: &str) -> bool {
    s.len() == pattern.len()
        && s.bytes()
            .zip(pattern.bytes())
            .all(|(b, p)| if p == b'd' { b.is_ascii_digit() } else { b == p })
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// A counter: 1 to 4 digits.
fn is_number(s: &str) -> bool {
    (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(copies: &[(&str, &str)]) {
        for (copy, original) in copies {
            assert_eq!(original_of(copy).as_deref(), Some(*original), "{copy}");
        }
    }

    #[test]
    fn dropbox() {
        check(&[
            ("plan (Jane Doe's conflicted copy 2024-03-01).md", "plan.md"),
            ("plan (Jane Doe’s conflicted copy 2024-03-01).md", "plan.md"),
            ("plan (Jane Doe's conflicted copy 2024-03-01 (1)).md", "plan.md"),
            ("plan (MacBook Pro's conflicted copy 2024-03-01).md", "plan.md"),
            ("plan (Jane Doe's conflicted copy).md", "plan.md"),
            ("plan (conflicted copy 2024-03-01).md", "plan.md"),
            ("plan (conflicted copy 2024-03-01 (2)).md", "plan.md"),
            ("plan (conflicted copy).md", "plan.md"),
            ("plan (conflicted copy 2).md", "plan.md"),
            ("plan (Case Conflict).md", "plan.md"),
            ("plan (Case Conflict 1).md", "plan.md"),
            ("plan (Unicode Encoding Conflict).md", "plan.md"),
            ("plan (Selective Sync Conflict).md", "plan.md"),
        ]);
    }

    #[test]
    fn nextcloud_and_owncloud() {
        check(&[
            ("plan (conflicted copy 2024-03-01 101500).md", "plan.md"),
            ("plan (conflicted copy jane 2024-03-01 101500).md", "plan.md"),
            ("plan (conflicted copy Jane Doe 2024-03-01 101500).md", "plan.md"),
            ("plan (case clash from 2024-03-01 101500).md", "plan.md"),
            ("plan_conflict-20240301-101500.md", "plan.md"),
        ]);
    }

    #[test]
    fn syncthing() {
        check(&[
            ("plan.sync-conflict-20240301-101500-ABCDEFG.md", "plan.md"),
            ("plan.v2.sync-conflict-20240301-101500-ABCDEFG.md", "plan.v2.md"),
            ("README.sync-conflict-20240301-101500-ABCDEFG", "README"),
        ]);
    }

    #[test]
    fn seafile_resilio_onedrive() {
        check(&[
            ("plan (SFConflict jane@x.com 2024-03-01-10-15-00).md", "plan.md"),
            ("plan (SFConflict jane-laptop 2024-03-01-10-15-00).md", "plan.md"),
            ("plan.Conflict.md", "plan.md"),
            ("plan.Conflict1.md", "plan.md"),
            ("plan.Conflict 2.md", "plan.md"),
            ("plan-DESKTOP-AB12CD3.md", "plan.md"),
            ("plan-LAPTOP-XYZ.md", "plan.md"),
            ("plan-DESKTOP-AB12CD3-2.md", "plan.md"),
            ("launch-plan-DESKTOP-AB12CD3.md", "launch-plan.md"),
        ]);
    }

    #[test]
    fn folders_extensions_and_unicode() {
        check(&[
            ("q3/plan (conflicted copy).md", "q3/plan.md"),
            (
                "a/b/c/plan.sync-conflict-20240301-101500-ABCDEFG.md",
                "a/b/c/plan.md",
            ),
            ("plan (conflicted copy).markdown", "plan.markdown"),
            (
                "Pressemitteilung Äpfel (Jürgen's conflicted copy 2024-03-01).md",
                "Pressemitteilung Äpfel.md",
            ),
            ("東京 計画 (conflicted copy 2024-03-01 101500).md", "東京 計画.md"),
            ("ünïcödé/plan-DESKTOP-AB12CD3.md", "ünïcödé/plan.md"),
            // The mark after the last dot: a name whose "extension" is not one.
            ("plan.v2 (conflicted copy)", "plan.v2"),
            (".plan (conflicted copy).md", ".plan.md"),
        ]);
    }

    #[test]
    fn a_copy_of_a_copy_gives_the_first_copy() {
        let copy = "plan (conflicted copy) (conflicted copy).md";
        assert_eq!(original_of(copy).as_deref(), Some("plan (conflicted copy).md"));
        assert_eq!(
            original_of("plan (conflicted copy).md").as_deref(),
            Some("plan.md")
        );
    }

    #[test]
    fn look_alikes_are_drafts_of_their_own() {
        for name in [
            "plan.md",
            "conflicted copy notes.md",
            "launch-plan.md",
            "plan (draft).md",
            "plan (1).md",
            "plan 2.md",
            "plan (Jane Doe).md",
            "plan (copy).md",
            "plan conflicted copy.md",
            "(conflicted copy).md",
            " (conflicted copy).md",
            "plan  (conflicted copy).md",
            "plan(conflicted copy).md",
            "plan (conflicted copy two).md",
            "plan (conflicted copy 2024-03-01 1015).md",
            "plan (Jane's conflicted copy yesterday).md",
            "plan (Jane's conflicted copy2024-03-01).md",
            "plan ('s conflicted copy).md",
            "plan (conflicted copy 2024-3-1).md",
            "plan (conflict 2024-03-01 101500).md",
            "plan (SFConflict).md",
            "plan.sync-conflict-2024-ABC.md",
            "plan.sync-conflict-20240301-101500-abcdefg.md",
            "plan_conflict-notes.md",
            "plan.Conflicts.md",
            "plan.conflict-notes.md",
            "plan-desktop-ab12cd3.md",
            "plan-DESKTOP-.md",
            "plan-Desktop-Notes.md",
            "plan-DESKTOP-PUBLISHING.md",
            "DESKTOP-AB12CD3.md",
            "-DESKTOP-AB12CD3.md",
            "q3/launch-plan.md",
            "",
            "/",
            ".md",
            ")",
            "(",
            "q3/",
        ] {
            assert_eq!(original_of(name), None, "{name:?}");
        }
    }

    #[test]
    fn each_client_has_a_pattern() {
        let names: Vec<&str> = PATTERNS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), 7, "{names:?}");
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// Any path: no panic, and an original differs from the copy, keeps
        /// its folder and is a shorter name.
        #[test]
        fn never_panics(path in "[a-zA-Z0-9 ()/._'’é東-]{0,40}") {
            if let Some(original) = original_of(&path) {
                prop_assert!(original.len() < path.len(), "{} → {}", path, original);
                let dir = |p: &str| p.rsplit_once('/').map(|(d, _)| d.to_string());
                prop_assert_eq!(dir(&original), dir(&path));
            }
        }
    }
}
