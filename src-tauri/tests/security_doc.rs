//! docs/security.md must match the app: every permission of every capability file, every
//! plugin registered in `src/lib.rs` and every IPC command of its `generate_handler!` list is
//! a row of the page (and every row still exists), and the page quotes the CSP of
//! `tauri.conf.json` exactly.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first back-quoted word of each table row under the `## {heading}` section.
fn doc_rows(doc: &str, heading: &str) -> Vec<(String, String)> {
    let start = doc
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("docs/security.md has no section \"## {heading}\""));
    let section = &doc[start + 1..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 3);
    section[..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let first = cells[1].trim_matches('`').to_string();
            (first, cells.get(2).map_or(String::new(), |c| c.to_string()))
        })
        .collect()
}

fn names(rows: &[(String, String)]) -> BTreeSet<String> {
    let list: Vec<&String> = rows.iter().map(|(n, _)| n).collect();
    let set: BTreeSet<String> = list.iter().map(|n| n.to_string()).collect();
    assert_eq!(set.len(), list.len(), "a row is listed twice: {list:?}");
    set
}

/// (capability id, permission) of every capability file.
fn capability_permissions() -> BTreeSet<(String, String)> {
    let dir = here().join("capabilities");
    let mut out = BTreeSet::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("capabilities folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no capability file");
    for f in files {
        let json: serde_json::Value = serde_json::from_str(&read(&f)).expect("capability JSON");
        let id = json["identifier"].as_str().expect("identifier").to_string();
        for p in json["permissions"].as_array().expect("permissions") {
            let p = p
                .as_str()
                .unwrap_or_else(|| p["identifier"].as_str().expect("permission id"));
            out.insert((id.clone(), p.to_string()));
        }
        assert!(
            json.get("remote").is_none(),
            "{}: remote URLs get no capability",
            f.display()
        );
    }
    out
}

fn lib_rs() -> String {
    read(&here().join("src/lib.rs"))
}

/// `tauri_plugin_x` of every `.plugin(tauri_plugin_x…` call, as the crate name.
fn registered_plugins(lib: &str) -> BTreeSet<String> {
    lib.match_indices(".plugin(")
        .filter_map(|(i, _)| {
            let rest = lib[i + 8..].trim_start();
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            name.starts_with("tauri_plugin_")
                .then(|| name.replace('_', "-"))
        })
        .collect()
}

/// The command names of `generate_handler![…]`.
fn registered_commands(lib: &str) -> BTreeSet<String> {
    let start = lib.find("generate_handler![").expect("generate_handler!") + 18;
    let end = start + lib[start..].find(']').expect("end of generate_handler!");
    lib[start..end]
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.rsplit("::").next().unwrap_or(s).to_string())
        .collect()
}

fn doc() -> String {
    read(&here().join("../docs/security.md"))
}

#[test]
fn every_permission_of_every_capability_is_documented_and_nothing_more() {
    let doc = doc();
    let rows = doc_rows(&doc, "Capabilities and permissions");
    let documented: BTreeSet<(String, String)> = rows
        .iter()
        .map(|(perm, cap)| {
            let id = cap.split('`').nth(1).unwrap_or_else(|| {
                panic!("row {perm}: the capability column names no `id`: {cap}")
            });
            (id.to_string(), perm.clone())
        })
        .collect();
    assert_eq!(documented.len(), rows.len(), "a permission is listed twice");
    let actual = capability_permissions();
    let undocumented: Vec<_> = actual.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&actual).collect();
    assert!(
        undocumented.is_empty() && stale.is_empty(),
        "docs/security.md and src-tauri/capabilities disagree.\n\
         granted but not documented: {undocumented:?}\ndocumented but not granted: {stale:?}"
    );
}

#[test]
fn every_plugin_is_documented_and_nothing_more() {
    let documented = names(&doc_rows(&doc(), "Plugins"));
    let actual = registered_plugins(&lib_rs());
    assert!(actual.len() >= 5, "plugins found in lib.rs: {actual:?}");
    assert_eq!(
        actual, documented,
        "plugins registered in src-tauri/src/lib.rs vs docs/security.md"
    );
}

#[test]
fn every_ipc_command_is_documented_and_nothing_more() {
    let documented = names(&doc_rows(&doc(), "IPC commands"));
    let actual = registered_commands(&lib_rs());
    assert!(actual.len() >= 30, "commands found in lib.rs: {actual:?}");
    let undocumented: Vec<_> = actual.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&actual).collect();
    assert!(
        undocumented.is_empty() && stale.is_empty(),
        "IPC commands of src-tauri/src/lib.rs vs docs/security.md.\n\
         registered but not documented: {undocumented:?}\ndocumented but not registered: {stale:?}"
    );
}

#[test]
fn the_documented_csp_is_the_configured_one() {
    let conf: serde_json::Value =
        serde_json::from_str(&read(&here().join("tauri.conf.json"))).expect("tauri.conf.json");
    let security = &conf["app"]["security"];
    let csp = security["csp"].as_str().expect("a CSP is configured");
    assert!(
        doc().contains(csp),
        "docs/security.md must quote the CSP: {csp}"
    );
    for forbidden in ["http:", "https:", "'unsafe-inline'", "'unsafe-eval'", "*"] {
        let remote = csp.split(';').any(|d| {
            d.split_whitespace().skip(1).any(|s| {
                s == forbidden
                    || (forbidden.ends_with(':')
                        && s.starts_with(forbidden)
                        && s != "http://ipc.localhost")
            })
        });
        assert!(!remote, "the CSP allows {forbidden}: {csp}");
    }
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    assert_eq!(security["freezePrototype"], true);
}
