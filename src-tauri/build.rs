// The app's own commands get generated `allow-<command>` permissions, so the
// window's capability grants them one by one. The command list is read from
// that capability in tauri.conf.json (the one place it is written); a test in
// lib.rs checks it against the registered commands.
fn main() {
    println!("cargo:rerun-if-changed=tauri.conf.json");
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tauri.conf.json").expect("reading tauri.conf.json"))
            .expect("tauri.conf.json is not valid JSON");
    let commands: Vec<String> = config["app"]["security"]["capabilities"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|cap| cap["permissions"].as_array().into_iter().flatten())
        .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect();
    // AppManifest takes 'static strings; leaking in a build script is harmless.
    let commands: Vec<&'static str> = commands
        .into_iter()
        .map(|c| &*Box::leak(c.into_boxed_str()))
        .collect();
    let manifest = tauri_build::AppManifest::new().commands(Box::leak(commands.into_boxed_slice()));
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script failed");
}
