//! Writes ui/src/bindings.ts from the Rust command signatures.
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(dateline_app::BINDINGS_PATH);
    std::fs::write(&path, dateline_app::render_bindings()).expect("writing ui/src/bindings.ts");
    println!("wrote {}", path.display());
}
