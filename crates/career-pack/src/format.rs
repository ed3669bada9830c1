//! The byte layout of a pack and a gazetteer, and the arithmetic the encoder and the decoder must
//! share exactly (predictions of one figure from another). No dependencies: it ships in the wasm.
//!
//! Both start with a 4-byte magic and a format-version byte, so a gazetteer passed as a pack, or a
//! pack from another version, is a clear error rather than garbage. Integers are LEB128 varints;
//! signed ones are zigzagged. A string is its byte length then UTF-8.
//!
//! **Pack** (`CPAK`, version 1): SOC code, title, release year; the areas (count, each code as a
//! signed delta from the previous one, then a cell block); the industries (count, codes
//! front-coded: a byte of characters shared with the previous code, then the rest; a cell block);
//! the series (count, years as signed deltas, a cell block); the projection (`0`, or `1` and its
//! fields). Nothing may follow.
//!
//! A **cell block** holds its cells column by column (all employments, then all RSEs, …; measured:
//! brotli compresses that 11 % better than row by row), after one varint: the national jobs per
//! 1,000 in millionths, from which each location quotient is predicted. Every figure is a varint
//! *code*: `0` not published, `1` top-coded, `2 + x` a value, where `x` is one of
//! - *plain*: the value;
//! - *tens*: `2·v/10` if `v` is a multiple of 10, else `2·v + 1` (BLS rounds employment and
//!   unpredicted annual wages to 10, location quotients to 0.01);
//! - *delta*: zigzag(`v − prediction`), where the prediction comes from columns already read.
//!
//! The 17 columns, in order, with how each is coded:
//!
//! | # | figure | coding |
//! | --- | --- | --- |
//! | 0 | employment | tens |
//! | 1, 2 | employment RSE, wage RSE | plain |
//! | 3–7 | hourly 10th … 90th | the first published one plain, each later one a delta from the previous published one |
//! | 8 | hourly mean | delta from the hourly median if published, else plain |
//! | 9 | annual mean | delta from [`annual_prediction`] of the hourly mean if published, else tens |
//! | 10–14 | annual 10th … 90th | likewise from the hourly percentile |
//! | 15 | jobs per 1,000 | plain |
//! | 16 | location quotient | delta from [`quotient_prediction`] if jobs per 1,000 is published, else tens |
//!
//! Annual wages are hourly × 2080 rounded to $10 by BLS from unrounded wages, so the delta is
//! almost always −10, 0 or +10 dollars and compresses to under two bits, yet any value round-trips
//! exactly.
//!
//! **Career index** (`CIDX`, version 1): the release year; the count; for each career in SOC
//! order its SOC code, title and pack file name (strings) and national employment (varint, 0 for
//! not released, else employment + 1).
//!
//! **Programs** (`CPRG`, version 1): the count; for each program in CIP order its code and title
//! (strings), the number of its careers and each one's position in the career index (varints).
//!
//! **Gazetteer** (`CGAZ`, version 1): the places (count; codes as signed deltas; for each place a
//! byte, `0` when its kind and state FIPS follow from its code (see [`place_from_code`]), else
//! `1 + kind` and a FIPS byte; then the titles); the industries (count, codes front-coded, titles).

use crate::model::{AreaCode, AreaKind};

/// The first bytes of a pack.
pub const PACK_MAGIC: [u8; 4] = *b"CPAK";
/// The first bytes of a gazetteer.
pub const GAZETTEER_MAGIC: [u8; 4] = *b"CGAZ";
/// The first bytes of a career index.
pub const INDEX_MAGIC: [u8; 4] = *b"CIDX";
/// The first bytes of a programs catalogue.
pub const PROGRAMS_MAGIC: [u8; 4] = *b"CPRG";
/// The layout version this build writes and reads (2: a pack holds its occupation's definition).
pub const FORMAT_VERSION: u8 = 2;

/// Figure code: not published.
pub const NOT_PUBLISHED: u64 = 0;
/// Figure code: top-coded.
pub const TOP_CODED: u64 = 1;
/// Figure codes from this one up are values.
pub const FIRST_VALUE: u64 = 2;

/// Columns in a cell block.
pub const CELL_COLUMNS: usize = 17;

/// Signed to unsigned, small magnitudes to small numbers: 0, −1, 1, −2 … -> 0, 1, 2, 3 ….
pub fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

/// The inverse of [`zigzag`].
pub fn unzigzag(code: u64) -> i64 {
    ((code >> 1) as i64) ^ -((code & 1) as i64)
}

/// The annual wage, in dollars, an hourly wage in cents predicts: × 2080, to the nearest $10.
pub fn annual_prediction(hourly_cents: u32) -> i64 {
    (i64::from(hourly_cents) * 2080 + 500) / 1000 * 10
}

/// The location quotient, in thousandths, that jobs per 1,000 (thousandths) predicts given the
/// national jobs per 1,000 in millionths (the quotient is the ratio of the two), to the nearest
/// 0.01 as BLS publishes it. 0 when the national figure is 0.
pub fn quotient_prediction(jobs_per_1000: u32, national_millionths: u64) -> i64 {
    if national_millionths == 0 {
        return 0;
    }
    let n = u128::from(national_millionths);
    let thousandths = (u128::from(jobs_per_1000) * 1_000_000 + n / 2) / n;
    // At most 2^32 · 10^6: fits.
    i64::try_from((thousandths + 5) / 10 * 10).unwrap_or(i64::MAX)
}

/// The kind and state FIPS code an area code implies: `0000000` national, `SS00000` a state, and
/// anything else a metro or nonmetro area filed under `SS` (nonmetro `SS0000N`; a metro `00NNNNN`
/// implies FIPS 0, which real metros never have, so their FIPS is written out).
pub fn place_from_code(code: AreaCode) -> (AreaKind, u32) {
    let fips = code.0 / 100_000;
    let kind = match code.0 {
        0 => AreaKind::National,
        c if c % 100_000 == 0 => AreaKind::State,
        _ => AreaKind::Metro,
    };
    (kind, fips)
}

/// The kind byte of a gazetteer place whose kind is written out (`1 + kind`).
pub fn kind_byte(kind: AreaKind) -> u8 {
    match kind {
        AreaKind::National => 1,
        AreaKind::State => 2,
        AreaKind::Metro => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zigzag_round_trips_at_the_extremes() {
        for v in [0, 1, -1, 2, -2, 1 << 40, i64::MAX, i64::MIN] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(1), 2);
    }

    #[test]
    fn annual_is_hourly_times_2080_to_the_nearest_ten_dollars() {
        // $27.30 × 2080 = $56,784 -> $56,780 (BLS published $56,790).
        assert_eq!(annual_prediction(2730), 56_780);
        assert_eq!(annual_prediction(0), 0);
        assert_eq!(annual_prediction(u32::MAX), 89_335_319_740);
    }

    #[test]
    fn the_location_quotient_is_jobs_over_the_national_rate() {
        // Alabama: 1.101 jobs per 1,000 at a national 1.2525 -> 0.879 -> 0.88.
        assert_eq!(quotient_prediction(1101, 1_252_500), 880);
        assert_eq!(quotient_prediction(1101, 0), 0);
        assert_eq!(quotient_prediction(u32::MAX, 1), 4_294_967_295_000_000);
        assert_eq!(quotient_prediction(5, u64::MAX), 0);
    }

    #[test]
    fn places_follow_from_their_codes() {
        assert_eq!(place_from_code(AreaCode(0)), (AreaKind::National, 0));
        assert_eq!(place_from_code(AreaCode(3_400_000)), (AreaKind::State, 34));
        assert_eq!(place_from_code(AreaCode(5_000_001)), (AreaKind::Metro, 50));
        assert_eq!(place_from_code(AreaCode(35_620)), (AreaKind::Metro, 0));
    }
}
