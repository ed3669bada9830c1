//! Writes a pack and a gazetteer in the layout [`crate::format`] describes. Always built (it has
//! no dependencies and a wasm build that does not call it drops it), kept apart from the decoder.
//!
//! Any pack encodes, valid or not, and decodes back to itself exactly: predictions only shrink
//! the numbers written, and a figure far from its prediction still round-trips.

use crate::format::{
    annual_prediction, kind_byte, place_from_code, quotient_prediction, zigzag, CELL_COLUMNS,
    FIRST_VALUE, FORMAT_VERSION, GAZETTEER_MAGIC, INDEX_MAGIC, NOT_PUBLISHED, PACK_MAGIC,
    PROGRAMS_MAGIC, TOP_CODED,
};
use crate::model::{
    CareerIndex, Cell, Figure, Gazetteer, IndustryCode, Pack, Programs, Projection,
};

/// The bytes of a pack.
pub fn encode_pack(pack: &Pack) -> Vec<u8> {
    let mut out = Writer::start(PACK_MAGIC);
    out.string(&pack.soc);
    out.string(&pack.title);
    out.string(&pack.definition);
    out.varint(u64::from(pack.release.year));

    out.length(pack.areas.len());
    out.deltas(pack.areas.iter().map(|a| i64::from(a.area.0)));
    out.cells(pack.areas.iter().map(|a| &a.cell));

    out.length(pack.industries.len());
    out.industry_codes(pack.industries.iter().map(|i| i.industry));
    out.cells(pack.industries.iter().map(|i| &i.cell));

    out.length(pack.series.len());
    out.deltas(pack.series.iter().map(|p| i64::from(p.release.year)));
    out.cells(pack.series.iter().map(|p| &p.cell));

    match &pack.projection {
        None => out.0.push(0),
        Some(projection) => {
            out.0.push(1);
            out.projection(projection);
        }
    }
    out.0
}

/// The bytes of a gazetteer.
pub fn encode_gazetteer(gazetteer: &Gazetteer) -> Vec<u8> {
    let mut out = Writer::start(GAZETTEER_MAGIC);
    out.length(gazetteer.places.len());
    out.deltas(gazetteer.places.iter().map(|p| i64::from(p.code.0)));
    for place in &gazetteer.places {
        if place_from_code(place.code) == (place.kind, u32::from(place.state_fips)) {
            out.0.push(0);
        } else {
            out.0.push(kind_byte(place.kind));
            out.0.push(place.state_fips);
        }
    }
    for place in &gazetteer.places {
        out.string(&place.title);
    }
    out.length(gazetteer.industries.len());
    out.industry_codes(gazetteer.industries.iter().map(|i| i.code));
    for industry in &gazetteer.industries {
        out.string(&industry.title);
    }
    out.0
}

/// The bytes of a career index.
pub fn encode_index(index: &CareerIndex) -> Vec<u8> {
    let mut out = Writer::start(INDEX_MAGIC);
    out.varint(u64::from(index.release.year));
    out.length(index.careers.len());
    for entry in &index.careers {
        out.string(&entry.soc);
        out.string(&entry.title);
        out.string(&entry.file);
        out.varint(entry.employment.map_or(0, |e| u64::from(e) + 1));
    }
    out.0
}

/// The bytes of a programs catalogue.
pub fn encode_programs(programs: &Programs) -> Vec<u8> {
    let mut out = Writer::start(PROGRAMS_MAGIC);
    out.length(programs.programs.len());
    for program in &programs.programs {
        out.string(&program.cip);
        out.string(&program.title);
        out.length(program.careers.len());
        for career in &program.careers {
            out.varint(u64::from(*career));
        }
    }
    out.0
}

/// A file name that changes whenever `bytes` do: `<stem>.<16 hex digits of FNV-1a 64>.<ext>`.
/// Not a security hash: it only makes a changed file a new URL, so every file can be cached
/// forever.
pub fn content_name(stem: &str, bytes: &[u8], ext: &str) -> String {
    format!("{stem}.{:016x}.{ext}", content_hash(bytes))
}

/// FNV-1a 64 of `bytes`, the hash [`content_name`] writes.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether `bytes` are those the content-hashed file `name` was made from: `Some(false)` for a
/// file cut short, altered, or replaced by something else (a server's error page); `None` when
/// `name` carries no hash to check.
pub fn names_content(name: &str, bytes: &[u8]) -> Option<bool> {
    // `.<16 hex digits>` just before the last dot. Byte loops, not `rsplit` and
    // `from_str_radix`: this runs in the wasm, where those cost 0.7 KB.
    let name = name.as_bytes();
    let ext_dot = name.iter().rposition(|&b| b == b'.')?;
    let (dot, digits) = name.get(ext_dot.checked_sub(17)?..ext_dot)?.split_first()?;
    if *dot != b'.' || ext_dot < 18 {
        return None;
    }
    let named = digits.iter().try_fold(0_u64, |hash, &b| {
        Some(hash << 4 | u64::from(char::from(b).to_digit(16)?))
    })?;
    Some(named == content_hash(bytes))
}

/// Builds the bytes.
struct Writer(Vec<u8>);

impl Writer {
    fn start(magic: [u8; 4]) -> Writer {
        let mut bytes = magic.to_vec();
        bytes.push(FORMAT_VERSION);
        Writer(bytes)
    }

    /// LEB128: seven bits a byte, low first, high bit set on all but the last.
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.0.push((value as u8 & 0x7f) | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
    }

    fn length(&mut self, length: usize) {
        self.varint(length as u64);
    }

    fn string(&mut self, text: &str) {
        self.length(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    /// Each value as a signed delta from the previous one (the first from 0).
    fn deltas(&mut self, values: impl Iterator<Item = i64>) {
        let mut previous = 0;
        for value in values {
            self.varint(zigzag(value.wrapping_sub(previous)));
            previous = value;
        }
    }

    /// Each code as the count of characters it shares with the previous code, then the rest.
    fn industry_codes(&mut self, codes: impl Iterator<Item = IndustryCode>) {
        let mut previous = [0u8; 6];
        for IndustryCode(code) in codes {
            let shared = previous
                .iter()
                .zip(code)
                .take_while(|(a, b)| **a == *b)
                .count();
            self.0.push(shared as u8);
            self.0.extend_from_slice(&code[shared..]);
            previous = code;
        }
    }

    /// A cell block: the national jobs per 1,000, then the cells column by column.
    fn cells<'a>(&mut self, cells: impl Iterator<Item = &'a Cell> + Clone) {
        let national = national_jobs_per_1000(cells.clone());
        self.varint(national);
        let rows: Vec<[u64; CELL_COLUMNS]> = cells.map(|c| cell_codes(c, national)).collect();
        for column in 0..CELL_COLUMNS {
            for row in &rows {
                self.varint(row[column]);
            }
        }
    }

    fn projection(&mut self, p: &Projection) {
        self.varint(u64::from(p.base_year));
        self.varint(u64::from(p.target_year));
        self.varint(u64::from(p.employment_base));
        self.varint(u64::from(p.employment_target));
        self.varint(zigzag(i64::from(p.change_percent)));
        self.varint(u64::from(p.openings_per_year));
        self.varint(plain(p.median_wage));
        self.string(&p.education);
        self.string(&p.experience);
        self.string(&p.training);
    }
}

/// The national jobs per 1,000, in millionths, that best predicts the block's location quotients:
/// the median of jobs per 1,000 over quotient. Any value decodes right; this one codes smallest.
fn national_jobs_per_1000<'a>(cells: impl Iterator<Item = &'a Cell>) -> u64 {
    let mut ratios: Vec<u64> = cells
        .filter_map(|c| match (c.jobs_per_1000, c.location_quotient) {
            (Figure::Value(jobs), Figure::Value(lq)) if lq > 0 => {
                Some(u64::from(jobs) * 1_000_000 / u64::from(lq))
            }
            _ => None,
        })
        .collect();
    ratios.sort_unstable();
    ratios.get(ratios.len() / 2).copied().unwrap_or(0)
}

/// A figure's code, given how its value is written.
fn code(figure: Figure, value: impl FnOnce(u32) -> u64) -> u64 {
    match figure {
        Figure::NotPublished => NOT_PUBLISHED,
        Figure::TopCoded => TOP_CODED,
        Figure::Value(v) => FIRST_VALUE + value(v),
    }
}

fn plain(figure: Figure) -> u64 {
    code(figure, u64::from)
}

fn tens(figure: Figure) -> u64 {
    code(figure, |v| {
        if v % 10 == 0 {
            u64::from(v / 10) * 2
        } else {
            u64::from(v) * 2 + 1
        }
    })
}

fn delta(figure: Figure, prediction: i64) -> u64 {
    code(figure, |v| zigzag(i64::from(v) - prediction))
}

/// A cell's 17 codes in column order (see [`crate::format`]).
fn cell_codes(c: &Cell, national_jobs: u64) -> [u64; CELL_COLUMNS] {
    let mut codes = [0; CELL_COLUMNS];
    codes[0] = tens(c.employment);
    codes[1] = plain(c.employment_rse);
    codes[2] = plain(c.wage_rse);
    let mut previous: Option<u32> = None;
    for (slot, figure) in codes[3..8].iter_mut().zip(c.hourly.percentiles) {
        *slot = match previous {
            None => plain(figure),
            Some(p) => delta(figure, i64::from(p)),
        };
        if let Figure::Value(v) = figure {
            previous = Some(v);
        }
    }
    codes[8] = match c.hourly.percentiles[2] {
        Figure::Value(median) => delta(c.hourly.mean, i64::from(median)),
        _ => plain(c.hourly.mean),
    };
    let hourly = core::iter::once(c.hourly.mean).chain(c.hourly.percentiles);
    let annual = core::iter::once(c.annual.mean).chain(c.annual.percentiles);
    for (slot, (h, a)) in codes[9..15].iter_mut().zip(hourly.zip(annual)) {
        *slot = match h {
            Figure::Value(cents) => delta(a, annual_prediction(cents)),
            _ => tens(a),
        };
    }
    codes[15] = plain(c.jobs_per_1000);
    codes[16] = match c.jobs_per_1000 {
        Figure::Value(jobs) => delta(
            c.location_quotient,
            quotient_prediction(jobs, national_jobs),
        ),
        _ => tens(c.location_quotient),
    };
    codes
}

#[cfg(all(test, feature = "import"))]
mod measure;
