//! The fixture harness: every `fixtures/NAME.md` is linted (with
//! `fixtures/NAME.toml` as its config when present) and its findings are
//! compared with `fixtures/NAME.expect`. See `fixtures/README.md`.

use dateline_lint::{lint, rules, Config};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// What a fixture's `.expect` file says.
struct Expect {
    /// Rules whose findings must match exactly; `None` means every rule.
    checked: Option<BTreeSet<String>>,
    /// Expected (line, rule) findings, with repeats.
    findings: Vec<(usize, String)>,
    /// Expected (line, unknown rule id) problems in inline comments. Always
    /// checked: a fixture without any expects none.
    comment_problems: Vec<(usize, String)>,
}

impl Expect {
    fn checks(&self, rule: &str) -> bool {
        self.checked.as_ref().is_none_or(|c| c.contains(rule))
    }
}

fn parse_expect(path: &Path) -> Expect {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut checked = Some(BTreeSet::new());
    let mut findings = Vec::new();
    let mut comment_problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let place = || format!("{}:{}", path.display(), n + 1);
        if let Some(problem) = line.strip_prefix("comment-problem:") {
            comment_problems.push(line_and_id(problem.trim(), place, "comment-problem: LINE ID"));
            continue;
        }
        if let Some(rules) = line.strip_prefix("check:") {
            let rules: Vec<&str> = rules.split_whitespace().collect();
            if rules == ["*"] {
                checked = None;
            } else if let Some(c) = checked.as_mut() {
                c.extend(rules.iter().map(|r| r.to_string()));
            }
            continue;
        }
        findings.push(line_and_id(line, place, "LINE RULE"));
    }
    let expect = Expect {
        checked,
        findings,
        comment_problems,
    };
    for (_, rule) in &expect.findings {
        assert!(
            rules().iter().any(|r| r.id == rule),
            "{}: unknown rule {rule}",
            path.display()
        );
        assert!(
            expect.checks(rule),
            "{}: {rule} is expected but not in `check:`",
            path.display()
        );
    }
    expect
}

/// `LINE ID` of an expectation line: the line number and the rule id.
fn line_and_id(entry: &str, place: impl Fn() -> String, shape: &str) -> (usize, String) {
    let (at, id) = entry
        .split_once(' ')
        .unwrap_or_else(|| panic!("{}: want `{shape}`", place()));
    let at = at
        .parse()
        .unwrap_or_else(|_| panic!("{}: bad line number", place()));
    (at, id.trim().to_string())
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md") && p.file_name().is_some_and(|n| n != "README.md")
        })
        .collect();
    files.sort();
    files
}

/// `NAME.toml` as the config and `NAME.words.txt` as the team words file.
fn config_for(md: &Path) -> Config {
    let mut config = match fs::read_to_string(md.with_extension("toml")) {
        Ok(text) => {
            let (config, problems) = Config::from_toml(&text);
            assert!(problems.is_empty(), "{}: {problems:?}", md.display());
            config
        }
        Err(_) => Config::default(),
    };
    if let Ok(words) = fs::read_to_string(md.with_extension("words.txt")) {
        config.add_team_words(&words);
    }
    config
}

fn counted(items: impl IntoIterator<Item = (usize, String)>) -> BTreeMap<(usize, String), usize> {
    let mut map = BTreeMap::new();
    for item in items {
        *map.entry(item).or_insert(0) += 1;
    }
    map
}

#[test]
fn every_fixture_reports_exactly_what_it_expects() {
    let mut failures = Vec::new();
    for md in fixtures() {
        let expect = parse_expect(&md.with_extension("expect"));
        let text = fs::read_to_string(&md).expect("fixture text");
        let report = lint(&text, &config_for(&md));
        let actual: Vec<(usize, String)> = report
            .diagnostics
            .iter()
            .filter(|d| expect.checks(d.rule))
            .map(|d| (d.line, d.rule.to_string()))
            .collect();
        let problems: Vec<(usize, String)> = report
            .comment_problems
            .iter()
            .map(|p| (p.line, p.id.clone()))
            .collect();
        if counted(problems.clone()) != counted(expect.comment_problems.clone()) {
            failures.push(format!(
                "{}: expected comment problems {:?}\n  got: {:?}",
                md.display(),
                expect.comment_problems,
                report.comment_problems
            ));
        }
        if counted(actual.clone()) != counted(expect.findings.clone()) {
            let listing: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| expect.checks(d.rule))
                .map(|d| format!("    {} {}  ({})", d.line, d.rule, d.message))
                .collect();
            failures.push(format!(
                "{}: expected {:?}\n  got:\n{}",
                md.display(),
                expect.findings,
                listing.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_rule_fires_in_a_fixture_and_stays_silent_in_a_good_one() {
    let expects: Vec<Expect> = fixtures()
        .iter()
        .map(|md| parse_expect(&md.with_extension("expect")))
        .collect();
    for rule in rules() {
        let fires = expects
            .iter()
            .any(|e| e.findings.iter().any(|(_, r)| r == rule.id));
        let silent = expects.iter().any(|e| {
            e.checks(rule.id) && e.findings.iter().all(|(_, r)| r != rule.id) && e.checked.is_none()
        });
        assert!(fires, "no fixture expects {} to fire", rule.id);
        assert!(silent, "no good fixture checks that {} stays silent", rule.id);
    }
}
