//! The schema as an ordered list of migrations; `PRAGMA user_version` is the index of the last
//! one applied. Append new migrations, never edit an applied one.

/// Migration `i` (0-based) brings the schema from version `i` to version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // Version 1.
    r#"
CREATE TABLE files (
    id        INTEGER PRIMARY KEY,
    sha256    TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
    name      TEXT    NOT NULL,
    size      INTEGER NOT NULL CHECK (size = length(bytes)),
    bytes     BLOB    NOT NULL,
    added_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE imports (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    policy_id       TEXT    NOT NULL CHECK (length(policy_id) > 0),
    policy_toml     TEXT    NOT NULL,
    master_file_id  INTEGER NOT NULL REFERENCES files(id),
    master_name     TEXT    NOT NULL,
    file_count      INTEGER NOT NULL CHECK (file_count >= 0),
    error_count     INTEGER NOT NULL CHECK (error_count >= 0),
    warning_count   INTEGER NOT NULL CHECK (warning_count >= 0)
) STRICT;
CREATE INDEX imports_by_policy ON imports (policy_id, id);

CREATE TABLE submissions (
    id             INTEGER PRIMARY KEY,
    import_id      INTEGER NOT NULL REFERENCES imports(id),
    position       INTEGER NOT NULL CHECK (position >= 0),
    file_id        INTEGER NOT NULL REFERENCES files(id),
    name           TEXT    NOT NULL,
    policy_id      TEXT    NOT NULL,
    unit_code      TEXT    CHECK (unit_code IS NULL OR length(trim(unit_code)) > 0),
    layout         TEXT,
    row_count      INTEGER NOT NULL CHECK (row_count >= 0),
    error_count    INTEGER NOT NULL CHECK (error_count >= 0),
    warning_count  INTEGER NOT NULL CHECK (warning_count >= 0),
    status         TEXT    NOT NULL CHECK (status IN ('ok', 'unreadable')),
    version        INTEGER NOT NULL CHECK (version >= 1),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (import_id, position)
) STRICT;
CREATE INDEX submissions_active ON submissions (policy_id, active, unit_code);

CREATE TABLE findings (
    id         INTEGER PRIMARY KEY,
    import_id  INTEGER NOT NULL REFERENCES imports(id),
    seq        INTEGER NOT NULL,
    code       TEXT    NOT NULL,
    severity   TEXT    NOT NULL CHECK (severity IN ('error', 'warning')),
    file       TEXT,
    sheet      TEXT,
    cell       TEXT,
    unit       TEXT,
    nip        TEXT,
    date       TEXT,
    message    TEXT    NOT NULL,
    hint       TEXT    NOT NULL,
    UNIQUE (import_id, seq)
) STRICT;

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    action  TEXT NOT NULL,
    detail  TEXT NOT NULL
) STRICT;
"#,
    // Version 2: submissions accumulate over a period (merged by date by the engine), so each
    // remembers the ISO dates its file covers (comma-separated, sorted; '' for older rows), and
    // a unit's versions are listed in import order.
    r#"
ALTER TABLE submissions ADD COLUMN dates TEXT NOT NULL DEFAULT '';
CREATE INDEX submissions_by_unit ON submissions (policy_id, unit_code, active, import_id, position);
"#,
    // Version 3: policies are the clerk's data. `policies` holds each stored Surat Edaran as
    // its TOML text (exactly as saved); `policy_revisions` keeps every earlier text of a
    // policy, numbered from 1, so the last edit can be undone (the current text is revision
    // 1 + the number of kept ones).
    r#"
CREATE TABLE policies (
    id          TEXT    PRIMARY KEY CHECK (length(id) > 0),
    name        TEXT    NOT NULL DEFAULT '',
    toml        TEXT    NOT NULL,
    source      TEXT,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE policy_revisions (
    policy_id  TEXT    NOT NULL REFERENCES policies(id),
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    toml       TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    PRIMARY KEY (policy_id, seq)
) STRICT;
"#,
    // Version 4: the mapping step. `column_mappings` remembers the clerk's column mapping
    // (JSON) per unit for that unit's next unreadable file; `file_mappings` keeps the mapping
    // each stored file was read with (by the SHA-256 of its bytes), so it reads the same
    // when the set is read back.
    r#"
CREATE TABLE column_mappings (
    unit_code  TEXT PRIMARY KEY CHECK (length(trim(unit_code)) > 0),
    mapping    TEXT NOT NULL,
    saved_at   TEXT NOT NULL
) STRICT;

CREATE TABLE file_mappings (
    sha256    TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    mapping   TEXT NOT NULL,
    saved_at  TEXT NOT NULL
) STRICT;
"#,
];

/// The schema version this build writes and understands.
pub(crate) const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;
