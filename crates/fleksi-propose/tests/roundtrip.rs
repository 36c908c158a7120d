//! Proposals taken the whole way: generated regencies (fleksi-demo) under every preset, with
//! policy variations (cap basis, leave counting toward the cap, WFA weekdays, weekly limit,
//! exempt positions, a unit's own caps, a unit on piket) and known days (leave, dinas luar,
//! fixed WFO). Each unit's proposal is written as its prefilled OPD template, read back by
//! the real importer and validated with the real rules: zero errors, no weekly-limit
//! warning, the fairness bound, every known day kept, a head at the office every day.
//! Infeasible requests give the named shortfall and the closest schedule.

use chrono::{NaiveDate, Weekday};
use fleksi_core::{
    presets, validate, CapBasis, Master, Policy, Severity, Status, UnitScheme, WeekdayCap,
};
use fleksi_propose::{propose, roles, Known, Options, Proposal, Request};
use fleksi_workspace::propose::{proposal_file_name, proposal_template, APPROVAL_WAITING};
use fleksi_workspace::{InputFile, Session};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh folder under the system temp dir.
fn temp_dir() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "fleksi-propose-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// A generated regency's master, read back from the workbook fleksi-demo wrote.
fn regency(policy: &Policy, units: usize, staff: usize, seed: u64) -> (InputFile, Master) {
    let mut opts = fleksi_demo::DemoOptions::new(policy.clone());
    opts.units = units;
    opts.staff_per_unit = staff;
    opts.days = 1;
    opts.seed = seed;
    opts.faults = false;
    let dir = temp_dir();
    let summary = fleksi_demo::write_demo(&opts, &dir).expect("demo regency");
    let bytes = std::fs::read(&summary.master_path).expect("master workbook");
    let _ = std::fs::remove_dir_all(&dir);
    let master = fleksi_import::read_master("master.xlsx", &bytes).expect("master reads");
    (InputFile::new("master.xlsx", bytes), master)
}

/// What came back through the importer and the rules.
struct Back {
    /// Per NIP: status per planned day.
    statuses: HashMap<fleksi_core::Nip, Vec<Option<Status>>>,
    errors: Vec<String>,
    warnings: Vec<String>,
}

/// Writes every unit's template, imports them all and validates them together.
fn round_trip(session: &Session, proposal: &Proposal) -> Back {
    let files: Vec<(String, Vec<u8>)> = proposal
        .units
        .iter()
        .map(|u| {
            let bytes = proposal_template(session, proposal, &u.code).expect("template");
            (proposal_file_name(u), bytes)
        })
        .collect();
    let subs = fleksi_import::read_submissions(&files, &session.policy, &session.master);
    let (findings, recap) = validate(&session.policy, &session.master, &subs);
    let index: HashMap<NaiveDate, usize> = recap
        .days
        .iter()
        .enumerate()
        .map(|(i, d)| (*d, i))
        .collect();
    let mut statuses = HashMap::new();
    for u in &recap.units {
        for s in &u.staff {
            let days = proposal
                .days
                .iter()
                .map(|d| index.get(d).and_then(|&i| s.statuses[i]))
                .collect();
            statuses.insert(s.nip, days);
        }
    }
    let show = |f: &fleksi_core::Finding| {
        format!(
            "{} {} {:?} {:?} {}",
            f.code.as_str(),
            f.unit.as_deref().unwrap_or("-"),
            f.date,
            f.cell,
            f.message
        )
    };
    Back {
        statuses,
        errors: findings.iter().filter(|f| f.is_error()).map(show).collect(),
        warnings: findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(show)
            .collect(),
    }
}

/// The fairness classes: same unit, head or not, bidang (when asked), exempt position or
/// not, and the same known days.
fn fairness_violations(
    policy: &Policy,
    proposal: &Proposal,
    known: &Known,
    options: &Options,
    back: &Back,
) -> Vec<String> {
    let mut classes: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for u in &proposal.units {
        for p in &u.people {
            let sig: String = proposal
                .days
                .iter()
                .map(|d| known.get(p.nip, *d).map_or("-", |s| s.code()))
                .collect::<Vec<_>>()
                .join(",");
            let key = format!(
                "{}|{}|{:?}|{}|{sig}",
                u.code,
                roles::is_head(&p.position),
                options.per_bidang.and_then(|_| roles::bidang(&p.position)),
                policy.exempt_position(&p.position).is_some(),
            );
            let wfa = back.statuses[&p.nip]
                .iter()
                .filter(|s| **s == Some(Status::Wfa))
                .count();
            classes
                .entry(key)
                .or_default()
                .push((p.nip.as_str().to_string(), wfa));
        }
    }
    classes
        .into_iter()
        .filter_map(|(key, people)| {
            let min = people.iter().map(|p| p.1).min()?;
            let max = people.iter().map(|p| p.1).max()?;
            (max > min + 1).then(|| format!("{key}: {people:?}"))
        })
        .collect()
}

/// The first `n` working days of the period from the `skip`-th.
fn window(policy: &Policy, skip: usize, n: usize) -> (NaiveDate, NaiveDate) {
    let days = fleksi_core::working_days(policy);
    let skip = skip.min(days.len().saturating_sub(1));
    let last = (skip + n).min(days.len()) - 1;
    (days[skip], days[last])
}

fn session_of(policy: Policy, master_file: InputFile, master: Master) -> Session {
    Session::new(policy, master_file, master)
}

/// Every check of a proposal. A shortfall (known days making a rule impossible) must be
/// named for its unit and day; the validator's errors must be exactly the rules named, and
/// everything else still holds.
fn assert_compliant(session: &Session, proposal: &Proposal, known: &Known, options: &Options) {
    let policy = &session.policy;
    assert!(!proposal.units.is_empty(), "empty proposal");
    assert!(!proposal.days.is_empty(), "no days");
    for s in &proposal.shortfalls {
        assert!(!s.unit.is_empty() && s.date.is_some(), "{s:?}");
        assert!(
            s.rule.starts_with("propose.")
                || matches!(s.rule.as_str(), "piket.understaffed" | "wfa.quota_exceeded"),
            "{s:?}"
        );
    }
    let short = |rule: &str, unit: &str, date: NaiveDate| {
        proposal
            .shortfalls
            .iter()
            .any(|s| s.rule == rule && s.date == Some(date) && (unit.is_empty() || s.unit == unit))
    };
    let back = round_trip(session, proposal);
    let unexplained: Vec<&String> = back
        .errors
        .iter()
        .filter(|e| {
            let code = e.split(' ').next().unwrap_or("");
            !proposal.shortfalls.iter().any(|s| s.rule == code)
        })
        .collect();
    assert!(
        unexplained.is_empty(),
        "{} errors: {unexplained:#?}",
        policy.id
    );
    // Warnings other than the approval waiting for a paraf (and the weekly limit above all)
    // are not expected.
    let other: Vec<&String> = back
        .warnings
        .iter()
        .filter(|w| !w.starts_with("approval.unclear"))
        .collect();
    assert!(other.is_empty(), "warnings: {other:#?}");
    let unfair = fairness_violations(policy, proposal, known, options, &back);
    assert!(unfair.is_empty(), "fairness: {unfair:#?}");
    for u in &proposal.units {
        for p in &u.people {
            let got = &back.statuses[&p.nip];
            for (i, d) in proposal.days.iter().enumerate() {
                // What the proposal says is what the file says.
                assert_eq!(got[i], Some(p.statuses[i]), "{} {d}", p.nip);
                if let Some(k) = known.get(p.nip, *d) {
                    assert_eq!(got[i], Some(k), "known day {} {d} not kept", p.nip);
                    assert!(p.known[i]);
                }
            }
        }
        let heads: Vec<_> = u.people.iter().filter(|p| p.head).collect();
        if !heads.is_empty() && options.heads_in_office > 0 {
            for (i, d) in proposal.days.iter().enumerate() {
                let present = heads
                    .iter()
                    .any(|h| back.statuses[&h.nip][i].is_some_and(|s| s.is_office()));
                assert!(
                    present || short("propose.head_absent", &u.code, *d),
                    "{}: no head at the office on {d}",
                    u.code
                );
            }
        }
        if u.needs_approval {
            assert!(policy.approval_required);
            assert!(u.people.iter().any(|p| p.wfa_days() > 0));
        }
    }
}

#[derive(Debug, Clone)]
struct Case {
    preset: usize,
    units: usize,
    staff: usize,
    seed: u64,
    skip: usize,
    days: usize,
    unit_kerja: bool,
    leave_counts: bool,
    friday_only: bool,
    weekly: Option<u32>,
    bidan_exempt: bool,
    own_caps: bool,
    piket: bool,
    per_bidang: Option<u32>,
    /// Per mille of person-days known (leave, dinas luar, fixed WFO).
    known_permille: u32,
}

fn cases() -> impl Strategy<Value = Case> {
    (
        (
            0usize..5,
            3usize..14,
            4usize..26,
            any::<u64>(),
            0usize..6,
            3usize..11,
        ),
        (
            any::<bool>(),
            any::<bool>(),
            prop::bool::weighted(0.2),
            prop::option::of(1u32..3),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            prop::option::of(1u32..3),
            0u32..120,
        ),
    )
        .prop_map(
            |(
                (preset, units, staff, seed, skip, days),
                (
                    unit_kerja,
                    leave_counts,
                    friday_only,
                    weekly,
                    bidan_exempt,
                    own_caps,
                    piket,
                    per_bidang,
                    known_permille,
                ),
            )| Case {
                preset,
                units,
                staff,
                seed,
                skip,
                days,
                unit_kerja,
                leave_counts,
                friday_only,
                weekly,
                bidan_exempt,
                own_caps,
                piket,
                per_bidang,
                known_permille,
            },
        )
}

/// A small deterministic generator for the known days (seeded by the case).
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn run_case(c: &Case) {
    let mut policy = presets::all()[c.preset % presets::all().len()].clone();
    let (master_file, master) = regency(&policy, c.units, c.staff, c.seed);
    if c.unit_kerja {
        policy.cap_basis = CapBasis::UnitKerja;
    }
    policy.leave_counts_toward_cap = c.leave_counts;
    if c.friday_only {
        policy.wfa_weekdays = vec![Weekday::Fri, Weekday::Thu];
    }
    if c.weekly.is_some() {
        policy.weekly_wfa_limit = c.weekly;
    }
    if c.bidan_exempt {
        policy.exempt_positions = vec!["Bidan".into(), "Perawat".into()];
    }
    let codes: Vec<String> = master.units.iter().map(|u| u.code.clone()).collect();
    if c.own_caps {
        let code = &codes[c.seed as usize % codes.len()];
        policy.schemes.push(UnitScheme {
            unit: code.clone(),
            caps: WeekdayCap::every(&policy.working_weekdays.clone(), 25),
            piket_min: None,
        });
    }
    if c.piket {
        let code = &codes[(c.seed / 7) as usize % codes.len()];
        if let Some(s) = policy.schemes.iter_mut().find(|s| s.is_for(code)) {
            s.piket_min = Some(2);
        } else {
            policy.schemes.push(UnitScheme {
                unit: code.clone(),
                caps: vec![],
                piket_min: Some(2),
            });
        }
    }
    policy.check().expect("a valid policy");
    let (from, to) = window(&policy, c.skip, c.days);
    let days = fleksi_core::calendar::Calendar::from_policy(&policy).working_days_between(from, to);
    let mut known = Known::new();
    let statuses = [Status::Cuti, Status::Dl, Status::Sakit, Status::Wfo];
    for (ei, e) in master.employees.iter().enumerate() {
        for (di, d) in days.iter().enumerate() {
            let r = mix(c.seed ^ ((ei as u64) << 20) ^ di as u64);
            if (r % 1000) < u64::from(c.known_permille) {
                known.insert(e.nip, *d, statuses[(r >> 12) as usize % statuses.len()]);
            }
        }
    }
    let options = Options {
        heads_in_office: 1,
        per_bidang: c.per_bidang,
    };
    let mut request = Request::new(&policy, &master, from, to);
    request.known = known.clone();
    request.options = options.clone();
    let proposal = propose(&request);
    assert_eq!(proposal, propose(&request), "not deterministic");
    let session = session_of(policy, master_file, master);
    assert_compliant(&session, &proposal, &known, &options);
}

proptest! {
    // 40 cases (≈ 10 s in debug); `PROPTEST_CASES=500` for a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(40),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_proposal_imports_clean_and_fair(c in cases()) {
        run_case(&c);
    }
}

#[test]
fn every_preset_on_a_regency_without_known_days() {
    for policy in presets::all() {
        let (master_file, master) = regency(&policy, 14, 18, 7);
        let (from, to) = window(&policy, 0, 10);
        let request = Request::new(&policy, &master, from, to);
        let proposal = propose(&request);
        // Something is WFA where the policy allows it at all, so the test is not vacuous.
        let wfa: usize = proposal
            .units
            .iter()
            .flat_map(|u| &u.people)
            .map(|p| p.wfa_days())
            .sum();
        assert!(wfa > 0, "{}: no WFA proposed", policy.id);
        assert!(proposal.shortfalls.is_empty(), "{:?}", proposal.shortfalls);
        let session = session_of(policy.clone(), master_file, master);
        assert_compliant(&session, &proposal, &Known::new(), &Options::default());
    }
}

#[test]
fn the_cap_is_used_up_but_not_exceeded() {
    let policy = presets::by_id("lebak-2025-12").unwrap();
    let (_, master) = regency(&policy, 8, 20, 3);
    let (from, to) = window(&policy, 0, 5);
    let proposal = propose(&Request::new(&policy, &master, from, to));
    let (_, recap) = validate(&policy, &master, &[]);
    // Per pool and day: WFA == floor(total × 50 %) unless heads or exemptions hold it back.
    for (i, _) in proposal.days.iter().enumerate() {
        let wfa: usize = proposal
            .units
            .iter()
            .filter(|u| !u.exempt)
            .flat_map(|u| &u.people)
            .filter(|p| p.statuses[i] == Status::Wfa)
            .count();
        let total: usize = proposal
            .units
            .iter()
            .filter(|u| !u.exempt)
            .map(|u| u.people.len())
            .sum();
        assert!(wfa * 100 <= total * 50, "{wfa} of {total}");
        assert!(wfa * 100 >= total * 40, "cap left unused: {wfa} of {total}");
    }
    assert_eq!(recap.units.len(), master.units.len());
}

#[test]
fn piket_minimum_larger_than_the_staff_is_named_with_the_closest_schedule() {
    let mut policy = presets::by_id("kota-bekasi-2025-12").unwrap();
    let (master_file, master) = regency(&policy, 6, 10, 11);
    let unit = master
        .units
        .iter()
        .find(|u| !policy.is_exempt(&master, &u.code) && master.staff_count(&u.code) > 0)
        .unwrap()
        .clone();
    let staff = master.staff_count(&unit.code) as u32;
    policy.schemes.push(UnitScheme {
        unit: unit.code.clone(),
        caps: vec![],
        piket_min: Some(staff + 5),
    });
    let (from, to) = window(&policy, 0, 5);
    let mut request = Request::new(&policy, &master, from, to);
    request.units = vec![unit.code.clone()];
    let proposal = propose(&request);
    assert_eq!(proposal.units.len(), 1);
    let plan = &proposal.units[0];
    assert_eq!(plan.people.len(), staff as usize, "never an empty result");
    let named: Vec<_> = proposal
        .shortfalls
        .iter()
        .filter(|s| s.rule == "piket.understaffed" && s.unit == unit.code)
        .collect();
    assert_eq!(
        named.len(),
        proposal.days.len(),
        "{:?}",
        proposal.shortfalls
    );
    assert!(named[0]
        .message
        .contains(&format!("piket minimal {}", staff + 5)));
    // The closest schedule: everyone on piket every day.
    for p in &plan.people {
        assert!(p.statuses.iter().all(|s| *s == Status::Piket), "{p:?}");
    }
    // The validator says the same, and nothing else.
    let session = session_of(policy, master_file, master);
    let back = round_trip(&session, &proposal);
    assert_eq!(back.errors.len(), proposal.days.len(), "{:#?}", back.errors);
    assert!(back
        .errors
        .iter()
        .all(|e| e.starts_with("piket.understaffed")));
}

#[test]
fn known_days_that_break_a_rule_are_kept_and_named() {
    let policy = presets::by_id("lebak-2025-12").unwrap();
    let (_, master) = regency(&policy, 10, 12, 5);
    let (from, to) = window(&policy, 0, 4);
    let days = fleksi_core::calendar::Calendar::from_policy(&policy).working_days_between(from, to);
    let exempt_unit = master
        .units
        .iter()
        .find(|u| policy.is_exempt(&master, &u.code) && master.staff_count(&u.code) > 0)
        .expect("an exempt unit in the demo")
        .code
        .clone();
    let someone = master.staff_of(&exempt_unit).next().unwrap().nip;
    // Every head of one unit away on the first day.
    let unit = master
        .units
        .iter()
        .find(|u| !policy.is_exempt(&master, &u.code) && master.staff_count(&u.code) >= 8)
        .unwrap()
        .code
        .clone();
    let mut known = Known::new();
    known.insert(someone, days[0], Status::Wfa);
    for e in master
        .staff_of(&unit)
        .filter(|e| roles::is_head(&e.position))
    {
        known.insert(e.nip, days[0], Status::Cuti);
    }
    let mut request = Request::new(&policy, &master, from, to);
    request.known = known;
    request.units = vec![exempt_unit.clone(), unit.clone(), "TIDAK-ADA".into()];
    let proposal = propose(&request);
    let rules: Vec<(&str, &str, Option<NaiveDate>)> = proposal
        .shortfalls
        .iter()
        .map(|s| (s.rule.as_str(), s.unit.as_str(), s.date))
        .collect();
    assert!(rules.contains(&("propose.unit_unknown", "TIDAK-ADA", None)));
    assert!(rules.contains(&("wfa.exempt_unit", exempt_unit.as_str(), Some(days[0]))));
    assert!(rules.contains(&("propose.head_absent", unit.as_str(), Some(days[0]))));
    assert_eq!(rules.len(), 3, "{rules:?}");
    // Asked for another unit only: its proposal does not report the first unit's heads.
    let other = master
        .units
        .iter()
        .find(|u| {
            u.parent.is_none()
                && u.code != unit
                && master
                    .lineage(&unit)
                    .last()
                    .is_some_and(|top| top.code != u.code)
                && master.staff_count(&u.code) > 0
        })
        .unwrap()
        .code
        .clone();
    let mut alone = request.clone();
    alone.units = vec![other.clone()];
    let shortfalls = propose(&alone).shortfalls;
    assert!(shortfalls.iter().all(|s| s.unit == other), "{shortfalls:?}");
    let plan = proposal.unit(&exempt_unit).unwrap();
    let p = plan.people.iter().find(|p| p.nip == someone).unwrap();
    assert_eq!(p.statuses[0], Status::Wfa);
    assert!(p.known[0]);
    assert!(p.statuses[1..].iter().all(|s| *s == Status::Wfo));
}

#[test]
fn approval_is_marked_as_waiting_for_the_paraf() {
    let policy = presets::by_id("kab-bekasi-2025-03").unwrap();
    assert!(policy.approval_required);
    let (master_file, master) = regency(&policy, 5, 10, 2);
    let (from, to) = window(&policy, 0, 5);
    let proposal = propose(&Request::new(&policy, &master, from, to));
    assert!(proposal.units.iter().any(|u| u.needs_approval));
    let session = session_of(policy, master_file, master);
    let back = round_trip(&session, &proposal);
    assert!(back.errors.is_empty(), "{:#?}", back.errors);
    let rows_with_wfa = proposal
        .units
        .iter()
        .flat_map(|u| &u.people)
        .filter(|p| p.wfa_days() > 0)
        .count();
    let unclear = back
        .warnings
        .iter()
        .filter(|w| w.starts_with("approval.unclear"))
        .count();
    assert!(
        unclear >= rows_with_wfa && rows_with_wfa > 0,
        "{unclear} {rows_with_wfa}"
    );
    assert!(back.warnings.iter().any(|w| w.contains("approval.unclear")));
    assert!(APPROVAL_WAITING.contains("Perlu persetujuan"));
}

#[test]
fn a_window_without_working_days_is_named() {
    let policy = presets::by_id("lebak-2025-12").unwrap();
    let (_, master) = regency(&policy, 3, 6, 1);
    let jan1 = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let proposal = propose(&Request::new(&policy, &master, jan1, jan1));
    assert!(proposal.days.is_empty());
    assert_eq!(proposal.shortfalls[0].rule, "propose.no_working_days");
    assert!(!proposal.units.is_empty());
}
