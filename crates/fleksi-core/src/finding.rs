//! Findings (Temuan): one problem in an import or a schedule, with its stable code, severity,
//! exact place (file, sheet, A1 cell), and an Indonesian message and fix hint.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How bad a finding is. Errors make `fleksi check` exit 1; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Kesalahan",
            Severity::Warning => "Peringatan",
        }
    }
}

/// The stable finding codes of the CLI contract (design §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FindingCode {
    #[serde(rename = "file.unreadable")]
    FileUnreadable,
    #[serde(rename = "unit.unknown")]
    UnitUnknown,
    #[serde(rename = "header.not_found")]
    HeaderNotFound,
    #[serde(rename = "nip.invalid")]
    NipInvalid,
    #[serde(rename = "nip.precision_lost")]
    NipPrecisionLost,
    #[serde(rename = "nip.duplicate")]
    NipDuplicate,
    #[serde(rename = "nip.unknown")]
    NipUnknown,
    #[serde(rename = "nip.other_unit")]
    NipOtherUnit,
    #[serde(rename = "employee.missing")]
    EmployeeMissing,
    #[serde(rename = "status.unknown")]
    StatusUnknown,
    #[serde(rename = "status.missing")]
    StatusMissing,
    #[serde(rename = "date.outside_period")]
    DateOutsidePeriod,
    #[serde(rename = "date.non_working")]
    DateNonWorking,
    #[serde(rename = "wfa.exempt_unit")]
    WfaExemptUnit,
    #[serde(rename = "wfa.quota_exceeded")]
    WfaQuotaExceeded,
    #[serde(rename = "wfa.day_not_allowed")]
    WfaDayNotAllowed,
    #[serde(rename = "wfa.weekly_limit")]
    WfaWeeklyLimit,
    #[serde(rename = "approval.missing")]
    ApprovalMissing,
    #[serde(rename = "approval.unclear")]
    ApprovalUnclear,
    #[serde(rename = "date.invalid")]
    DateInvalid,
    #[serde(rename = "piket.understaffed")]
    PiketUnderstaffed,
    #[serde(rename = "employee.double_booked")]
    EmployeeDoubleBooked,
    /// Filled cells far outside the table (a value left in XFD1048576), not read.
    #[serde(rename = "cell.outside_table")]
    CellOutsideTable,
    /// Rows of non-ASN staff (an NIK instead of a NIP, honorer, PPPK paruh waktu, THL),
    /// reported once per sheet and not counted.
    #[serde(rename = "staff.non_asn")]
    StaffNonAsn,
}

impl FindingCode {
    pub const ALL: [FindingCode; 24] = [
        FindingCode::FileUnreadable,
        FindingCode::UnitUnknown,
        FindingCode::HeaderNotFound,
        FindingCode::NipInvalid,
        FindingCode::NipPrecisionLost,
        FindingCode::NipDuplicate,
        FindingCode::NipUnknown,
        FindingCode::NipOtherUnit,
        FindingCode::EmployeeMissing,
        FindingCode::StatusUnknown,
        FindingCode::StatusMissing,
        FindingCode::DateOutsidePeriod,
        FindingCode::DateNonWorking,
        FindingCode::WfaExemptUnit,
        FindingCode::WfaQuotaExceeded,
        FindingCode::WfaDayNotAllowed,
        FindingCode::WfaWeeklyLimit,
        FindingCode::ApprovalMissing,
        FindingCode::ApprovalUnclear,
        FindingCode::DateInvalid,
        FindingCode::PiketUnderstaffed,
        FindingCode::EmployeeDoubleBooked,
        FindingCode::CellOutsideTable,
        FindingCode::StaffNonAsn,
    ];

    /// The code as written in JSON and reports, e.g. `wfa.quota_exceeded`.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::FileUnreadable => "file.unreadable",
            FindingCode::UnitUnknown => "unit.unknown",
            FindingCode::HeaderNotFound => "header.not_found",
            FindingCode::NipInvalid => "nip.invalid",
            FindingCode::NipPrecisionLost => "nip.precision_lost",
            FindingCode::NipDuplicate => "nip.duplicate",
            FindingCode::NipUnknown => "nip.unknown",
            FindingCode::NipOtherUnit => "nip.other_unit",
            FindingCode::EmployeeMissing => "employee.missing",
            FindingCode::StatusUnknown => "status.unknown",
            FindingCode::StatusMissing => "status.missing",
            FindingCode::DateOutsidePeriod => "date.outside_period",
            FindingCode::DateNonWorking => "date.non_working",
            FindingCode::WfaExemptUnit => "wfa.exempt_unit",
            FindingCode::WfaQuotaExceeded => "wfa.quota_exceeded",
            FindingCode::WfaDayNotAllowed => "wfa.day_not_allowed",
            FindingCode::WfaWeeklyLimit => "wfa.weekly_limit",
            FindingCode::ApprovalMissing => "approval.missing",
            FindingCode::ApprovalUnclear => "approval.unclear",
            FindingCode::DateInvalid => "date.invalid",
            FindingCode::PiketUnderstaffed => "piket.understaffed",
            FindingCode::EmployeeDoubleBooked => "employee.double_booked",
            FindingCode::CellOutsideTable => "cell.outside_table",
            FindingCode::StaffNonAsn => "staff.non_asn",
        }
    }

    /// The Indonesian name of the code that clerks read (Temuan table and filter, the recap's
    /// and the error workbook's finding lists, `check`'s text report); the code itself is
    /// for whoever supports them. The app's labels are generated from this (`codes.ts`).
    pub fn label(self) -> &'static str {
        match self {
            FindingCode::FileUnreadable => "Berkas tidak terbaca",
            FindingCode::UnitUnknown => "Unit kerja tidak dikenali",
            FindingCode::HeaderNotFound => "Judul kolom tidak ditemukan",
            FindingCode::NipInvalid => "NIP tidak sah",
            FindingCode::NipPrecisionLost => "NIP terpotong karena diketik sebagai angka",
            FindingCode::NipDuplicate => "NIP ganda",
            FindingCode::NipUnknown => "NIP tidak ada di data pegawai",
            FindingCode::NipOtherUnit => "NIP milik unit lain",
            FindingCode::EmployeeMissing => "Pegawai tidak dijadwalkan",
            FindingCode::StatusUnknown => "Keterangan tidak dikenali",
            FindingCode::StatusMissing => "Keterangan kosong",
            FindingCode::DateOutsidePeriod => "Tanggal di luar masa berlaku",
            FindingCode::DateNonWorking => "Jadwal pada hari libur",
            FindingCode::WfaExemptUnit => "WFA di unit yang dikecualikan",
            FindingCode::WfaQuotaExceeded => "WFA melebihi batas harian",
            FindingCode::WfaDayNotAllowed => "WFA pada hari yang tidak diizinkan",
            FindingCode::WfaWeeklyLimit => "WFA melebihi batas mingguan",
            FindingCode::ApprovalMissing => "Belum disetujui atasan",
            FindingCode::ApprovalUnclear => "Persetujuan atasan tidak jelas",
            FindingCode::DateInvalid => "Tanggal tidak terbaca",
            FindingCode::PiketUnderstaffed => "Petugas piket kurang",
            FindingCode::EmployeeDoubleBooked => "Pegawai dijadwalkan dua unit",
            FindingCode::CellOutsideTable => "Isian di luar tabel jadwal",
            FindingCode::StaffNonAsn => "Baris pegawai non-ASN",
        }
    }

    /// The default severity of the code (`nip.precision_lost` is downgraded to a warning
    /// by the importer when the NIP is recovered from the master).
    pub fn default_severity(self) -> Severity {
        match self {
            FindingCode::EmployeeMissing
            | FindingCode::DateNonWorking
            | FindingCode::WfaWeeklyLimit
            | FindingCode::ApprovalUnclear
            | FindingCode::CellOutsideTable
            | FindingCode::StaffNonAsn => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, placed as exactly as it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: FindingCode,
    pub severity: Severity,
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// A1 reference, e.g. `F12`.
    pub cell: Option<String>,
    /// Unit code.
    pub unit: Option<String>,
    /// The 18 digits where known, otherwise as written.
    pub nip: Option<String>,
    pub date: Option<NaiveDate>,
    /// Indonesian, with the numbers ("WFA 7 dari 12 ASN = 58 % > 50 %").
    pub message: String,
    /// Indonesian: how to fix it.
    pub hint: String,
}

impl Finding {
    /// A finding with the code's default severity and no place yet.
    pub fn new(code: FindingCode, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Finding {
            code,
            severity: code.default_severity(),
            file: None,
            sheet: None,
            cell: None,
            unit: None,
            nip: None,
            date: None,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn at(mut self, file: &str, sheet: &str, cell: impl Into<String>) -> Self {
        self.file = Some(file.to_string());
        self.sheet = Some(sheet.to_string());
        self.cell = Some(cell.into());
        self
    }

    pub fn in_file(mut self, file: &str) -> Self {
        self.file = Some(file.to_string());
        self
    }

    pub fn unit(mut self, unit: Option<&str>) -> Self {
        self.unit = unit.map(str::to_string);
        self
    }

    pub fn nip(mut self, nip: impl Into<String>) -> Self {
        self.nip = Some(nip.into());
        self
    }

    pub fn date(mut self, date: NaiveDate) -> Self {
        self.date = Some(date);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Formats a share in Indonesian style with a decimal comma: `58,3 %`.
pub fn percent_id(numerator: u32, denominator: u32) -> String {
    if denominator == 0 {
        return "0 %".to_string();
    }
    let tenths =
        (u64::from(numerator) * 1000 + u64::from(denominator) / 2) / u64::from(denominator);
    if tenths % 10 == 0 {
        format!("{} %", tenths / 10)
    } else {
        format!("{},{} %", tenths / 10, tenths % 10)
    }
}

/// A zero-based (column, row) pair as an A1 reference: (5, 11) → `F12`.
pub fn a1(col: u32, row: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(b'A' + rem as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_their_strings() {
        for code in FindingCode::ALL {
            let json = serde_json_like(code);
            assert_eq!(json, code.as_str());
        }
    }

    fn serde_json_like(code: FindingCode) -> String {
        // toml can't serialize a bare enum; go through a wrapper struct.
        #[derive(Serialize)]
        struct W {
            c: FindingCode,
        }
        let s = toml::to_string(&W { c: code }).unwrap();
        s.trim()
            .trim_start_matches("c = ")
            .trim_matches('"')
            .to_string()
    }

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(5, 11), "F12");
        assert_eq!(a1(25, 0), "Z1");
        assert_eq!(a1(26, 0), "AA1");
        assert_eq!(a1(701, 9), "ZZ10");
        assert_eq!(a1(702, 9), "AAA10");
    }

    #[test]
    fn percent_with_decimal_comma() {
        assert_eq!(percent_id(7, 12), "58,3 %");
        assert_eq!(percent_id(1, 2), "50 %");
        assert_eq!(percent_id(0, 0), "0 %");
    }
}
