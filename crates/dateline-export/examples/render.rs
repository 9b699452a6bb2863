//! Renders a draft to PDF, for looking at the template:
//! `cargo run -p dateline-export --example render -- DRAFT.md OUT.pdf [letter] [labels]`

use dateline_export::{export_pdf, Paper, PdfOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [draft, out, flags @ ..] = args.as_slice() else {
        eprintln!("usage: render DRAFT.md OUT.pdf [letter] [labels]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(draft).expect("reading the draft");
    let opts = PdfOptions {
        paper: if flags.iter().any(|f| f == "letter") {
            Paper::UsLetter
        } else {
            Paper::A4
        },
        show_section_labels: flags.iter().any(|f| f == "labels"),
        ..Default::default()
    };
    let export = export_pdf(&text, &opts).expect("export");
    std::fs::write(out, &export.bytes).expect("writing the PDF");
    println!(
        "{} pages (release {:.2}, FAQ {}), {} bytes",
        export.page_count,
        export.release_pages,
        export.faq_pages,
        export.bytes.len()
    );
    for warning in &export.warnings {
        println!("warning: {warning}");
    }
}
