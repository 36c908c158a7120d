//! A snapshot of the working state: the session, whether it is the demo, the reporting
//! window and the recap cut to that window. Snapshots are immutable and shared (`Arc`):
//! readers and long document builds hold one while an import builds the next, which is
//! swapped in when it is saved.

use std::sync::Arc;

use chrono::NaiveDate;
use fleksi_core::Recap;

use crate::session::Session;
use crate::window::{ReportWindow, Window};

/// The working state at one moment.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub session: Arc<Session>,
    pub demo: bool,
    pub window: Window,
    /// `session.recap` restricted to the window: what documents and the grid show.
    pub recap: Recap,
}

impl Snapshot {
    /// The snapshot of `session` with the clerk's `chosen` window (if still valid).
    pub fn new(
        session: Arc<Session>,
        demo: bool,
        chosen: Option<(NaiveDate, NaiveDate)>,
        latest_import: bool,
        today: NaiveDate,
    ) -> Snapshot {
        let window = Window::resolve(&session, chosen, latest_import, today);
        Snapshot::with_window(session, demo, window)
    }

    /// The snapshot of `session` cut to `window`.
    pub fn with_window(session: Arc<Session>, demo: bool, window: Window) -> Snapshot {
        let recap = session.recap.within(window.from, window.to);
        Snapshot {
            session,
            demo,
            window,
            recap,
        }
    }

    /// The window as the screens show it.
    pub fn window_view(&self) -> ReportWindow {
        self.window
            .view(&self.session.policy, self.recap.days.len())
    }
}

/// Today's date on this machine.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
