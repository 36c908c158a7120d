//! The master data (Data Pegawai): units with their parents and the ASN of each unit,
//! with the look-ups the rules and importers need.

use crate::nip::Nip;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A perangkat daerah or sub-unit (puskesmas under Dinkes, kelurahan under kecamatan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Stable code, e.g. `DINKES`.
    pub code: String,
    /// Full name, e.g. `Dinas Kesehatan`.
    pub name: String,
    /// Abbreviation, e.g. `Dinkes`.
    pub abbreviation: Option<String>,
    /// Parent unit code.
    pub parent: Option<String>,
}

impl Unit {
    /// A unit from its code, name, abbreviation and parent code.
    pub fn new(code: &str, name: &str, abbreviation: Option<&str>, parent: Option<&str>) -> Unit {
        Unit {
            code: code.into(),
            name: name.into(),
            abbreviation: abbreviation.map(Into::into),
            parent: parent.map(Into::into),
        }
    }
}

/// One ASN in the master.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employee {
    pub nip: Nip,
    /// Name with academic titles, as written.
    pub name: String,
    /// Jabatan.
    pub position: String,
    /// Unit code.
    pub unit: String,
    /// Pangkat/golongan where known.
    pub rank: Option<String>,
}

/// Units and staff, indexed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Master {
    pub units: Vec<Unit>,
    pub employees: Vec<Employee>,
    #[serde(skip)]
    index: Index,
}

#[derive(Debug, Clone, Default)]
struct Index {
    unit_by_code: HashMap<String, usize>,
    employee_by_nip: HashMap<Nip, usize>,
    staff_by_unit: HashMap<String, Vec<usize>>,
    by_first15: HashMap<String, Vec<usize>>,
}

impl Master {
    pub fn new(units: Vec<Unit>, employees: Vec<Employee>) -> Self {
        let mut m = Master {
            units,
            employees,
            index: Index::default(),
        };
        m.reindex();
        m
    }

    /// Rebuilds the look-up tables (call after deserializing or editing).
    pub fn reindex(&mut self) {
        let mut index = Index::default();
        for (i, u) in self.units.iter().enumerate() {
            index.unit_by_code.insert(u.code.clone(), i);
        }
        for (i, e) in self.employees.iter().enumerate() {
            index.employee_by_nip.insert(e.nip, i);
            index
                .staff_by_unit
                .entry(e.unit.clone())
                .or_default()
                .push(i);
            index
                .by_first15
                .entry(e.nip.first15().to_string())
                .or_default()
                .push(i);
        }
        self.index = index;
    }

    pub fn unit(&self, code: &str) -> Option<&Unit> {
        self.index.unit_by_code.get(code).map(|&i| &self.units[i])
    }

    pub fn employee(&self, nip: &Nip) -> Option<&Employee> {
        self.index
            .employee_by_nip
            .get(nip)
            .map(|&i| &self.employees[i])
    }

    /// The staff whose unit is exactly `code` (children are separate units).
    pub fn staff_of<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Employee> + 'a {
        self.index
            .staff_by_unit
            .get(code)
            .into_iter()
            .flatten()
            .map(move |&i| &self.employees[i])
    }

    pub fn staff_count(&self, code: &str) -> usize {
        self.index.staff_by_unit.get(code).map_or(0, Vec::len)
    }

    /// Employees whose NIP starts with these 15 digits (a NIP that lost its last 3 digits).
    pub fn by_first15<'a>(&'a self, first15: &str) -> impl Iterator<Item = &'a Employee> + 'a {
        self.index
            .by_first15
            .get(first15)
            .into_iter()
            .flatten()
            .map(move |&i| &self.employees[i])
    }

    /// The unit and its ancestors, nearest first (stops on a cycle).
    pub fn lineage<'a>(&'a self, code: &str) -> Vec<&'a Unit> {
        let mut out: Vec<&Unit> = Vec::new();
        let mut next = self.unit(code);
        while let Some(u) = next {
            if out.iter().any(|seen| seen.code == u.code) {
                break;
            }
            out.push(u);
            next = u.parent.as_deref().and_then(|p| self.unit(p));
        }
        out
    }
}
