//! The `fleksi` command line: check, recap, template, policy and demo over the same crates
//! the desktop app uses (see design §5 for the contract).

fn main() {
    println!("fleksi {}", env!("CARGO_PKG_VERSION"));
}
