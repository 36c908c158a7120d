//! The fuzz targets' shared entry points (see `targets.rs`).

pub mod targets;
