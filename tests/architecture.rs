//! The house reads one way. Two checks over the sources, no build needed:
//! - ARCHITECTURE.md names every crate and every `./dev.sh` command, so the
//!   map a newcomer reads first stays true;
//! - no crate's top-level modules form a cycle (a module that names
//!   `crate::other` depends on it), so each layer reads bottom-up.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Crates whose module cycles are not untangled yet, each with the reason.
/// Remove an entry when its crate is fixed; the test then holds it there.
const KNOWN_CYCLES: &[(&str, &str)] = &[(
    "crates/dateline-lint/src",
    "config → wordlists → rules → context → config: the lint crate's one-way chain is the next step of issue 23",
)];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_architecture_page_names_every_crate_and_dev_command() {
    let page = fs::read_to_string(repo().join("ARCHITECTURE.md")).unwrap();
    for entry in fs::read_dir(repo().join("crates")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            page.contains(&format!("crates/{name}")),
            "ARCHITECTURE.md does not name crates/{name}"
        );
    }
    let dev = fs::read_to_string(repo().join("dev.sh")).unwrap();
    let commands: Vec<&str> = dev
        .lines()
        .filter_map(|line| line.strip_prefix("cmd_")?.split_once("()").map(|(name, _)| name))
        .collect();
    assert!(commands.len() >= 4, "found only {commands:?} in dev.sh");
    for command in commands {
        assert!(
            page.contains(&format!("dev.sh {command}")),
            "ARCHITECTURE.md does not name `./dev.sh {command}`"
        );
    }
}

#[test]
fn no_crate_has_a_module_cycle() {
    let mut roots = vec![repo().join("src-tauri")];
    for entry in fs::read_dir(repo().join("crates")).unwrap() {
        roots.push(entry.unwrap().path().join("src"));
    }
    for root in roots {
        let known = KNOWN_CYCLES.iter().find(|(dir, _)| root.ends_with(dir));
        let cycle = find_cycle(&module_graph(&root));
        match (cycle, known) {
            (Some(cycle), None) => panic!("module cycle in {}: {}", root.display(), cycle.join(" → ")),
            (None, Some((dir, _))) => panic!("{dir} has no cycle any more: remove it from KNOWN_CYCLES"),
            _ => {}
        }
    }
}

/// Top-level module → the top-level modules its files name as `crate::x`
/// (code before the first `#[cfg(test)]`, comments aside).
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    collect_rs(src, &mut files);
    let module_of = |file: &Path| -> String {
        let rel = file.strip_prefix(src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        first.trim_end_matches(".rs").to_string()
    };
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_of(file);
        let text = fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name != from && modules.contains(&name) {
                    graph.entry(from.clone()).or_default().insert(name);
                }
            }
        }
    }
    graph
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_only_then() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
        }
        g
    };
    assert_eq!(find_cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
