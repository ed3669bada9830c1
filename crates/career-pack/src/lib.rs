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
pub use encode::{content_name, encode_gazetteer, encode_index, encode_pack, encode_programs};
pub use lookup::{CodeError, IndustryLevel};
pub use model::*;
pub use validate::{CellProblem, Measure, Statistic};

#[cfg(feature = "import")]
pub use import::{
    import_gazetteer, import_gazetteer_from, import_pack, import_pack_release, ImportError,
    ImportErrors,
};
