//! How documents name a schedule file: by its file name, the way the app lists it, whatever
//! folder the CLI was given. The recap and the corrections workbook never carry the clerk's
//! folder path, so the same files give the same documents wherever they lie.

use std::borrow::Cow;

/// The file name of `name` (a name or a path written with `/` or `\`).
pub fn file_label(name: &str) -> &str {
    match name.rsplit(['/', '\\']).next() {
        Some(last) if !last.is_empty() => last,
        _ => name,
    }
}

/// `message` with each mention of the path `file` written as its file name.
pub fn message_label<'a>(message: &'a str, file: Option<&str>) -> Cow<'a, str> {
    match file {
        Some(path) if file_label(path).len() < path.len() && message.contains(path) => {
            Cow::Owned(message.replace(path, file_label(path)))
        }
        _ => Cow::Borrowed(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_file_names() {
        assert_eq!(file_label("/data/Jadwal OPD/rusak.xlsx"), "rusak.xlsx");
        assert_eq!(file_label(r"Z:\data\Jadwal OPD\rusak.xlsx"), "rusak.xlsx");
        assert_eq!(file_label("dinkes.csv"), "dinkes.csv");
        assert_eq!(file_label("folder/"), "folder/");
    }

    #[test]
    fn messages_name_the_file_not_its_folder() {
        let path = r"Z:\data\import\rusak.xlsx";
        let message = format!("berkas '{path}' tidak dapat dibaca: isi berkas rusak");
        assert_eq!(
            message_label(&message, Some(path)),
            "berkas 'rusak.xlsx' tidak dapat dibaca: isi berkas rusak"
        );
        assert_eq!(message_label("NIP tidak sah", Some(path)), "NIP tidak sah");
        assert!(matches!(
            message_label("berkas 'dinkes.csv' rusak", Some("dinkes.csv")),
            Cow::Borrowed(_)
        ));
    }
}
