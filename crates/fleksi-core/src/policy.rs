//! The policy (Surat Edaran): who issued it, its number and date, who signs the lampiran,
//! the period, the calendar, and the WFA rules (caps, exempt units, weekdays, approval,
//! weekly limit). Serialized as TOML for import and export.

use crate::fmt_id;
use crate::master::{Master, Unit};
use crate::status::{StatusSynonym, Vocabulary};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Text that marks a value the clerk still has to fill in (unknown signatory, number, …).
pub const PLACEHOLDER: &str = "[ISI:";

/// Why a policy file cannot be used. Messages are Indonesian, for clerks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The text is not TOML, or a field has the wrong name or type; `line` is 1-based.
    #[error("isi kebijakan (TOML) tidak dapat dibaca{}: {message}", crate::policy_check::on_line(*.line))]
    Toml {
        line: Option<u32>,
        /// The TOML field concerned, when known.
        field: Option<String>,
        message: String,
    },
    #[error("kebijakan tidak dapat ditulis sebagai TOML: {0}")]
    Write(String),
    /// Every problem [`Policy::problems`] found, each naming its field.
    #[error("kebijakan belum sah: {}", crate::policy_check::join(.0))]
    Invalid(Vec<PolicyProblem>),
}

impl PolicyError {
    /// The problems as a list naming fields (one for a TOML error), for an editor.
    pub fn problems(&self) -> Vec<PolicyProblem> {
        match self {
            PolicyError::Toml {
                line,
                field,
                message,
            } => vec![PolicyProblem {
                field: field.clone().unwrap_or_default(),
                message: message.clone(),
                line: *line,
            }],
            PolicyError::Write(message) => vec![PolicyProblem {
                field: String::new(),
                message: message.clone(),
                line: None,
            }],
            PolicyError::Invalid(problems) => problems.clone(),
        }
    }
}

/// One problem of a policy, naming the TOML field (`caps[2].percent`, `end`,
/// `schemes[1].unit`, `signatory.name`) and, when read from TOML, its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyProblem {
    pub field: String,
    /// Indonesian, with the values concerned.
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl PolicyProblem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        PolicyProblem {
            field: field.into(),
            message: message.into(),
            line: None,
        }
    }
}

impl std::fmt::Display for PolicyProblem {
    /// `caps[2].percent: batas 120 % melebihi 100 %`, with ` (baris 14)` when known.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)?;
        } else {
            write!(f, "{}: {}", self.field, self.message)?;
        }
        if let Some(line) = self.line {
            write!(f, " (baris {line})")?;
        }
        Ok(())
    }
}

/// What the WFA cap of a day is computed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapBasis {
    /// On the perangkat daerah (a unit without a parent in the master), pooling the staff and
    /// WFA of all its sub-units (UPT, puskesmas, kelurahan under kecamatan): "50 persen dari
    /// total ASN" of a perangkat daerah.
    #[default]
    PerangkatDaerah,
    /// On each unit kerja separately.
    UnitKerja,
}

impl CapBasis {
    /// In Indonesian for summaries.
    pub fn label(self) -> &'static str {
        match self {
            CapBasis::PerangkatDaerah => "per perangkat daerah (digabung dengan unit di bawahnya)",
            CapBasis::UnitKerja => "per unit kerja",
        }
    }
}

/// Who approves a WFA day (used in messages and hints only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approver {
    #[default]
    AtasanLangsung,
    KepalaPerangkatDaerah,
}

impl Approver {
    /// `atasan langsung`, `kepala perangkat daerah`.
    pub fn label(self) -> &'static str {
        match self {
            Approver::AtasanLangsung => "atasan langsung",
            Approver::KepalaPerangkatDaerah => "kepala perangkat daerah",
        }
    }
}

/// A unit's own scheme ("masing-masing OPD mengajukan skemanya"): its own cap per weekday
/// (overriding the general caps for the unit and its sub-units), and/or piket with a minimum
/// number on duty (WFO or PIKET) each working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitScheme {
    /// Unit code as in the master.
    pub unit: String,
    /// Own cap per weekday; empty keeps the general caps. A weekday not listed has no cap
    /// when the list is not empty.
    #[serde(default)]
    pub caps: Vec<WeekdayCap>,
    /// At least this many of the unit's own staff on duty (WFO or PIKET) each working day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub piket_min: Option<u32>,
}

impl UnitScheme {
    /// Whether the scheme sets its own caps.
    pub fn has_caps(&self) -> bool {
        !self.caps.is_empty()
    }

    /// The scheme's cap on `date`'s weekday (`None`: no cap that day).
    pub fn cap_on(&self, date: NaiveDate) -> Option<u32> {
        WeekdayCap::on(&self.caps, date)
    }

    /// Whether the scheme is for this unit code (ignoring case and surrounding spaces).
    pub fn is_for(&self, code: &str) -> bool {
        self.unit.trim().eq_ignore_ascii_case(code.trim())
    }
}

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

    /// As written in sentences: `Surat Edaran`.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::SuratEdaran => "Surat Edaran",
            DocumentKind::Keputusan => "Keputusan",
        }
    }
}

/// Who signs the lampiran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// A circular letter and its rules. Unknown fields are refused when read (a misspelt field
/// would otherwise be ignored silently); every field added after the first release has a
/// default so older TOML keeps loading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// Working weekdays (Mon–Fri by default). In TOML `Mon`…`Sun`; Indonesian names
    /// (`Senin`…`Minggu`) are accepted too.
    #[serde(deserialize_with = "weekday_id::list")]
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
    /// Positions (jabatan) where WFA is not allowed: a word or phrase that occurs as whole
    /// words in the position, case-insensitive (e.g. `Bidan`, `Petugas Pemadam`). WFA by
    /// such a person is reported as `wfa.exempt_unit`.
    #[serde(default)]
    pub exempt_positions: Vec<String>,
    /// Weekdays on which WFA is allowed; empty means every working day.
    #[serde(default, deserialize_with = "weekday_id::list")]
    pub wfa_weekdays: Vec<Weekday>,
    /// WFA rows need the superior's approval; only an explicit yes counts.
    #[serde(default)]
    pub approval_required: bool,
    /// Who approves (messages and hints).
    #[serde(default)]
    pub approver: Approver,
    /// At most this many WFA days per person per week (a warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_wfa_limit: Option<u32>,
    /// Leave (and other absence) counts toward the cap together with WFA (Bantul style).
    #[serde(default)]
    pub leave_counts_toward_cap: bool,
    /// What the cap is computed on: the perangkat daerah pooled with its sub-units (default)
    /// or each unit kerja.
    #[serde(default)]
    pub cap_basis: CapBasis,
    /// Per-unit schemes, overriding the general caps for a unit and its sub-units, or
    /// putting a unit on piket with a minimum on duty.
    #[serde(default)]
    pub schemes: Vec<UnitScheme>,
    /// The office's own words for statuses, on top of the built-in synonyms.
    #[serde(default)]
    pub status_synonyms: Vec<StatusSynonym>,
    /// Notes for the clerk: assumptions made when the preset was written, sources.
    #[serde(default)]
    pub notes: String,
    /// Values the source did not give, listed for the clerk, one per entry. An entry that
    /// starts with a printed field — its TOML name or Indonesian label, then `:` (`date: …`,
    /// `tanggal surat: …`, `signatory.name: …`) — keeps the lampiran a draft (see
    /// [`Policy::draft_reasons`]).
    #[serde(default)]
    pub assumptions: Vec<String>,
}

/// The WFA cap on one weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekdayCap {
    #[serde(deserialize_with = "weekday_id::one")]
    pub weekday: Weekday,
    pub percent: u32,
}

impl WeekdayCap {
    /// The same cap on each of `weekdays`.
    /// The cap of `caps` on `date`'s weekday, `None` when that weekday has none.
    pub fn on(caps: &[WeekdayCap], date: NaiveDate) -> Option<u32> {
        let wd = date.weekday();
        caps.iter().find(|c| c.weekday == wd).map(|c| c.percent)
    }

    pub fn every(weekdays: &[Weekday], percent: u32) -> Vec<WeekdayCap> {
        weekdays
            .iter()
            .map(|&weekday| WeekdayCap { weekday, percent })
            .collect()
    }
}

impl UnitMatcher {
    /// Whether this matcher names `unit` itself (not its ancestors; see
    /// [`Policy::is_exempt`]). Code: exact, ignoring ASCII case. Name: equal after case and
    /// spacing are ignored. Abbreviation: equal to the unit's abbreviation or code, ignoring
    /// case and dots. Word: the word or phrase occurs as whole words in the unit name.
    pub fn matches(&self, unit: &Unit) -> bool {
        match self {
            UnitMatcher::Code(code) => code.trim().eq_ignore_ascii_case(unit.code.trim()),
            UnitMatcher::Name(name) => same_name(&words(name), &words(&unit.name)),
            UnitMatcher::Abbreviation(abbr) => {
                let want = squash(abbr);
                !want.is_empty()
                    && (unit
                        .abbreviation
                        .as_deref()
                        .is_some_and(|a| squash(a) == want)
                        || squash(&unit.code) == want)
            }
            UnitMatcher::Word(word) => has_phrase(&unit.name, word),
        }
    }

    /// In Indonesian for summaries: `kode BPBD`, `nama "Dinas Kesehatan"`, `singkatan Dinkes`,
    /// `setiap unit yang namanya memuat "Puskesmas"`.
    pub fn describe(&self) -> String {
        match self {
            UnitMatcher::Code(v) => format!("kode {v}"),
            UnitMatcher::Name(v) => format!("nama \"{v}\""),
            UnitMatcher::Abbreviation(v) => format!("singkatan {v}"),
            UnitMatcher::Word(v) => format!("setiap unit yang namanya memuat \"{v}\""),
        }
    }
}

/// Equal names, allowing the unit's name to add the region: `Dinas Kesehatan` names
/// `Dinas Kesehatan Kabupaten Lebak` too.
fn same_name(want: &[String], unit: &[String]) -> bool {
    if want.is_empty() || !unit.starts_with(want) {
        return false;
    }
    match unit.get(want.len()).map(String::as_str) {
        None => true,
        Some(next) => matches!(
            next,
            "kabupaten" | "kab" | "kota" | "provinsi" | "pemerintah"
        ),
    }
}

/// Whether `phrase` occurs as whole words in `text` (case-insensitive).
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let needle = words(phrase);
    let hay = words(text);
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Lower-case words of a name, split on anything that is not a letter or digit.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Lower-case letters and digits only: `Satpol P.P.` → `satpolpp`.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why a unit is exempt: the unit of its lineage that matched and the matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exemption<'a> {
    /// The unit itself or the ancestor that is listed.
    pub unit: &'a Unit,
    pub matcher: &'a UnitMatcher,
    /// True when the listed unit is an ancestor (the exemption is inherited).
    pub inherited: bool,
}

impl Policy {
    /// The letter as named in a sentence: `Surat Edaran B.000/19-PPI/XII/2025`, or with its
    /// subject (or period) when the number is not filled in yet.
    pub fn in_words(&self) -> String {
        let filled = |v: &str| !v.contains(PLACEHOLDER) && !v.trim().is_empty();
        let kind = self.kind.label();
        if filled(&self.number) {
            format!("{kind} {}", self.number.trim())
        } else if filled(&self.subject) {
            format!("{kind} \u{201c}{}\u{201d}", self.subject.trim())
        } else {
            format!(
                "{kind} {} s.d. {}",
                self.start.format("%d-%m-%Y"),
                self.end.format("%d-%m-%Y")
            )
        }
    }

    /// Reads a policy from TOML (as written by [`Policy::to_toml`]) and checks it. A TOML
    /// error names its line; the problems of [`Policy::problems`] name their field and line.
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        let policy: Policy =
            toml::from_str(text).map_err(|e| crate::policy_check::toml_error(text, &e))?;
        let mut problems = policy.problems();
        if problems.is_empty() {
            return Ok(policy);
        }
        crate::policy_check::locate(text, &mut problems);
        Err(PolicyError::Invalid(problems))
    }

    /// The policy as TOML, for export and editing.
    pub fn to_toml(&self) -> Result<String, PolicyError> {
        toml::to_string_pretty(self).map_err(|e| PolicyError::Write(e.to_string()))
    }

    /// Checks what serde cannot ([`Policy::problems`]); `Err` lists every problem.
    pub fn check(&self) -> Result<(), PolicyError> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(PolicyError::Invalid(problems))
        }
    }

    /// The statuses this policy accepts: its own words, then the built-in synonyms.
    pub fn vocabulary(&self) -> Vocabulary {
        Vocabulary::new(&self.status_synonyms)
    }

    /// The scheme naming exactly this unit code, if any.
    pub fn scheme(&self, unit_code: &str) -> Option<&UnitScheme> {
        self.schemes.iter().find(|s| s.is_for(unit_code))
    }

    /// The cap in percent on `date`'s weekday, `None` when uncapped.
    pub fn cap_on(&self, date: NaiveDate) -> Option<u32> {
        WeekdayCap::on(&self.caps, date)
    }

    /// Whether WFA is allowed on this weekday (an empty list allows every working day).
    pub fn wfa_allowed_on(&self, weekday: Weekday) -> bool {
        self.wfa_weekdays.is_empty() || self.wfa_weekdays.contains(&weekday)
    }

    /// Whether the unit (or one of its ancestors in the master) is exempt from WFA.
    /// A code unknown to the master is matched by its code only.
    pub fn is_exempt(&self, master: &Master, unit_code: &str) -> bool {
        if self.exempt.is_empty() {
            return false;
        }
        if master.unit(unit_code).is_none() {
            return self.exempt.iter().any(|m| {
                matches!(m, UnitMatcher::Code(c) | UnitMatcher::Abbreviation(c)
                    if squash(c) == squash(unit_code))
            });
        }
        self.exemption(master, unit_code).is_some()
    }

    /// Why the unit is exempt, nearest listed unit first; `None` when it is not.
    pub fn exemption<'a>(&'a self, master: &'a Master, unit_code: &str) -> Option<Exemption<'a>> {
        if self.exempt.is_empty() {
            return None;
        }
        for (depth, unit) in master.lineage(unit_code).into_iter().enumerate() {
            if let Some(matcher) = self.exempt.iter().find(|m| m.matches(unit)) {
                return Some(Exemption {
                    unit,
                    matcher,
                    inherited: depth > 0,
                });
            }
        }
        None
    }

    /// The caps in Indonesian: `50 % setiap hari kerja`, `50 % (Senin, Selasa, Rabu dan
    /// Kamis); 100 % (Jumat)`, or `tanpa batas persentase`.
    pub fn caps_description(&self) -> String {
        let capped: Vec<&WeekdayCap> = self
            .caps
            .iter()
            .filter(|c| self.working_weekdays.contains(&c.weekday))
            .collect();
        if capped.is_empty() {
            return "tanpa batas persentase".to_string();
        }
        let mut groups: Vec<(u32, Vec<Weekday>)> = Vec::new();
        for c in &capped {
            match groups.iter_mut().find(|g| g.0 == c.percent) {
                Some(g) => g.1.push(c.weekday),
                None => groups.push((c.percent, vec![c.weekday])),
            }
        }
        if groups.len() == 1 && capped.len() == self.working_weekdays.len() {
            return format!("{} % setiap hari kerja", groups[0].0);
        }
        let mut parts: Vec<String> = groups
            .iter()
            .map(|(p, days)| format!("{p} % ({})", fmt_id::weekdays(days)))
            .collect();
        let free: Vec<Weekday> = self
            .working_weekdays
            .iter()
            .copied()
            .filter(|w| !capped.iter().any(|c| c.weekday == *w))
            .collect();
        if !free.is_empty() {
            parts.push(format!("tanpa batas ({})", fmt_id::weekdays(&free)));
        }
        parts.join("; ")
    }

    /// The entry of `exempt_positions` that names this position, if any.
    pub fn exempt_position(&self, position: &str) -> Option<&str> {
        self.exempt_positions
            .iter()
            .find(|p| has_phrase(position, p))
            .map(String::as_str)
    }

    /// The fields that still hold a `[ISI: …]` placeholder the clerk must edit, by name.
    pub fn placeholders(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let fields: [(&'static str, Option<&str>); 6] = [
            ("nomor", Some(&self.number)),
            ("tentang", Some(&self.subject)),
            ("jabatan penanda tangan", Some(&self.signatory.position)),
            ("nama penanda tangan", Some(&self.signatory.name)),
            ("pangkat penanda tangan", self.signatory.rank.as_deref()),
            ("NIP penanda tangan", self.signatory.nip.as_deref()),
        ];
        for (name, value) in fields {
            if value.is_some_and(|v| v.contains(PLACEHOLDER)) {
                out.push(name);
            }
        }
        out
    }
}

/// Weekdays in TOML: chrono's English names (`Mon`, `Monday`) or Indonesian ones
/// (`Senin`, `Jumat`, `Jum'at`, `Ahad`), any case.
mod weekday_id {
    use chrono::Weekday;
    use serde::{Deserialize, Deserializer};

    pub fn parse(text: &str) -> Option<Weekday> {
        let t: String = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let w = match t.as_str() {
            "senin" => Weekday::Mon,
            "selasa" => Weekday::Tue,
            "rabu" => Weekday::Wed,
            "kamis" => Weekday::Thu,
            "jumat" => Weekday::Fri,
            "sabtu" => Weekday::Sat,
            "minggu" | "ahad" => Weekday::Sun,
            _ => return t.parse().ok(),
        };
        Some(w)
    }

    fn err<E: serde::de::Error>(text: &str) -> E {
        E::custom(format!(
            "hari '{text}' tidak dikenal (gunakan Senin–Minggu atau Mon–Sun)"
        ))
    }

    pub fn one<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        let text = String::deserialize(d)?;
        parse(&text).ok_or_else(|| err(&text))
    }

    pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|t| parse(t).ok_or_else(|| err(t)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn matchers_by_code_name_abbreviation_word() {
        let u = Unit::new(
            "PKM-CBD",
            "UPTD  Puskesmas Cibadak",
            Some("PKM Cibadak"),
            Some("DINKES"),
        );
        assert!(UnitMatcher::Code("pkm-cbd".into()).matches(&u));
        assert!(!UnitMatcher::Code("PKM".into()).matches(&u));
        assert!(UnitMatcher::Name("uptd puskesmas cibadak".into()).matches(&u));
        assert!(!UnitMatcher::Name("Puskesmas Cibadak".into()).matches(&u));
        assert!(UnitMatcher::Abbreviation("PKM CIBADAK".into()).matches(&u));
        assert!(UnitMatcher::Word("puskesmas".into()).matches(&u));
        assert!(UnitMatcher::Word("Puskesmas Cibadak".into()).matches(&u));
        assert!(!UnitMatcher::Word("Pus".into()).matches(&u));
        assert!(!UnitMatcher::Word("  ".into()).matches(&u));
        let satpol = Unit::new("SATPOL", "Satpol P.P. dan Damkar", Some("Satpol PP"), None);
        assert!(UnitMatcher::Abbreviation("SATPOL-PP".into()).matches(&satpol));
        assert!(UnitMatcher::Abbreviation("satpol".into()).matches(&satpol));
    }

    #[test]
    fn exemption_is_inherited_from_ancestors() {
        let master = Master::new(
            vec![
                Unit::new("DINKES", "Dinas Kesehatan", Some("Dinkes"), None),
                Unit::new("PKM-CBD", "UPTD Puskesmas Cibadak", None, Some("DINKES")),
                Unit::new("DISDIK", "Dinas Pendidikan", Some("Disdik"), None),
            ],
            vec![],
        );
        let mut policy = presets::by_id("lebak-2025-12").unwrap();
        policy.exempt = vec![UnitMatcher::Name("Dinas Kesehatan".into())];
        let why = policy.exemption(&master, "PKM-CBD").unwrap();
        assert_eq!(why.unit.code, "DINKES");
        assert!(why.inherited);
        assert!(policy.is_exempt(&master, "DINKES"));
        assert!(!policy.is_exempt(&master, "DISDIK"));
        // Unknown to the master: only a code or abbreviation can name it.
        policy.exempt = vec![UnitMatcher::Code("BPBD".into())];
        assert!(policy.is_exempt(&master, "BPBD"));
        assert!(!policy.is_exempt(&master, "DISDIK"));
    }

    #[test]
    fn toml_round_trip_of_every_preset() {
        for p in presets::all() {
            let text = p.to_toml().unwrap();
            let back = Policy::from_toml(&text).unwrap();
            assert_eq!(back, p, "{}", p.id);
        }
    }

    #[test]
    fn bad_toml_gives_an_indonesian_error() {
        let err = Policy::from_toml("id = ").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("isi kebijakan (TOML) tidak dapat dibaca (baris 1): "));
        let mut p = presets::by_id("lebak-2025-12").unwrap();
        p.end = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
        let err = Policy::from_toml(&p.to_toml().unwrap()).unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.starts_with(
                "kebijakan belum sah: end: tanggal akhir 01-12-2025 sebelum tanggal awal \
                 29-12-2025 (baris "
            ),
            "{shown}"
        );
        let mut p = presets::by_id("lebak-2025-12").unwrap();
        p.caps[0].percent = 150;
        match p.check() {
            Err(PolicyError::Invalid(problems)) => {
                assert_eq!(problems.len(), 1);
                assert_eq!(problems[0].field, "caps[0].percent");
                assert_eq!(problems[0].message, "batas 150 % melebihi 100 %");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_may_carry_the_region() {
        let u = Unit::new("DINKES", "Dinas Kesehatan Kabupaten Lebak", None, None);
        assert!(UnitMatcher::Name("Dinas Kesehatan".into()).matches(&u));
        let u = Unit::new("X", "Dinas Kesehatan Hewan", None, None);
        assert!(!UnitMatcher::Name("Dinas Kesehatan".into()).matches(&u));
        let u = Unit::new("X", "Dinas Kesehatan", None, None);
        assert!(!UnitMatcher::Name("Dinas Kesehatan Hewan".into()).matches(&u));
    }

    #[test]
    fn indonesian_weekdays_in_toml() {
        let p = presets::by_id("rejang-lebong-2026").unwrap();
        let text = p
            .to_toml()
            .unwrap()
            .replace("\"Fri\"", "\"Jum'at\"")
            .replace("\"Mon\"", "\"senin\"")
            .replace(
                "wfa_weekdays = []",
                "wfa_weekdays = [\"Jumat\", \"Thursday\"]",
            );
        let back = Policy::from_toml(&text).unwrap();
        assert_eq!(back.working_weekdays, p.working_weekdays);
        assert_eq!(back.caps, p.caps);
        assert_eq!(back.wfa_weekdays, vec![Weekday::Fri, Weekday::Thu]);
        let bad = p.to_toml().unwrap().replace("\"Tue\"", "\"Selasaa\"");
        let err = Policy::from_toml(&bad).unwrap_err().to_string();
        assert!(err.contains("hari 'Selasaa' tidak dikenal"), "{err}");
    }

    #[test]
    fn exempt_positions_match_whole_words() {
        let mut p = presets::by_id("pesisir-barat-2025-08").unwrap();
        assert_eq!(p.exempt_position("Bidan Ahli Pertama"), None);
        p.exempt_positions = vec!["Bidan".into(), "Petugas Pemadam".into()];
        assert_eq!(p.exempt_position("Bidan Ahli Pertama"), Some("Bidan"));
        assert_eq!(
            p.exempt_position("petugas pemadam kebakaran"),
            Some("Petugas Pemadam")
        );
        assert_eq!(p.exempt_position("Bidang Umum"), None);
    }

    #[test]
    fn caps_in_words() {
        let d = |id| presets::by_id(id).unwrap().caps_description();
        assert_eq!(d("lebak-2025-12"), "50 % setiap hari kerja");
        assert_eq!(
            d("rejang-lebong-2026"),
            "50 % (Senin, Selasa, Rabu dan Kamis); 100 % (Jumat)"
        );
        assert_eq!(d("kab-bekasi-2025-03"), "tanpa batas persentase");
        let mut p = presets::by_id("lebak-2025-12").unwrap();
        p.caps.truncate(2);
        assert_eq!(
            p.caps_description(),
            "50 % (Senin dan Selasa); tanpa batas (Rabu, Kamis dan Jumat)"
        );
    }

    #[test]
    fn cap_and_weekday_rules() {
        let rl = presets::by_id("rejang-lebong-2026").unwrap();
        let fri = NaiveDate::from_ymd_opt(2026, 4, 10).unwrap();
        let mon = NaiveDate::from_ymd_opt(2026, 4, 6).unwrap();
        assert_eq!(rl.cap_on(fri), Some(100));
        assert_eq!(rl.cap_on(mon), Some(50));
        let kb = presets::by_id("kab-bekasi-2025-03").unwrap();
        assert_eq!(
            kb.cap_on(NaiveDate::from_ymd_opt(2025, 3, 24).unwrap()),
            None
        );
        assert!(kb.wfa_allowed_on(Weekday::Wed));
        let mut p = kb.clone();
        p.wfa_weekdays = vec![Weekday::Fri];
        assert!(!p.wfa_allowed_on(Weekday::Wed));
        assert!(p.wfa_allowed_on(Weekday::Fri));
    }
}
