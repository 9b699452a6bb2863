//! The window's zoom level (Ctrl+= / Ctrl+- / Ctrl+0), remembered across
//! launches. The shell applies it as the web view's page zoom, so text,
//! layout and the editor's hit-testing scale together.

use super::Workspace;
use crate::error::Result;
use serde::Deserialize;

/// What a zoom key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ZoomStep {
    In,
    Out,
    Reset,
}

/// The levels a key steps through, as browsers do; 1.0 is actual size.
pub const ZOOM_LEVELS: &[f64] = &[0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0];

const ZOOM_SETTING: &str = "zoom";

/// The level one step from `current` (the nearest level, when `current` is
/// between two), never past the ends.
pub fn step_zoom(current: f64, step: ZoomStep) -> f64 {
    let nearest = ZOOM_LEVELS
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1 - current).abs().total_cmp(&(b.1 - current).abs()))
        .map_or(4, |(i, _)| i);
    let at = match step {
        ZoomStep::In => (nearest + 1).min(ZOOM_LEVELS.len() - 1),
        ZoomStep::Out => nearest.saturating_sub(1),
        ZoomStep::Reset => return 1.0,
    };
    ZOOM_LEVELS[at]
}

impl Workspace {
    /// The remembered zoom level; actual size when none is, or it is not a sane number.
    pub fn zoom_level(&self) -> f64 {
        match self.store.setting::<f64>(ZOOM_SETTING) {
            Ok(Some(level)) if (ZOOM_LEVELS[0]..=ZOOM_LEVELS[ZOOM_LEVELS.len() - 1]).contains(&level) => {
                level
            }
            _ => 1.0,
        }
    }

    /// Steps the zoom level and remembers it; returns the new level.
    pub fn zoom(&mut self, step: ZoomStep) -> Result<f64> {
        let level = step_zoom(self.zoom_level(), step);
        self.store.set_setting(ZOOM_SETTING, &level)?;
        Ok(level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn steps_through_the_levels_and_stops_at_the_ends() {
        assert_eq!(step_zoom(1.0, ZoomStep::In), 1.1);
        assert_eq!(step_zoom(1.0, ZoomStep::Out), 0.9);
        assert_eq!(step_zoom(3.0, ZoomStep::In), 3.0);
        assert_eq!(step_zoom(0.5, ZoomStep::Out), 0.5);
        assert_eq!(step_zoom(2.0, ZoomStep::Reset), 1.0);
        // Between two levels (a setting from an older build): from the nearest.
        assert_eq!(step_zoom(1.2, ZoomStep::In), 1.5);
    }

    #[test]
    fn the_level_is_remembered_and_a_broken_one_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dateline.db");
        let mut ws = Workspace::new(Store::open(&path).unwrap());
        assert_eq!(ws.zoom_level(), 1.0);
        ws.zoom(ZoomStep::In).unwrap();
        ws.zoom(ZoomStep::In).unwrap();
        drop(ws);
        let ws = Workspace::new(Store::open(&path).unwrap());
        assert_eq!(ws.zoom_level(), 1.25);
        ws.store.set_setting(ZOOM_SETTING, &40.0).unwrap();
        assert_eq!(ws.zoom_level(), 1.0);
    }
}
