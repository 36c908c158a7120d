//! The policy (Surat Edaran): who issued it, its number and date, who signs the lampiran,
//! the period, the calendar, and the WFA rules (caps, exempt units, weekdays, approval,
//! weekly limit). Serialized as TOML for import and export.

use crate::fmt_id;
use crate::master::{Master, Unit};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Text that marks a value the clerk still has to fill in (unknown signatory, number, …).
pub const PLACEHOLDER: &str = "[ISI:";

/// Why a policy file cannot be used. Messages are Indonesian, for clerks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("isi kebijakan (TOML) tidak dapat dibaca: {0}")]
    Toml(String),
    #[error("kebijakan tidak dapat ditulis sebagai TOML: {0}")]
    Write(String),
    #[error("kebijakan tidak lengkap: {0} kosong")]
    Missing(&'static str),
    #[error("masa berlaku tidak masuk akal: mulai {start} sesudah selesai {end}")]
    Period { start: String, end: String },
    #[error("batas WFA {percent} % pada hari {weekday} tidak masuk akal (harus 0–100)")]
    Cap { weekday: &'static str, percent: u32 },
    #[error("hari kerja tidak boleh kosong")]
    NoWorkingDays,
    #[error("batas WFA per minggu harus minimal 1 hari (tertulis 0)")]
    WeeklyLimit,
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
    /// WFA rows need the superior's approval.
    #[serde(default)]
    pub approval_required: bool,
    /// At most this many WFA days per person per week (a warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    #[serde(deserialize_with = "weekday_id::one")]
    pub weekday: Weekday,
    pub percent: u32,
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
    /// Reads a policy from TOML (as written by [`Policy::to_toml`]) and checks it.
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        let policy: Policy = toml::from_str(text).map_err(|e| PolicyError::Toml(e.to_string()))?;
        policy.check()?;
        Ok(policy)
    }

    /// The policy as TOML, for export and editing.
    pub fn to_toml(&self) -> Result<String, PolicyError> {
        toml::to_string_pretty(self).map_err(|e| PolicyError::Write(e.to_string()))
    }

    /// Checks what serde cannot: required texts, period order, caps within 0–100.
    pub fn check(&self) -> Result<(), PolicyError> {
        for (name, value) in [
            ("id", &self.id),
            ("issuer (instansi)", &self.issuer),
            ("issuer_title (jabatan penerbit)", &self.issuer_title),
            ("number (nomor)", &self.number),
            ("subject (tentang)", &self.subject),
        ] {
            if value.trim().is_empty() {
                return Err(PolicyError::Missing(name));
            }
        }
        if self.start > self.end {
            return Err(PolicyError::Period {
                start: fmt_id::date_long(self.start),
                end: fmt_id::date_long(self.end),
            });
        }
        if let Some(c) = self.caps.iter().find(|c| c.percent > 100) {
            return Err(PolicyError::Cap {
                weekday: fmt_id::weekday_name(c.weekday),
                percent: c.percent,
            });
        }
        if self.working_weekdays.is_empty() {
            return Err(PolicyError::NoWorkingDays);
        }
        if self.weekly_wfa_limit == Some(0) {
            return Err(PolicyError::WeeklyLimit);
        }
        Ok(())
    }

    /// The cap in percent on `date`'s weekday, `None` when uncapped.
    pub fn cap_on(&self, date: NaiveDate) -> Option<u32> {
        let wd = date.weekday();
        self.caps
            .iter()
            .find(|c| c.weekday == wd)
            .map(|c| c.percent)
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
            .starts_with("isi kebijakan (TOML) tidak dapat dibaca"));
        let mut p = presets::by_id("lebak-2025-12").unwrap();
        p.end = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
        let err = Policy::from_toml(&p.to_toml().unwrap()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "masa berlaku tidak masuk akal: mulai 29 Desember 2025 sesudah selesai 1 Desember 2025"
        );
        let mut p = presets::by_id("lebak-2025-12").unwrap();
        p.caps[0].percent = 150;
        assert!(matches!(
            p.check(),
            Err(PolicyError::Cap { percent: 150, .. })
        ));
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
