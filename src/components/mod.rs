//! One file per piece of the widget. Components only arrange and word what the pure core
//! computed; none computes a figure.

pub mod career_search;
pub mod career_switcher;
pub mod chart_frame;
pub mod chart_section;
pub mod downloads;
pub mod estimator_form;
pub mod facts;
pub mod job;
pub mod lang_switch;
pub mod notices;
pub mod place_picker;
pub mod result_card;
pub mod share;
pub mod source_note;
