//! The policies (Surat Edaran) as the UI lists them: a summary per preset, with dates and
//! caps already written in Indonesian by `fleksi_core::fmt_id`.

use fleksi_core::fmt_id;
use fleksi_core::policy::{DocumentKind, Policy};
use serde::Serialize;
use ts_rs::TS;

/// One policy in a list (Beranda, Surat Edaran).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PolicySummary {
    /// Stable id, e.g. `lebak-2025-12`.
    pub id: String,
    /// E.g. `Pemerintah Kabupaten Lebak`.
    pub issuer: String,
    /// `Surat Edaran` or `Keputusan`.
    pub kind: String,
    pub number: String,
    /// Date of the letter, e.g. `24 Desember 2025`.
    pub date: String,
    /// `TENTANG`.
    pub subject: String,
    /// E.g. `29 Desember 2025 – 31 Desember 2025`.
    pub period: String,
    /// The WFA cap in words, e.g. `50 % setiap hari kerja`.
    pub caps: String,
    /// How many exemption rules (units that stay WFO) the policy lists.
    pub exempt_rules: u32,
}

impl From<&Policy> for PolicySummary {
    fn from(p: &Policy) -> Self {
        PolicySummary {
            id: p.id.clone(),
            issuer: p.issuer.clone(),
            kind: match p.kind {
                DocumentKind::SuratEdaran => "Surat Edaran",
                DocumentKind::Keputusan => "Keputusan",
            }
            .to_owned(),
            number: p.number.clone(),
            date: fmt_id::date_long(p.date),
            subject: p.subject.clone(),
            period: fmt_id::period(p.start, p.end),
            caps: caps_text(p),
            exempt_rules: u32::try_from(p.exempt.len()).unwrap_or(u32::MAX),
        }
    }
}

/// `50 % setiap hari kerja`, or per group of weekdays: `50 % (Senin, Selasa, Rabu dan Kamis);
/// 100 % (Jumat)`; `tanpa batas` when the policy sets none.
fn caps_text(p: &Policy) -> String {
    let mut groups: Vec<(u32, Vec<chrono::Weekday>)> = Vec::new();
    for cap in &p.caps {
        match groups
            .iter_mut()
            .find(|(percent, _)| *percent == cap.percent)
        {
            Some((_, days)) => days.push(cap.weekday),
            None => groups.push((cap.percent, vec![cap.weekday])),
        }
    }
    match groups.as_slice() {
        [] => "tanpa batas".to_owned(),
        [(percent, days)] if p.working_weekdays.iter().all(|d| days.contains(d)) => {
            format!("{percent} % setiap hari kerja")
        }
        _ => groups
            .iter()
            .map(|(percent, days)| format!("{percent} % ({})", fmt_id::weekdays(days)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Every preset, in the order of `fleksi_core::presets::IDS`.
pub fn presets() -> Vec<PolicySummary> {
    fleksi_core::presets::all()
        .iter()
        .map(PolicySummary::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fleksi_core::policy::WeekdayCap;

    #[test]
    fn lebak_preset_reads_as_the_letter_does() {
        let lebak = presets()
            .into_iter()
            .find(|p| p.id == "lebak-2025-12")
            .expect("the Lebak preset is listed");
        assert_eq!(lebak.kind, "Surat Edaran");
        assert_eq!(lebak.period, "29 Desember 2025 – 31 Desember 2025");
        assert_eq!(lebak.caps, "50 % setiap hari kerja");
        assert!(lebak.exempt_rules > 0);
    }

    #[test]
    fn caps_per_weekday_are_grouped() {
        let mut p = fleksi_core::presets::all().remove(0);
        p.caps = [
            (chrono::Weekday::Mon, 50),
            (chrono::Weekday::Tue, 50),
            (chrono::Weekday::Fri, 100),
        ]
        .into_iter()
        .map(|(weekday, percent)| WeekdayCap { weekday, percent })
        .collect();
        assert_eq!(caps_text(&p), "50 % (Senin dan Selasa); 100 % (Jumat)");
        p.caps.clear();
        assert_eq!(caps_text(&p), "tanpa batas");
    }

    #[test]
    fn lists_every_preset_in_order() {
        let ids: Vec<String> = presets().into_iter().map(|p| p.id).collect();
        assert_eq!(ids, fleksi_core::presets::IDS.map(String::from).to_vec());
    }
}
