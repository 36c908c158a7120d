//! The demo regency: a realistic generated master workbook and OPD schedule workbooks
//! (both layouts, real-world quirks, planted faults) for first run, tests and benchmarks.
//!
//! Deterministic: the same options (seed included) write byte-for-byte the same content.
//! Entry point: [`write_demo`].

mod faults;
mod master_book;
mod people;
mod plan;
mod readme;
mod regency;
mod render;
mod rng;
mod sheet;
mod style;

pub use faults::{FaultKind, PlantedFault};
pub use master_book::{STAFF_HEADERS, STAFF_SHEET, UNIT_HEADERS, UNIT_SHEET};
pub use regency::max_units;
pub use sheet::HEADER_ROW;
pub use style::{DateStyle, FileFormat};

use chrono::NaiveDate;
use faults::UnitWork;
use fleksi_core::{calendar, Layout, Master, Policy};
use people::{staff_for_unit, NipFactory};
use plan::{day_rules, UnitPlan};
use regency::CATALOGUE;
use rng::Rng;
use sheet::OpdTable;
use std::path::{Path, PathBuf};
use style::Style;

/// The smallest number of staff per unit (a head, a deputy and a few staff).
pub const MIN_STAFF: usize = 4;

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Number of units (1 ..= [`max_units`]).
    pub units: usize,
    /// Average staff per unit (sizes vary by kind; the total is `units × staff_per_unit`).
    pub staff_per_unit: usize,
    /// The first `days` working days of the policy period.
    pub days: usize,
    pub seed: u64,
    pub policy: Policy,
    /// Plant the documented faults (see [`FaultKind`]); `false` gives a clean demo.
    pub faults: bool,
}

impl DemoOptions {
    /// The default demo: 12 units of about 20 staff, 3 days, seed 2025, faults planted.
    pub fn new(policy: Policy) -> Self {
        DemoOptions {
            units: 12,
            staff_per_unit: 20,
            days: 3,
            seed: 2025,
            policy,
            faults: true,
        }
    }
}

/// One OPD file that was written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OpdFile {
    pub path: PathBuf,
    /// Unit code and name.
    pub unit: String,
    pub unit_name: String,
    /// The schedule sheet (`None` for CSV).
    pub sheet: Option<String>,
    pub format: FileFormat,
    pub layout: Layout,
    pub dates: DateStyle,
    /// Staff rows in the table (planted extra rows included); in the long layout each
    /// spans one sheet row per day.
    pub rows: usize,
    /// Zero-based sheet row of the first staff row (the header is at [`HEADER_ROW`]).
    pub first_row: u32,
    /// The file's quirks, in Indonesian.
    pub quirks: Vec<String>,
}

/// What [`write_demo`] wrote (serializable for the app's IPC).
#[derive(Debug, Clone, serde::Serialize)]
pub struct DemoSummary {
    pub out: PathBuf,
    pub master_path: PathBuf,
    pub opd_dir: PathBuf,
    pub readme_path: PathBuf,
    /// The master as written (units and staff).
    pub master: Master,
    /// The working days covered.
    pub days: Vec<NaiveDate>,
    pub files: Vec<OpdFile>,
    /// Units exempt under the policy (all WFO unless a fault says otherwise).
    pub exempt: Vec<String>,
    /// Units that sent no file.
    pub not_submitted: Vec<String>,
    pub faults: Vec<PlantedFault>,
}

/// Why the demo could not be written. Messages are Indonesian.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("jumlah unit harus 1 sampai {max}, diminta {requested}")]
    Units { requested: usize, max: usize },
    #[error("jumlah pegawai per unit paling sedikit {MIN_STAFF}, diminta {0}")]
    Staff(usize),
    #[error("jumlah hari paling sedikit 1")]
    NoDays,
    #[error(
        "masa berlaku Surat Edaran {policy} hanya memuat {available} hari kerja, diminta {requested} hari"
    )]
    TooManyDays {
        policy: String,
        requested: usize,
        available: usize,
    },
    #[error("folder {} sudah berisi berkas; pilih folder lain atau kosongkan dulu", .0.display())]
    NotEmpty(PathBuf),
    #[error("gagal menulis {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("gagal menulis buku kerja {}: {source}", path.display())]
    Xlsx {
        path: PathBuf,
        source: rust_xlsxwriter::XlsxError,
    },
    #[error("nama di {} tidak dapat ditulis dalam Windows-1252", path.display())]
    Encoding { path: PathBuf },
}

/// Staff per unit: proportional to each unit's weight, at least [`MIN_STAFF`], summing to
/// `units × staff_per_unit`.
fn staff_sizes(specs: &[regency::UnitSpec], per_unit: usize) -> Vec<usize> {
    let total = specs.len() * per_unit;
    let weight_sum: f64 = specs.iter().map(|s| s.weight()).sum();
    let mut sizes: Vec<usize> = specs
        .iter()
        .map(|s| ((total as f64 * s.weight() / weight_sum).round() as usize).max(MIN_STAFF))
        .collect();
    // Settle the rounding on the largest units.
    let mut order: Vec<usize> = (0..specs.len()).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let mut sum: usize = sizes.iter().sum();
    let mut k = 0;
    while sum != total {
        let i = order[k % order.len()];
        if sum > total {
            if sizes[i] > MIN_STAFF {
                sizes[i] -= 1;
                sum -= 1;
            } else if order.iter().all(|&j| sizes[j] <= MIN_STAFF) {
                break;
            }
        } else {
            sizes[i] += 1;
            sum += 1;
        }
        k += 1;
    }
    sizes
}

fn file_name(index: usize, spec: &regency::UnitSpec, style: &Style) -> String {
    let label: String = spec
        .abbreviation
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = match index % 3 {
        0 => format!("Jadwal WFA {label}"),
        1 => format!("JADWAL WFO-WFA {}", label.to_uppercase()),
        _ => format!(
            "jadwal_fleksibel_{}",
            label.to_lowercase().replace(' ', "_")
        ),
    };
    format!("{:02} {stem}.{}", index + 1, style.format.extension())
}

/// Generates the demo regency under the policy and writes it to `out`: `master.xlsx`,
/// `opd/` with one file per submitting unit, and `README.txt` (Indonesian) listing the
/// files, their quirks and the planted faults.
pub fn write_demo(opts: &DemoOptions, out: &Path) -> Result<DemoSummary, DemoError> {
    if opts.units == 0 || opts.units > max_units() {
        return Err(DemoError::Units {
            requested: opts.units,
            max: max_units(),
        });
    }
    if opts.staff_per_unit < MIN_STAFF {
        return Err(DemoError::Staff(opts.staff_per_unit));
    }
    if opts.days == 0 {
        return Err(DemoError::NoDays);
    }
    let policy = &opts.policy;
    let all_days = calendar::working_days(policy);
    if opts.days > all_days.len() {
        return Err(DemoError::TooManyDays {
            policy: policy.id.clone(),
            requested: opts.days,
            available: all_days.len(),
        });
    }
    let days: Vec<NaiveDate> = all_days[..opts.days].to_vec();
    let rules = day_rules(policy, &days);

    // The regency: units and staff.
    let specs = &CATALOGUE[..opts.units];
    let sizes = staff_sizes(specs, opts.staff_per_unit);
    let root = Rng::new(opts.seed);
    let mut nips = NipFactory::default();
    let styles: Vec<Style> = specs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut style = Style::for_index(i, s.abbreviation);
            style.approval = policy.approval_required;
            style
        })
        .collect();
    let first_csv = styles.iter().position(|s| s.format == FileFormat::Csv);
    let staff: Vec<Vec<people::Person>> = specs
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let mut rng = root.fork(i as u64 + 1);
            let accent = first_csv.map_or(i == 0, |c| c == i);
            staff_for_unit(spec, sizes[i], &mut rng, &mut nips, accent)
        })
        .collect();
    let master = Master::new(
        specs.iter().map(|s| s.to_unit()).collect(),
        staff.iter().flatten().map(|p| p.employee.clone()).collect(),
    );

    // Plans, then faults.
    let mut units: Vec<UnitWork> = specs
        .iter()
        .zip(staff)
        .zip(styles)
        .enumerate()
        .map(|(i, ((spec, staff), style))| {
            let exempt = policy.is_exempt(&master, spec.code);
            let mut rng = root.fork(10_000 + i as u64);
            let no_wfa: Vec<bool> = staff
                .iter()
                .map(|p| policy.exempt_position(&p.employee.position).is_some())
                .collect();
            let plan = UnitPlan::new(&mut rng, &rules, policy, exempt, no_wfa);
            UnitWork {
                spec: *spec,
                staff,
                exempt,
                plan,
                style,
                submitted: true,
                file: None,
                table: None,
            }
        })
        .collect();
    let mut fault_rng = root.fork(99_999);
    let choices = if opts.faults {
        faults::choose(&mut units, &rules, policy, &mut fault_rng)
    } else {
        faults::Choices::default()
    };

    // Folders.
    let opd_dir = out.join("opd");
    std::fs::create_dir_all(&opd_dir).map_err(|source| DemoError::Io {
        path: opd_dir.clone(),
        source,
    })?;
    let occupied = std::fs::read_dir(&opd_dir)
        .map_err(|source| DemoError::Io {
            path: opd_dir.clone(),
            source,
        })?
        .next()
        .is_some();
    if occupied {
        return Err(DemoError::NotEmpty(opd_dir));
    }

    // Tables.
    let signed_at = policy.date.min(days[0]);
    for (i, w) in units.iter_mut().enumerate() {
        if !w.submitted {
            continue;
        }
        w.file = Some(opd_dir.join(file_name(i, &w.spec, &w.style)));
        w.table = Some(OpdTable::new(
            &w.spec,
            &w.staff,
            &w.plan,
            w.style.clone(),
            &days,
            signed_at,
        ));
    }
    let planted = faults::apply(&mut units, &choices, policy, &days);

    // Files, in parallel.
    let master_path = out.join("master.xlsx");
    master_book::write_master(&master, signed_at, &master_path)?;
    write_tables(&units)?;

    let files: Vec<OpdFile> = units
        .iter()
        .filter_map(|w| {
            let (path, table) = (w.file.as_ref()?, w.table.as_ref()?);
            Some(OpdFile {
                path: path.clone(),
                unit: w.spec.code.to_string(),
                unit_name: w.spec.name.to_string(),
                sheet: (w.style.format == FileFormat::Xlsx).then(|| w.style.sheet.clone()),
                format: w.style.format,
                layout: w.style.layout,
                dates: w.style.dates,
                rows: table.rows.len(),
                first_row: table.first_row(),
                quirks: w.style.describe(),
            })
        })
        .collect();
    let summary = DemoSummary {
        out: out.to_path_buf(),
        readme_path: out.join("README.txt"),
        master_path,
        opd_dir,
        master,
        days,
        files,
        exempt: units
            .iter()
            .filter(|w| w.exempt)
            .map(|w| w.spec.code.to_string())
            .collect(),
        not_submitted: units
            .iter()
            .filter(|w| !w.submitted)
            .map(|w| w.spec.code.to_string())
            .collect(),
        faults: planted,
    };
    let text = readme::text(&summary, policy);
    std::fs::write(&summary.readme_path, text.replace('\n', "\r\n")).map_err(|source| {
        DemoError::Io {
            path: summary.readme_path.clone(),
            source,
        }
    })?;
    Ok(summary)
}

/// Renders every table on up to 4 threads.
fn write_tables(units: &[UnitWork]) -> Result<(), DemoError> {
    let jobs: Vec<(&Path, &OpdTable)> = units
        .iter()
        .filter_map(|w| Some((w.file.as_deref()?, w.table.as_ref()?)))
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let chunk = jobs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || -> Result<(), DemoError> {
                    for (path, table) in part {
                        write_table(table, path)?;
                    }
                    Ok(())
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(result) => result?,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok(())
    })
}

fn write_table(table: &OpdTable, path: &Path) -> Result<(), DemoError> {
    let grid = table.grid();
    match table.style.format {
        FileFormat::Xlsx => {
            render::write_xlsx(&grid, &table.style, &table.widths(), table.signed_at, path)
        }
        FileFormat::Csv => render::write_csv(&grid, &table.style, path),
    }
}
