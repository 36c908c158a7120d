//! The Surat Edaran page: one policy's rules in the clerk's words — the cap, exempt units and
//! positions, WFA days, approval, weekly limit — and the days off inside its period with
//! their reasons (why a date column is flagged as not a working day).

use fleksi_core::{fmt_id, Calendar, Policy};
use serde::Serialize;
use ts_rs::TS;

use crate::inputs::to_u32;
use crate::policies::PolicySummary;

/// A day inside the period that is not a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DayOffLine {
    /// `Kamis, 25 Desember 2025`.
    pub date: String,
    /// `Libur nasional: Kelahiran Yesus Kristus`, `Cuti bersama: …`, `Hari libur daerah`.
    pub reason: String,
}

/// Everything the page shows about one policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PolicyDetail {
    pub summary: PolicySummary,
    /// Place of issue, e.g. `Rangkasbitung`.
    pub place: String,
    /// The signature block as printed: position, name, rank, NIP (those present).
    pub signatory: Vec<String>,
    /// The rules, one sentence each, in Indonesian.
    pub rules: Vec<String>,
    /// How each exempt unit is recognised (`setiap unit yang namanya memuat "Puskesmas"`).
    pub exempt_units: Vec<String>,
    pub exempt_positions: Vec<String>,
    pub working_days: u32,
    /// Holidays, cuti bersama and local days off on working weekdays of the period.
    pub days_off: Vec<DayOffLine>,
    /// False when the period reaches beyond the national calendar Fleksi knows (2025–2026).
    pub calendar_covered: bool,
    /// The preset author's notes (assumptions, sources).
    pub notes: String,
}

fn rules(p: &Policy) -> Vec<String> {
    let summary = PolicySummary::from(p);
    let basis = match p.cap_basis {
        fleksi_core::policy::CapBasis::PerangkatDaerah => {
            "dari jumlah ASN setiap perangkat daerah (digabung dengan unit di bawahnya; \
             dibulatkan ke bawah)"
        }
        fleksi_core::policy::CapBasis::UnitKerja => "dari jumlah ASN setiap unit kerja",
    };
    let mut out = vec![format!("Batas WFA: {} {basis}.", summary.caps)];
    for scheme in &p.schemes {
        let mut parts = Vec::new();
        if !scheme.caps.is_empty() {
            let mut own = p.clone();
            own.caps = scheme.caps.clone();
            parts.push(format!("batas sendiri {}", PolicySummary::from(&own).caps));
        }
        if let Some(n) = scheme.piket_min {
            parts.push(format!(
                "piket paling sedikit {n} orang bertugas setiap hari"
            ));
        }
        if !parts.is_empty() {
            out.push(format!("Skema unit {}: {}.", scheme.unit, parts.join("; ")));
        }
    }
    out.push(if p.wfa_weekdays.is_empty() {
        "WFA boleh pada setiap hari kerja.".to_string()
    } else {
        format!(
            "WFA hanya boleh pada hari {}.",
            fmt_id::weekdays(&p.wfa_weekdays)
        )
    });
    if p.approval_required {
        out.push(format!(
            "Setiap WFA harus disetujui {}.",
            p.approver.label()
        ));
    }
    if let Some(n) = p.weekly_wfa_limit {
        out.push(format!(
            "Paling banyak {n} hari WFA per pegawai per minggu (peringatan)."
        ));
    }
    if p.leave_counts_toward_cap {
        out.push("Cuti dan ketidakhadiran lain dihitung bersama WFA terhadap batas.".to_string());
    }
    if !p.exempt.is_empty() || !p.exempt_positions.is_empty() {
        out.push(
            "Unit dan jabatan yang dikecualikan tetap WFO (termasuk unit di bawahnya).".to_string(),
        );
    }
    out
}

/// The detail of a policy.
pub fn detail(p: &Policy) -> PolicyDetail {
    let calendar = Calendar::from_policy(p);
    let days_off = p
        .start
        .iter_days()
        .take_while(|d| *d <= p.end)
        .filter(|d| p.working_weekdays.contains(&chrono::Datelike::weekday(d)))
        .filter_map(|d| {
            calendar.is_working_day(d).err().map(|why| DayOffLine {
                date: fmt_id::date_with_weekday(d),
                reason: why.to_string(),
            })
        })
        .collect();
    let s = &p.signatory;
    let signatory = [
        Some(s.position.clone()),
        Some(s.name.clone()),
        s.rank.clone(),
        s.nip.as_ref().map(|n| format!("NIP. {n}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    PolicyDetail {
        summary: PolicySummary::from(p),
        place: p.place.clone(),
        signatory,
        rules: rules(p),
        exempt_units: p.exempt.iter().map(|m| m.describe()).collect(),
        exempt_positions: p.exempt_positions.clone(),
        working_days: to_u32(fleksi_core::working_days(p).len()),
        days_off,
        calendar_covered: fleksi_core::calendar::national_calendar_covers(p.start, p.end),
        notes: p.notes.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lebak_lists_its_exemptions_and_no_days_off() {
        let d = detail(&fleksi_core::presets::by_id("lebak-2025-12").expect("preset"));
        assert_eq!(d.working_days, 3);
        assert!(d.days_off.is_empty(), "{:?}", d.days_off);
        assert!(!d.exempt_units.is_empty());
        assert!(d.rules[0].starts_with("Batas WFA: 50 %"));
        assert!(
            d.rules[0].contains("perangkat daerah (digabung"),
            "{}",
            d.rules[0]
        );
        assert!(d.calendar_covered);
        assert_eq!(d.signatory[0], "BUPATI LEBAK");
    }

    #[test]
    fn a_period_over_christmas_names_the_holiday_and_cuti_bersama() {
        let mut p = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
        p.start = chrono::NaiveDate::from_ymd_opt(2025, 12, 22).expect("date");
        let d = detail(&p);
        let christmas = d
            .days_off
            .iter()
            .find(|l| l.date == "Kamis, 25 Desember 2025")
            .expect("Christmas is listed");
        assert!(
            christmas.reason.starts_with("Libur nasional"),
            "{christmas:?}"
        );
        assert!(d
            .days_off
            .iter()
            .any(|l| l.reason.starts_with("Cuti bersama")));
        assert_eq!(d.working_days as usize + d.days_off.len(), 8);
    }
}
