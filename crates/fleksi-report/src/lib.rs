//! Official documents: the lampiran PDF (printpdf, embedded fonts, our own table layout) and
//! the workbooks (rust_xlsxwriter): recap, OPD template, annotated error copy.
