//! Charts: each a pure model plus a draw function generic over plotters' `DrawingBackend`, so
//! native tests draw to SVG and the browser draws to a canvas.

pub mod distribution;
pub mod labels;
pub mod palette;
pub mod scale;
