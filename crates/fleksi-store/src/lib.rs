//! Local storage in SQLite (rusqlite, bundled): migrations, the master, policies, every
//! submission with its original bytes and SHA-256, findings and an audit trail. The only crate
//! that knows SQL.
