//! Browser glue: fetching other careers' packs, and the page-level signals tests and
//! measurements read. Nothing here computes a figure.

pub mod clipboard;
pub mod embed;
pub mod packs;
pub mod page;
