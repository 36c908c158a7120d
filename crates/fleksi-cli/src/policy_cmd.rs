//! `fleksi policy list | show <id> [--toml]`: the presets and policy files.

#[derive(clap::Subcommand)]
pub enum PolicyCommand {
    /// List the preset ids with their number and period.
    List,
    /// Show one policy.
    Show {
        id: String,
        /// Print it as TOML (can be edited and passed back with --policy file.toml).
        #[arg(long)]
        toml: bool,
    },
}

pub fn run(_command: PolicyCommand) -> Result<u8, String> {
    Err("perintah 'policy' belum tersedia pada versi ini".to_string())
}
