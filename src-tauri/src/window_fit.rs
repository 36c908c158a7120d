//! Fits the main window to the screen it opens on: maximised on an office laptop's screen
//! (1366 × 768 or smaller, in logical pixels), otherwise never larger than the work area
//! (the screen without the taskbar). The size the clerk chose last is restored first by
//! the window-state plugin; this only corrects what would not fit.

use tauri::{LogicalSize, Manager, Runtime, WebviewWindow};

/// Largest screen (logical pixels) on which the window opens maximised.
pub const SMALL_SCREEN: (f64, f64) = (1366.0, 768.0);

/// What to do with the window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// Maximise (small screen).
    Maximize,
    /// Shrink to this logical size and centre.
    Resize(f64, f64),
    /// It fits as it is.
    Keep,
}

/// Decides the fit from the screen, its work area and the window (all logical pixels).
pub fn fit(screen: (f64, f64), work_area: (f64, f64), window: (f64, f64)) -> Fit {
    if screen.0 <= SMALL_SCREEN.0 || screen.1 <= SMALL_SCREEN.1 {
        return Fit::Maximize;
    }
    let (w, h) = (window.0.min(work_area.0), window.1.min(work_area.1));
    if (w, h) == window {
        Fit::Keep
    } else {
        Fit::Resize(w, h)
    }
}

/// Applies [`fit`] to the main window of `app` (errors only logged: a window that cannot
/// be measured keeps its size).
pub fn apply<R: Runtime>(app: &tauri::App<R>, label: &str) {
    let Some(window) = app.get_webview_window(label) else {
        return;
    };
    if let Err(err) = try_apply(&window) {
        log::warn!("ukuran jendela tidak dapat disesuaikan: {err}");
    }
}

fn try_apply<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    let Some(monitor) = window.current_monitor()? else {
        return Ok(());
    };
    let scale = monitor.scale_factor();
    let screen = monitor.size().to_logical::<f64>(scale);
    let work = monitor.work_area().size.to_logical::<f64>(scale);
    let size = window.outer_size()?.to_logical::<f64>(scale);
    let decision = fit(
        (screen.width, screen.height),
        (work.width, work.height),
        (size.width, size.height),
    );
    log::info!(
        "layar {:.0}×{:.0} (skala {scale}), jendela {:.0}×{:.0}: {decision:?}",
        screen.width,
        screen.height,
        size.width,
        size.height
    );
    match decision {
        Fit::Maximize => window.maximize()?,
        Fit::Resize(w, h) => {
            window.set_size(LogicalSize::new(w, h))?;
            window.center()?;
        }
        Fit::Keep => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_laptop_screen_maximises() {
        assert_eq!(
            fit((1366.0, 768.0), (1366.0, 728.0), (1280.0, 800.0)),
            Fit::Maximize
        );
        assert_eq!(
            fit((1280.0, 720.0), (1280.0, 680.0), (900.0, 600.0)),
            Fit::Maximize
        );
    }

    #[test]
    fn a_large_screen_keeps_a_window_that_fits_and_shrinks_one_that_does_not() {
        // 1920 × 1080 at 125 % is 1536 × 864 logical; the taskbar takes 48.
        assert_eq!(
            fit((1536.0, 864.0), (1536.0, 816.0), (1280.0, 800.0)),
            Fit::Keep
        );
        assert_eq!(
            fit((1536.0, 864.0), (1536.0, 816.0), (1600.0, 900.0)),
            Fit::Resize(1536.0, 816.0)
        );
    }
}
