//! Lints a file many times, for profilers: `cargo run --release --example profile -- PATH [N]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile PATH [N]");
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let config = dateline_lint::Config::default();
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..n {
        total += dateline_lint::lint(&text, &config).diagnostics.len();
    }
    println!("{} runs, {:?} each, {} findings", n, start.elapsed() / n as u32, total / n);
}
