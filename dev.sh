#!/usr/bin/env bash
# Dateline's developer entry point. Each command first sets up what is
# missing (system packages, npm packages, tauri-driver), then runs.
#
#   ./dev.sh start   build the UI and start the app
#   ./dev.sh test    run every test: Rust, UI, end-to-end (exits non-zero on any failure)
#   ./dev.sh bench   run the benchmarks (lint criterion bench, app typing and start-up)
#   ./dev.sh release build the installers for this platform (tauri build: .deb, .rpm, .AppImage on Linux)
#   ./dev.sh setup   only set up
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# What building the app needs on Debian/Ubuntu (Tauri's Linux prerequisites).
BUILD_PACKAGES=(build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev)
# What the end-to-end tests add: the WebKit WebDriver, a virtual display,
# pdftotext, and a D-Bus daemon and dbus-send (the single-instance hand-over
# uses D-Bus); the accessibility bus, its Python bindings and Orca, which
# the screen-reader test reads the window with.
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth poppler-utils dbus-daemon dbus-bin pandoc xdotool at-spi2-core gir1.2-atspi-2.0 python3-gi orca)
# Crates that would tie the command line to a desktop session.
GUI_CRATES='^(tauri|tauri-runtime|tauri-runtime-wry|wry|tao|webkit2gtk|webkit2gtk-sys|javascriptcore-rs|gtk|gtk-sys|gdk|gdk-sys|soup3|muda) v'
# The Tauri CLI from ui/node_modules, told where the app and its UI are
# (it would otherwise take the first package.json it finds for the UI).
TAURI_CLI=(env TAURI_APP_PATH="$PWD" TAURI_FRONTEND_PATH="$PWD/ui" node ui/node_modules/@tauri-apps/cli/tauri.js)
TAURI_DRIVER_VERSION=2.1.0
APP_FEATURES=(--features dateline-app/custom-protocol)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

setup_system() {
  [[ "$(uname -s)" == Linux ]] || return 0
  command -v dpkg-query >/dev/null || { say "Not Debian/Ubuntu: install WebKitGTK 4.1 and its dev files as Tauri's Linux prerequisites describe."; return 0; }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -eq 0 ]]; then
    say "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Missing system packages. Run this, then try again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

# npm ci only when the lockfile changed since the last install.
setup_npm() {
  local dir=$1; shift
  if [[ ! -f "$dir/node_modules/.package-lock.json" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund "$@")
  fi
}

setup_tauri_driver() {
  if ! command -v tauri-driver >/dev/null; then
    say "Installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
  fi
}

build_ui() {
  say "Building the UI"
  npm --prefix ui run build
}

build_app() {
  say "Building the app"
  cargo build -p dateline-app --bin dateline-app "${APP_FEATURES[@]}"
}

# The CLI installs on servers without GUI libraries: nothing of the desktop
# stack may be in its dependency tree.
check_cli_has_no_gui_deps() {
  say "CLI: no GUI library in its dependency tree"
  local found
  found=$(cargo tree -p dateline-cli -e normal,build --prefix none --format '{p}' | sort -u | grep -E "$GUI_CRATES" || true)
  if [[ -n "$found" ]]; then
    echo "dateline-cli depends on desktop crates:" >&2
    echo "$found" >&2
    return 1
  fi
}

# Bundles the tested debug build as a .deb, installs it like a user would,
# and runs the end-to-end smoke test against the installed binary.
check_installed_deb() {
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    say "Skipping the .deb install check (it needs root on Debian/Ubuntu)"
    return 0
  fi
  say "Packaging: .deb of the tested build, installed with dpkg, smoke-tested"
  rm -rf target/debug/bundle/deb
  "${TAURI_CLI[@]}" bundle --debug --bundles deb
  local deb
  deb=$(ls target/debug/bundle/deb/*.deb)
  dpkg -i "$deb"
  DATELINE_APP=/usr/bin/dateline-app run_e2e_files --test-name-pattern="lists the drafts" foundation.test.mjs
}

cmd_release() {
  setup_system "${BUILD_PACKAGES[@]}"
  setup_npm ui
  say "Building the installers (tauri build)"
  # AppImage bundling downloads its tools; .deb and .rpm build offline.
  if [[ $# -eq 0 && "$(uname -s)" == Linux ]]; then set -- --bundles deb,rpm; fi
  "${TAURI_CLI[@]}" build "$@"
  say "Installers are in target/release/bundle/"
}

cmd_start() {
  setup_system "${BUILD_PACKAGES[@]}"
  setup_npm ui
  build_ui
  say "Starting Dateline"
  cargo run -p dateline-app --bin dateline-app "${APP_FEATURES[@]}" -- "$@"
}

cmd_test() {
  setup_system "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
  setup_npm ui
  # The e2e client's optional browser-driver downloads are not wanted here.
  setup_npm tests/e2e --ignore-scripts
  setup_tauri_driver

  say "Checking formatting"
  cargo fmt --all --check
  check_cli_has_no_gui_deps
  say "UI: type check and unit tests"
  npm --prefix ui run typecheck
  npm --prefix ui test
  build_ui
  # One build of every target, the app binary included, with the features
  # the tests resolve: the test run and the end-to-end suite reuse it.
  say "Rust: building every crate, test and the app"
  cargo build --workspace --all-targets "${APP_FEATURES[@]}"
  say "Rust: every crate's tests (bindings freshness included)"
  cargo test --workspace "${APP_FEATURES[@]}"
  say "End-to-end: the real app under tauri-driver"
  run_e2e
  check_installed_deb
}

run_e2e() {
  run_e2e_files
}

# Runs end-to-end test files (all by default) with node's test runner, under
# a virtual display when there is no real one.
run_e2e_files() {
  local cmd=(node --test --test-concurrency=1 --test-reporter=spec "$@")
  if [[ -n "${DISPLAY:-}" ]]; then
    (cd tests/e2e && "${cmd[@]}")
  else
    (cd tests/e2e && xvfb-run -a --server-args="-screen 0 1440x900x24" "${cmd[@]}")
  fi
}

cmd_bench() {
  setup_system "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
  setup_npm ui
  setup_npm tests/e2e --ignore-scripts
  setup_tauri_driver
  say "Lint: criterion benchmark (full lint vs bare parse)"
  cargo bench -p dateline-lint --bench lint
  say "Shared folder: 10,000 generated drafts (first and later open, search, memory)"
  cargo run --release -p dateline-core --example bench-folder
  build_ui
  build_app
  say "App: cold start and keystroke-to-diagnostics, in the real app"
  if [[ -n "${DISPLAY:-}" ]]; then node tests/e2e/bench.mjs; else xvfb-run -a --server-args="-screen 0 1440x900x24" node tests/e2e/bench.mjs; fi
  say "CLI against markdownlint-cli2 and proselint: crates/dateline-cli/bench/compare-peers.sh"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  test) cmd_test ;;
  e2e) run_e2e ;;
  bench) cmd_bench ;;
  release) shift; cmd_release "$@" ;;
  setup) setup_system "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"; setup_npm ui; setup_npm tests/e2e --ignore-scripts; setup_tauri_driver ;;
  *) echo "usage: ./dev.sh start|test|bench|release|setup" >&2; exit 2 ;;
esac
