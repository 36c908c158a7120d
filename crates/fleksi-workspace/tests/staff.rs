//! Data Pegawai's people on the demo regency the app seeds at first start: search by NIP
//! with or without spaces, by name and by unit; a unit's filter takes the units under it;
//! the unit tree; and one person's schedule across the reporting window with their findings.

mod common;

use std::collections::BTreeSet;

use common::*;
use fleksi_core::{Nip, Verdict};
use fleksi_workspace::findings::{self, FindingQuery};
use fleksi_workspace::staff::{self, StaffQuery};
use fleksi_workspace::{ErrorCode, Workspace};

fn demo(tag: &str) -> (Workspace, std::path::PathBuf) {
    let dir = scratch(tag);
    let ws = Workspace::for_app(&dir);
    ws.load();
    assert!(ws.state().summary.is_some_and(|s| s.demo), "demo seeded");
    (ws, dir)
}

fn query(search: &str, unit: &str) -> StaffQuery {
    StaffQuery {
        search: search.to_string(),
        unit: unit.to_string(),
        offset: 0,
        limit: 500,
    }
}

#[test]
fn a_nip_with_or_without_spaces_a_name_or_a_unit_finds_the_people() {
    let (ws, dir) = demo("staff-search");
    let snap = ws.snapshot().expect("snapshot");
    let master = &snap.session.master;
    let all = staff::page(&snap, &query("", ""));
    assert_eq!(all.total as usize, master.employees.len());
    assert_eq!(all.all, all.total);
    assert!(all.total > 100, "the demo has about 240 staff");

    let someone = &master.employees[master.employees.len() / 2];
    let grouped = someone.nip.grouped();
    assert!(grouped.contains(' '));
    for typed in [
        grouped.clone(),
        someone.nip.as_str().to_string(),
        format!("NIP. {grouped}"),
    ] {
        let hit = staff::page(&snap, &query(&typed, ""));
        assert_eq!(hit.total, 1, "{typed}");
        assert_eq!(hit.rows[0].nip, grouped);
        assert_eq!(hit.rows[0].name, someone.name);
        assert_eq!(hit.rows[0].kind, someone.nip.kind().label());
        assert_eq!(hit.rows[0].unit_code, someone.unit);
    }
    // The first 8 digits (birth date) find everyone born that day, the person among them.
    let born = staff::page(&snap, &query(&grouped[..8], ""));
    assert!(born.rows.iter().any(|r| r.nip == grouped));
    assert!(born.rows.iter().all(|r| r.nip.starts_with(&grouped[..8])));

    // Name words in any order and case.
    let words: Vec<&str> = someone
        .name
        .split([' ', ','])
        .filter(|w| w.chars().count() > 2 && !w.contains('.'))
        .collect();
    assert!(!words.is_empty(), "{}", someone.name);
    let typed: Vec<String> = words.iter().rev().map(|w| w.to_uppercase()).collect();
    let by_name = staff::page(&snap, &query(&typed.join(" "), ""));
    assert!(by_name.rows.iter().any(|r| r.nip == grouped));
    for r in &by_name.rows {
        let text = format!("{} {} {}", r.name, r.unit_code, r.unit_name).to_lowercase();
        assert!(
            words.iter().all(|w| text.contains(&w.to_lowercase())),
            "{r:?}"
        );
    }

    // A unit's name or code lists its people.
    let unit = master.unit(&someone.unit).expect("unit");
    let by_unit_name = staff::page(&snap, &query(&unit.name.to_lowercase(), ""));
    assert!(by_unit_name.total as usize >= master.staff_count(&unit.code));
    assert!(by_unit_name.rows.iter().any(|r| r.nip == grouped));

    let none = staff::page(&snap, &query("zzzz tidak ada", ""));
    assert_eq!((none.total, none.rows.len()), (0, 0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_unit_lists_the_staff_of_the_units_under_it_and_pages_split() {
    let (ws, dir) = demo("staff-units");
    let snap = ws.snapshot().expect("snapshot");
    let master = &snap.session.master;
    for (parent, child) in [
        ("DINKES", "PKM-RANGKASBITUNG"),
        ("KEC-RANGKASBITUNG", "KEL-MUARACIUJUNGTIMUR"),
    ] {
        assert_eq!(
            master.unit(child).and_then(|u| u.parent.as_deref()),
            Some(parent)
        );
        let p = staff::page(&snap, &query("", parent));
        let expected = master.staff_count(parent) + master.staff_count(child);
        assert_eq!(p.total as usize, expected, "{parent}");
        let units: BTreeSet<&str> = p.rows.iter().map(|r| r.unit_code.as_str()).collect();
        assert_eq!(units, BTreeSet::from([parent, child]));
        let c = staff::page(&snap, &query("", child));
        assert_eq!(c.total as usize, master.staff_count(child));
        assert!(c.rows.iter().all(|r| r.unit_code == child));
        let child_name = &master.unit(child).expect("child").name;
        assert!(c.rows.iter().all(|r| &r.unit_name == child_name));
    }
    let nobody = staff::page(&snap, &query("", "TIDAK-ADA"));
    assert_eq!(nobody.total, 0);

    // Pages: consecutive, disjoint, and the size is capped.
    let first = staff::page(
        &snap,
        &StaffQuery {
            limit: 100,
            ..query("", "")
        },
    );
    let second = staff::page(
        &snap,
        &StaffQuery {
            limit: 100,
            offset: 100,
            ..query("", "")
        },
    );
    let everyone = staff::page(&snap, &query("", ""));
    assert_eq!(first.rows[..], everyone.rows[..100]);
    assert_eq!(
        second.rows[..],
        everyone.rows[100..everyone.rows.len().min(200)]
    );
    let huge = staff::page(
        &snap,
        &StaffQuery {
            limit: 100_000,
            ..query("", "")
        },
    );
    assert!(huge.rows.len() <= 500);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_unit_tree_puts_children_under_their_parent_with_counts() {
    let (ws, dir) = demo("staff-tree");
    let snap = ws.snapshot().expect("snapshot");
    let master = &snap.session.master;
    let tree = staff::unit_tree(&snap);
    assert_eq!(tree.len(), master.units.len());
    let at = |code: &str| {
        tree.iter()
            .position(|n| n.code == code)
            .unwrap_or_else(|| panic!("{code} in the tree"))
    };
    let dinkes = at("DINKES");
    let pkm = at("PKM-RANGKASBITUNG");
    assert!(pkm > dinkes);
    assert_eq!(tree[pkm].depth, 1);
    assert_eq!(tree[pkm].parent.as_deref(), Some("DINKES"));
    assert_eq!(tree[dinkes].depth, 0);
    assert!(tree[dinkes].children >= 1);
    // Everything between a parent and its child is under the parent.
    assert!(tree[dinkes + 1..pkm].iter().all(|n| n.depth >= 1));
    assert_eq!(
        tree[dinkes].staff_with_children,
        tree[dinkes].staff + tree[pkm].staff
    );
    assert_eq!(
        tree[pkm].staff as usize,
        master.staff_count("PKM-RANGKASBITUNG")
    );
    let roots: u32 = tree
        .iter()
        .filter(|n| n.depth == 0)
        .map(|n| n.staff_with_children)
        .sum();
    assert_eq!(roots as usize, master.employees.len());
    // Choosing a unit lists as many people as the tree says.
    for n in &tree {
        assert_eq!(
            staff::page(&snap, &query("", &n.code)).total,
            n.staff_with_children,
            "{}",
            n.code
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_person_shows_their_schedule_across_the_window_and_their_findings() {
    let (ws, dir) = demo("staff-person");
    let snap = ws.snapshot().expect("snapshot");
    let master = &snap.session.master;
    let window_days: Vec<String> = snap.recap.days.iter().map(|d| d.to_string()).collect();
    assert!(!window_days.is_empty());
    assert_eq!(window_days.len() as u32, snap.window_view().working_days);

    // Someone of a unit that sent a schedule, with a finding about them.
    let with_findings = findings::page(
        &snap.session,
        &FindingQuery {
            limit: 500,
            ..FindingQuery::default()
        },
    );
    let nip = with_findings
        .rows
        .iter()
        .filter_map(|r| r.nip.as_deref())
        .filter_map(|n| Nip::parse(n).ok())
        .find(|n| {
            master.employee(n).is_some_and(|e| {
                snap.recap
                    .units
                    .iter()
                    .any(|u| u.code == e.unit && u.submitted)
            })
        })
        .expect("the demo plants faults on registered staff of units that sent");
    let p = staff::person(&snap, &nip.grouped()).expect("person");
    assert_eq!(p.person.nip, nip.grouped());
    assert!(p.unit_submitted);
    let dates: Vec<&str> = p.days.iter().map(|d| d.date.as_str()).collect();
    assert_eq!(dates, window_days);
    assert!(p.findings.total >= 1);
    let digits = nip.as_str();
    assert!(p.findings.rows.iter().all(|r| {
        r.nip.as_deref().map(Nip::normalize).as_deref() == Some(digits)
            || r.message.replace(' ', "").contains(digits)
    }));

    // Each scheduled day names the cell it was read from, in a file of the set.
    let files: BTreeSet<&str> = snap
        .session
        .submissions
        .iter()
        .map(|s| s.file.as_str())
        .collect();
    let scheduled: Vec<_> = p.days.iter().filter(|d| d.status.is_some()).collect();
    assert!(!scheduled.is_empty());
    for d in &scheduled {
        let file = d.file.as_deref().expect("file of a scheduled day");
        assert!(files.contains(file), "{file}");
        assert!(d.sheet.is_some() && d.cell.is_some());
        assert!(d.unit_sent);
        assert!(
            !d.status_label.is_empty() && d.status_label != d.status.clone().unwrap_or_default()
        );
    }
    // The days agree with the recap's count of the person's unit.
    let unit = snap
        .recap
        .units
        .iter()
        .find(|u| u.code == master.employee(&nip).expect("employee").unit)
        .expect("unit in recap");
    for (day, count) in p.days.iter().zip(&unit.days) {
        assert_eq!(
            day.unit_sent,
            count.verdict != Verdict::NotSubmitted || day.status.is_some()
        );
    }

    // Typed without spaces: the same person.
    let again = staff::person(&snap, digits).expect("same person");
    assert_eq!(again, p);
    let err = staff::person(&snap, "12345").expect_err("not a NIP");
    assert_eq!(err.code(), ErrorCode::InputMissing);
    assert!(err.to_string().contains("12345"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_unit_that_sent_nothing_says_so_on_each_day() {
    let (ws, dir) = demo("staff-unsent");
    let snap = ws.snapshot().expect("snapshot");
    let master = &snap.session.master;
    let Some(unit) = snap.recap.units.iter().find(|u| !u.submitted) else {
        // Every demo unit sent: nothing to check here, but say so loudly.
        panic!("the demo leaves at least one unit without a schedule");
    };
    let e = master.staff_of(&unit.code).next().expect("staff");
    let p = staff::person(&snap, e.nip.as_str()).expect("person");
    assert!(!p.unit_submitted);
    assert!(p.days.iter().all(|d| !d.unit_sent
        && d.status.is_none()
        && d.file.is_none()
        && d.status_label == "Unit belum mengirim jadwal"));
    let _ = std::fs::remove_dir_all(&dir);
}
