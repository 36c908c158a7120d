//! The Temuan table: findings filtered by unit, code and severity, searched by NIP, name or
//! text, and served a page at a time (a regency can have tens of thousands of findings, and
//! the UI shows only what fits on screen).

use fleksi_core::{fmt_id, Finding, Master, Nip, Severity};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::inputs::to_u32;
use crate::session::Session;

/// What the clerk asked for. Empty strings mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct FindingQuery {
    /// Unit code; `"-"` means findings without a unit.
    pub unit: String,
    /// Finding code, e.g. `wfa.quota_exceeded`.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// Part of a NIP (spaces ignored), an employee's name, or any word of the message.
    pub search: String,
    pub offset: u32,
    pub limit: u32,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FindingRow {
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// `Kesalahan` or `Peringatan`.
    pub severity_label: String,
    pub file: Option<String>,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub unit_code: Option<String>,
    pub unit_name: Option<String>,
    /// Grouped NIP, e.g. `19850312 201001 1 004`, or as written when it does not parse.
    pub nip: Option<String>,
    /// The employee's name from the master, when the NIP is known.
    pub name: Option<String>,
    /// `29-12-2025`.
    pub date: Option<String>,
    pub message: String,
    pub hint: String,
}

/// A value to filter on and how many findings have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Facet {
    pub value: String,
    pub label: String,
    pub count: u32,
}

/// One page of matching findings, with the filter choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FindingPage {
    /// Findings matching the query (all pages).
    pub total: u32,
    /// Of those, errors and warnings.
    pub errors: u32,
    pub warnings: u32,
    /// Findings in the set, unfiltered.
    pub all: u32,
    pub offset: u32,
    pub rows: Vec<FindingRow>,
    /// Units that have findings (value `-` for findings without a unit).
    pub units: Vec<Facet>,
    /// Codes present.
    pub codes: Vec<Facet>,
}

/// Largest page served at once.
pub const MAX_PAGE: u32 = 500;

fn severity_key(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn employee_name<'a>(master: &'a Master, nip: Option<&str>) -> Option<&'a str> {
    let nip = Nip::parse(nip?).ok()?;
    master.employee(&nip).map(|e| e.name.as_str())
}

/// Lower-case text without spaces or dots: how search terms and NIPs are compared.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

fn matches(q: &FindingQuery, needle: &str, f: &Finding, master: &Master) -> bool {
    if !q.severity.is_empty() && severity_key(f.severity) != q.severity {
        return false;
    }
    if !q.code.is_empty() && f.code.as_str() != q.code {
        return false;
    }
    if !q.unit.is_empty() {
        let unit = f.unit.as_deref().unwrap_or("-");
        if unit != q.unit {
            return false;
        }
    }
    if needle.is_empty() {
        return true;
    }
    f.nip.as_deref().is_some_and(|n| fold(n).contains(needle))
        || employee_name(master, f.nip.as_deref()).is_some_and(|n| fold(n).contains(needle))
        || fold(&f.message).contains(needle)
}

fn row(f: &Finding, master: &Master) -> FindingRow {
    let parsed = f.nip.as_deref().and_then(|n| Nip::parse(n).ok());
    FindingRow {
        code: f.code.as_str().to_string(),
        severity: severity_key(f.severity).to_string(),
        severity_label: f.severity.label().to_string(),
        file: f.file.clone(),
        sheet: f.sheet.clone(),
        cell: f.cell.clone(),
        unit_code: f.unit.clone(),
        unit_name: f
            .unit
            .as_deref()
            .and_then(|u| master.unit(u))
            .map(|u| u.name.clone()),
        nip: parsed.as_ref().map(Nip::grouped).or_else(|| f.nip.clone()),
        name: parsed
            .as_ref()
            .and_then(|n| master.employee(n))
            .map(|e| e.name.clone()),
        date: f.date.map(fmt_id::date_short),
        message: f.message.clone(),
        hint: f.hint.clone(),
    }
}

fn count_into(facets: &mut Vec<Facet>, value: &str, label: impl FnOnce() -> String) {
    match facets.iter_mut().find(|x| x.value == value) {
        Some(x) => x.count += 1,
        None => facets.push(Facet {
            value: value.to_string(),
            label: label(),
            count: 1,
        }),
    }
}

/// The page of findings the query asks for.
pub fn page(session: &Session, q: &FindingQuery) -> FindingPage {
    let master = &session.master;
    let needle = fold(&q.search);
    let limit = q.limit.clamp(1, MAX_PAGE) as usize;
    let offset = q.offset as usize;
    let mut total = 0usize;
    let mut errors = 0u32;
    let mut rows = Vec::new();
    let mut units: Vec<Facet> = Vec::new();
    let mut codes: Vec<Facet> = Vec::new();
    for f in &session.findings {
        let unit = f.unit.as_deref().unwrap_or("-");
        count_into(&mut units, unit, || {
            master
                .unit(unit)
                .map(|u| u.name.clone())
                .unwrap_or_else(|| "(unit tidak dikenali)".to_string())
        });
        count_into(&mut codes, f.code.as_str(), || f.code.as_str().to_string());
        if !matches(q, &needle, f, master) {
            continue;
        }
        if f.is_error() {
            errors += 1;
        }
        if total >= offset && rows.len() < limit {
            rows.push(row(f, master));
        }
        total += 1;
    }
    units.sort_by(|a, b| a.label.cmp(&b.label));
    codes.sort_by(|a, b| a.value.cmp(&b.value));
    FindingPage {
        total: to_u32(total),
        errors,
        warnings: to_u32(total) - errors,
        all: to_u32(session.findings.len()),
        offset: q.offset,
        rows,
        units,
        codes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{fixture, lebak_session};

    fn session() -> Session {
        let mut s = lebak_session();
        s.add(
            vec![
                fixture("diskominfo.xlsx"),
                fixture("bkpsdm.xls"),
                fixture("disdikbud.ods"),
                fixture("dinkes.csv"),
                fixture("rusak.xlsx"),
            ],
            &|_, _| {},
        );
        s
    }

    fn query() -> FindingQuery {
        FindingQuery {
            limit: 100,
            ..FindingQuery::default()
        }
    }

    #[test]
    fn unfiltered_page_holds_every_finding_with_its_cell() {
        let s = session();
        let p = page(&s, &query());
        assert_eq!(p.total as usize, s.findings.len());
        assert!(p.total > 0);
        assert_eq!(p.errors + p.warnings, p.total);
        let with_cell = p.rows.iter().filter(|r| r.cell.is_some()).count();
        assert!(with_cell > 0);
        let facet_sum: u32 = p.units.iter().map(|f| f.count).sum();
        assert_eq!(facet_sum, p.all);
    }

    #[test]
    fn filters_narrow_and_pages_split() {
        let s = session();
        let all = page(&s, &query());
        let errors = page(
            &s,
            &FindingQuery {
                severity: "error".into(),
                ..query()
            },
        );
        assert_eq!(errors.total, all.errors);
        assert!(errors.rows.iter().all(|r| r.severity == "error"));
        let code = &all.codes[0].value;
        let by_code = page(
            &s,
            &FindingQuery {
                code: code.clone(),
                ..query()
            },
        );
        assert_eq!(by_code.total, all.codes[0].count);
        assert!(by_code.rows.iter().all(|r| &r.code == code));
        let first = page(
            &s,
            &FindingQuery {
                limit: 1,
                ..query()
            },
        );
        let second = page(
            &s,
            &FindingQuery {
                limit: 1,
                offset: 1,
                ..query()
            },
        );
        assert_eq!(first.rows.len(), 1);
        assert_eq!(second.rows[0], all.rows[1]);
    }

    #[test]
    fn search_finds_a_nip_typed_with_or_without_spaces() {
        let s = session();
        let all = page(&s, &query());
        let Some(nip) = all.rows.iter().find_map(|r| r.nip.clone()) else {
            panic!("fixtures have findings with a NIP");
        };
        for typed in [nip.clone(), nip.replace(' ', "")] {
            let hit = page(
                &s,
                &FindingQuery {
                    search: typed,
                    ..query()
                },
            );
            assert!(hit.total >= 1);
            assert!(hit
                .rows
                .iter()
                .all(|r| r.nip.as_deref().is_some_and(|n| n == nip)
                    || r.message.replace(' ', "").contains(&nip.replace(' ', ""))));
        }
        let none = page(
            &s,
            &FindingQuery {
                search: "zzzz-tidak-ada".into(),
                ..query()
            },
        );
        assert_eq!(none.total, 0);
    }
}
