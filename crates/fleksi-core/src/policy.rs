//! The policy (Surat Edaran): who issued it, its number and date, who signs the lampiran,
//! the period, the calendar, and the WFA rules (caps, exempt units, weekdays, approval,
//! weekly limit). Serialized as TOML for import and export.

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The kind of instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    SuratEdaran,
    Keputusan,
}

impl DocumentKind {
    /// As printed in a lampiran header, e.g. `SURAT EDARAN`.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::SuratEdaran => "SURAT EDARAN",
            DocumentKind::Keputusan => "KEPUTUSAN",
        }
    }
}

/// Who signs the lampiran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// Position as printed above the signature, without the comma: `BUPATI LEBAK`.
    pub position: String,
    pub name: String,
    /// Pangkat/golongan; omitted for the regional head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<String>,
    /// NIP; omitted for the regional head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<String>,
}

/// How an exempt unit is recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "value")]
pub enum UnitMatcher {
    /// Exact unit code.
    Code(String),
    /// Exact unit name (case-insensitive).
    Name(String),
    /// Exact abbreviation (case-insensitive).
    Abbreviation(String),
    /// A word that occurs in the unit name (case-insensitive), e.g. `Puskesmas`.
    Word(String),
}

/// A circular letter and its rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// Stable id, e.g. `lebak-2025-12`.
    pub id: String,
    /// E.g. `Pemerintah Kabupaten Lebak`.
    pub issuer: String,
    /// The title of the issuing office as in the lampiran header: `BUPATI LEBAK`.
    pub issuer_title: String,
    /// The place of issue, e.g. `Rangkasbitung`.
    pub place: String,
    pub kind: DocumentKind,
    pub number: String,
    pub date: NaiveDate,
    /// `TENTANG`.
    pub subject: String,
    pub signatory: Signatory,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Working weekdays (Mon–Fri by default).
    pub working_weekdays: Vec<Weekday>,
    /// Extra local days off within the period.
    #[serde(default)]
    pub extra_days_off: Vec<NaiveDate>,
    /// WFA cap in percent of the unit's staff per weekday; a weekday not listed has no cap.
    #[serde(default)]
    pub caps: Vec<WeekdayCap>,
    /// Units where WFA is not allowed (inherited by child units).
    #[serde(default)]
    pub exempt: Vec<UnitMatcher>,
    /// Weekdays on which WFA is allowed; empty means every working day.
    #[serde(default)]
    pub wfa_weekdays: Vec<Weekday>,
    /// WFA rows need the superior's approval.
    #[serde(default)]
    pub approval_required: bool,
    /// At most this many WFA days per person per week (a warning).
    #[serde(default)]
    pub weekly_wfa_limit: Option<u32>,
    /// Leave (and other absence) counts toward the cap together with WFA (Bantul style).
    #[serde(default)]
    pub leave_counts_toward_cap: bool,
    /// Notes for the clerk: assumptions made when the preset was written, sources.
    #[serde(default)]
    pub notes: String,
}

/// The WFA cap on one weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekdayCap {
    pub weekday: Weekday,
    pub percent: u32,
}

impl Policy {
    /// The cap in percent on `date`'s weekday, `None` when uncapped.
    pub fn cap_on(&self, date: NaiveDate) -> Option<u32> {
        use chrono::Datelike;
        let wd = date.weekday();
        self.caps
            .iter()
            .find(|c| c.weekday == wd)
            .map(|c| c.percent)
    }
}
