//! Prints the outline and findings for one file: `cargo run --example lint_file -- PATH`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: lint_file PATH");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let report = dateline_lint::lint(&text, &dateline_lint::Config::default());
    for s in &report.outline {
        let line = text[..s.start].matches('\n').count() + 1;
        println!(
            "  {:>4} {:<16} {}",
            line,
            s.kind.id(),
            s.title.as_deref().unwrap_or("")
        );
    }
    for d in &report.diagnostics {
        println!(
            "{}:{}:{} {} {} {}",
            path, d.line, d.column, d.severity, d.rule, d.message
        );
    }
    println!(
        "score {} {:?} words {:?}",
        report.score, report.counts, report.words
    );
}
