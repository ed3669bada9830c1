//! A career pack: one occupation's published OEWS figures, every value with its marker and
//! provenance. The importer (feature `import`, build time only) reads BLS's own CSV layouts for any
//! SOC code, validates them and encodes a compact pack; the decoder (always built, and the only
//! part that ships in the wasm) reads one back and never panics on bad bytes.

pub mod model;

pub use model::*;
