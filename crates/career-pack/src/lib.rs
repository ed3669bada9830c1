//! A career pack: one occupation's published OEWS figures, every value with its marker and
//! provenance. The importer (feature `import`, build time only) reads BLS's own CSV layouts for any
//! SOC code, validates them and encodes a compact pack; the decoder (always built, and the only
//! part that ships in the wasm) reads one back and never panics on bad bytes.

pub mod decode;
pub mod encode;
pub mod format;
pub mod lookup;
pub mod model;
pub mod validate;

#[cfg(all(test, feature = "import"))]
mod testdata;

#[cfg(feature = "import")]
pub mod import;

pub use decode::{decode_gazetteer, decode_index, decode_pack, decode_programs, DecodeError};
pub use encode::{
    content_hash, content_name, encode_gazetteer, encode_index, encode_pack, encode_programs,
    names_content,
};
pub use lookup::{CodeError, IndustryLevel};
pub use model::*;
pub use validate::{CellProblem, Measure, Statistic};

/// The `data/sources.csv` row every figure of the current OEWS release cites. Its id names no
/// year: `cargo xtask refresh` points the row at the next release.
pub const RELEASE_SOURCE: &str = "bls-oews-current";

/// The `data/sources.csv` row of the national series kept as CSV (29-2072, May 2021 on), which
/// `cargo xtask refresh` extends by the next release's year.
pub const SERIES_SOURCE: &str = "bls-oews-national-series";

#[cfg(feature = "import")]
pub use import::{
    import_gazetteer, import_gazetteer_from, import_pack, import_pack_release, is_soc, ImportError,
    ImportErrors,
};
