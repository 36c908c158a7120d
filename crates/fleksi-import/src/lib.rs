//! Reads OPD workbooks (xlsx, xlsm, xlsb, xls, ods via calamine; csv) into `Submission`s and
//! the master workbook into a `Master`: header-row detection, header synonyms, wide and long
//! layouts, date headers, A1 cell references, size limits.
