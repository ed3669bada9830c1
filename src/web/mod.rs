//! Browser glue: locale formatting through `Intl`, and the page-level signals tests and
//! measurements read. Nothing here computes a figure.

pub mod clipboard;
pub mod embed;
pub mod intl;
pub mod page;
