//! Build script: runs `tauri-build` (config, capabilities, Windows resources). The web UI is
//! embedded from `ui/dist`; when it has not been built yet (a fresh clone running
//! `cargo clippy` or `cargo test`), a placeholder page is written there so the crate still
//! compiles. `make run` / `make test` build the real UI (`npm run build`) before cargo.

use std::path::Path;

const PLACEHOLDER: &str = r#"<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Fleksi</title></head>
<body><h1>Antarmuka belum dibangun</h1>
<p>Jalankan <code>make run</code> (atau <code>npm run build</code> di folder <code>ui/</code>),
lalu bangun ulang aplikasi. / The UI has not been built yet: run <code>make run</code>.</p>
</body></html>
"#;

fn main() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist");
    if !dist.join("index.html").exists() {
        if let Err(err) = std::fs::create_dir_all(&dist)
            .and_then(|()| std::fs::write(dist.join("index.html"), PLACEHOLDER))
        {
            println!(
                "cargo::warning=cannot write placeholder UI in {}: {err}",
                dist.display()
            );
        }
    }
    tauri_build::build()
}
