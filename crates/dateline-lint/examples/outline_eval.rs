// Scratch runner (not committed): the CLI's eval without linking Typst.
#[path = "../../dateline-cli/src/eval.rs"]
#[allow(dead_code)]
mod eval;
fn main() -> std::process::ExitCode {
    let a: Vec<String> = std::env::args().collect();
    eval::run(std::path::Path::new(&a[1]), None)
}
