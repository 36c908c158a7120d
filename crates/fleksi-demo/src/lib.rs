//! The demo regency: a realistic generated master workbook and OPD schedule workbooks
//! (both layouts, real-world quirks, planted faults) for first run, tests and benchmarks.
