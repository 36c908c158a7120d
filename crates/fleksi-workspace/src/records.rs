//! The Pengaturan page's record of what happened: the database in use, the recent imports
//! (when, which policy, how many files, errors and warnings) and the audit trail — and what
//! a backup file holds before it is restored.

use serde::Serialize;
use ts_rs::TS;

/// One past import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportRow {
    /// `23-11-2026 21.29`.
    pub at: String,
    pub policy_id: String,
    pub files: u32,
    pub errors: u32,
    pub warnings: u32,
}

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditRow {
    pub at: String,
    pub action: String,
    pub detail: String,
}

/// The database and what it recorded last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct History {
    pub db_path: String,
    pub schema_version: u32,
    pub imports: Vec<ImportRow>,
    pub audit: Vec<AuditRow>,
}

/// What a backup file holds (shown before the clerk confirms a restore).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupCheck {
    pub path: String,
    pub schema_version: u32,
    pub imports: u32,
    /// `23-11-2026 21.29`, when it holds an import.
    pub last_import_at: Option<String>,
    pub policies: Vec<String>,
    /// The sentence for the confirmation dialog.
    pub summary: String,
}

/// How many rows of each list the page shows.
pub const LIMIT: usize = 50;

/// `2026-11-23T21:29:10+07:00` → `23-11-2026 21.29` (Indonesian style); other text as is.
pub fn local_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.format("%d-%m-%Y %H.%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// The history of a store.
pub fn history(
    store: &fleksi_store::Store,
    db_path: &str,
) -> Result<History, fleksi_store::StoreError> {
    Ok(History {
        db_path: db_path.to_string(),
        schema_version: u32::try_from(store.schema_version()).unwrap_or(0),
        imports: store
            .imports(LIMIT)?
            .into_iter()
            .map(|i| ImportRow {
                at: local_time(&i.at),
                policy_id: i.policy_id,
                files: i.files,
                errors: i.errors,
                warnings: i.warnings,
            })
            .collect(),
        audit: store
            .audit(LIMIT)?
            .into_iter()
            .map(|a| AuditRow {
                at: local_time(&a.at),
                action: a.action,
                detail: a.detail,
            })
            .collect(),
    })
}

impl BackupCheck {
    pub fn of(path: &std::path::Path, info: &fleksi_store::BackupInfo) -> BackupCheck {
        let last = info.last_import_at.as_deref().map(local_time);
        let summary = format!(
            "Cadangan {} berisi {} impor{}{}. Seluruh isi basis data sekarang akan diganti \
             dengan isi cadangan ini; basis data sekarang disimpan dulu sebagai salinan bertanggal.",
            path.display(),
            info.imports,
            last.as_deref()
                .map(|t| format!(", yang terakhir {t}"))
                .unwrap_or_default(),
            if info.policies.is_empty() {
                String::new()
            } else {
                format!(" (Surat Edaran: {})", info.policies.join(", "))
            },
        );
        BackupCheck {
            path: path.display().to_string(),
            schema_version: u32::try_from(info.schema_version).unwrap_or(0),
            imports: info.imports,
            last_import_at: last,
            policies: info.policies.clone(),
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_the_indonesian_way() {
        assert_eq!(local_time("2026-11-23T21:29:10+07:00"), "23-11-2026 21.29");
        assert_eq!(local_time("kemarin"), "kemarin");
    }
}
