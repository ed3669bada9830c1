//! Small hooks with one job each.

pub mod use_canvas_chart;
