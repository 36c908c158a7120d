//! A full disk and a read-only data folder: clear Indonesian errors, and nothing changes —
//! not the database, not a backup's name. The full disk is a small tmpfs and the read-only
//! folder a tmpfs remounted read-only (both need root, which CI has); without root the
//! read-only folder is made with file permissions and the full-disk test is skipped loudly
//! (and fails under `CI`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{dump, import, scratch, sub};
use fleksi_store::{Store, StoreError};

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).expect("mount point");
        let out = fleksi_testkit::tool(
            "mount",
            &[
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size}"),
                "tmpfs",
                &dir.display().to_string(),
            ],
        )?;
        if !out.status.success() {
            return fleksi_testkit::missing(
                &format!(
                    "a tmpfs mount ({})",
                    String::from_utf8_lossy(&out.stderr).trim()
                ),
                "run the tests as root (CI does)",
            );
        }
        Some(Tmpfs(dir.to_path_buf()))
    }

    fn read_only(&self) {
        let out = Command::new("mount")
            .args(["-o", "remount,ro", &self.0.display().to_string()])
            .output()
            .expect("mount runs");
        assert!(
            out.status.success(),
            "remount ro: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn blob(seed: u8, len: usize) -> Vec<u8> {
    let mut x = u32::from(seed).wrapping_mul(2_654_435_761) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

#[test]
fn a_full_disk_is_refused_clearly_and_changes_nothing() {
    let dir = scratch("disk-full");
    let Some(disk) = (if is_root() {
        Tmpfs::mount(&dir.join("disk"), "3m")
    } else {
        fleksi_testkit::missing(
            "root (to mount a small tmpfs)",
            "run the tests as root (CI does)",
        )
    }) else {
        return;
    };
    let db = disk.0.join("fleksi.sqlite3");
    let mut store = Store::open(&db).unwrap();
    store
        .record_import(&import(vec![sub("awal.xlsx", b"awal", Some("AWAL"), &[])]))
        .unwrap();
    let before = dump(&db);
    let big = blob(1, 4 << 20);
    let err = store
        .record_import(&import(vec![sub("besar.xlsx", &big, Some("BESAR"), &[])]))
        .expect_err("does not fit");
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(err.to_string().starts_with("Disk penuh"), "{err}");
    assert_eq!(dump(&db), before, "nothing changed");
    // A backup that does not fit leaves nothing under its name.
    let filler = disk.0.join("isi");
    let free = std::fs::write(&filler, blob(2, 3 << 20));
    assert!(free.is_err(), "the disk is full now");
    let target = disk.0.join("cadangan.sqlite3");
    let err = store.backup_to(&target).expect_err("no room for a backup");
    assert!(err.to_string().starts_with("Disk penuh"), "{err}");
    assert!(!target.exists(), "no partial backup under its name");
    // Room again: the same write goes through.
    std::fs::remove_file(&filler).unwrap();
    store
        .record_import(&import(vec![sub(
            "kecil.xlsx",
            b"kecil",
            Some("KECIL"),
            &[],
        )]))
        .unwrap();
    drop(store);
    drop(disk);
}

#[test]
fn a_read_only_data_folder_is_refused_clearly_and_changes_nothing() {
    let dir = scratch("disk-ro");
    let folder = dir.join("data");
    let mount = if is_root() {
        match Tmpfs::mount(&folder, "8m") {
            Some(m) => Some(m),
            None => return,
        }
    } else {
        std::fs::create_dir_all(&folder).unwrap();
        None
    };
    let db = folder.join("fleksi.sqlite3");
    {
        let mut store = Store::open(&db).unwrap();
        store
            .record_import(&import(vec![sub("awal.xlsx", b"awal", Some("AWAL"), &[])]))
            .unwrap();
    }
    let bytes = std::fs::read(&db).unwrap();
    let listing = |d: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let files = listing(&folder);
    match &mount {
        Some(m) => m.read_only(),
        None => {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
            std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
    }
    let err = Store::open(&db).expect_err("a read-only folder");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("hanya dapat dibaca") && msg.contains(&db.display().to_string()),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the database is unchanged"
    );
    assert_eq!(listing(&folder), files, "nothing written beside it");
    if mount.is_none() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}
