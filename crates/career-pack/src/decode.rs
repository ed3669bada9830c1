//! Reads a pack, a gazetteer and a career index back from the layout [`crate::format`] describes. This is the
//! part that ships in the wasm, so it has no dependencies and stays small; and since its input is
//! bytes from a network or a file, it never panics: every read is bounds-checked, every length is
//! capped by the bytes that remain before anything is allocated, and arithmetic is checked.

use crate::format::{
    annual_prediction, place_from_code, quotient_prediction, unzigzag, CELL_COLUMNS, FIRST_VALUE,
    FORMAT_VERSION, GAZETTEER_MAGIC, INDEX_MAGIC, NOT_PUBLISHED, PACK_MAGIC, PROGRAMS_MAGIC,
    TOP_CODED,
};
use crate::model::{
    AreaCode, AreaFigures, AreaKind, CareerIndex, Cell, Figure, Gazetteer, IndexEntry, Industry,
    IndustryCode, IndustryFigures, Pack, Place, Program, Programs, Projection, Release,
    SeriesPoint, Wages,
};
use core::fmt;

/// Why bytes are not a pack (or a gazetteer) this build can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes do not start as this kind of data does (e.g. a gazetteer given as a pack).
    BadMagic {
        /// What was expected: `"career pack"` or `"gazetteer"`.
        expected: &'static str,
    },
    /// Written in another layout version.
    OtherVersion { found: u8, supported: u8 },
    /// The bytes end before the data does.
    Truncated,
    /// A value that cannot be right; says which.
    BadValue(&'static str),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::BadMagic { expected } => {
                write!(
                    f,
                    "not a {expected}: it does not start with the right bytes"
                )
            }
            DecodeError::OtherVersion { found, supported } => write!(
                f,
                "written in format version {found}, but this build reads version {supported}"
            ),
            DecodeError::Truncated => f.write_str("cut short: the data ends too early"),
            DecodeError::BadValue(what) => write!(f, "damaged: {what}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Reads a pack.
pub fn decode_pack(bytes: &[u8]) -> Result<Pack, DecodeError> {
    let mut r = Reader::start(bytes, PACK_MAGIC, "career pack")?;
    let soc = r.string()?;
    let title = r.string()?;
    let definition = r.string()?;
    let release = Release {
        year: r.u16("a release year above 65535")?,
    };

    let count = r.length()?;
    let codes = r.deltas(count, "an area code out of range")?;
    let cells = r.cells(count)?;
    let areas = codes
        .into_iter()
        .zip(cells)
        .map(|(code, cell)| AreaFigures {
            area: AreaCode(code),
            cell,
        })
        .collect();

    let count = r.length()?;
    let codes = r.industry_codes(count)?;
    let cells = r.cells(count)?;
    let industries = codes
        .into_iter()
        .zip(cells)
        .map(|(industry, cell)| IndustryFigures { industry, cell })
        .collect();

    let count = r.length()?;
    let years = r.deltas(count, "a series year out of range")?;
    let cells = r.cells(count)?;
    let mut series = Vec::with_capacity(count);
    for (year, cell) in years.into_iter().zip(cells) {
        let year = u16::try_from(year).map_err(|_| DecodeError::BadValue("a series year"))?;
        series.push(SeriesPoint {
            release: Release { year },
            cell,
        });
    }

    let projection = match r.byte()? {
        0 => None,
        1 => Some(r.projection()?),
        _ => return Err(DecodeError::BadValue("the projection marker")),
    };
    r.end()?;
    Ok(Pack {
        soc,
        title,
        definition,
        release,
        areas,
        industries,
        series,
        projection,
    })
}

/// Reads a gazetteer.
pub fn decode_gazetteer(bytes: &[u8]) -> Result<Gazetteer, DecodeError> {
    let mut r = Reader::start(bytes, GAZETTEER_MAGIC, "gazetteer")?;
    let count = r.length()?;
    let codes = r.deltas(count, "an area code out of range")?;
    let mut kinds = Vec::with_capacity(count);
    for code in &codes {
        let (kind, fips) = match r.byte()? {
            0 => {
                let (kind, fips) = place_from_code(AreaCode(*code));
                let fips = u8::try_from(fips)
                    .map_err(|_| DecodeError::BadValue("an area code too large for its state"))?;
                (kind, fips)
            }
            1 => (AreaKind::National, r.byte()?),
            2 => (AreaKind::State, r.byte()?),
            3 => (AreaKind::Metro, r.byte()?),
            _ => return Err(DecodeError::BadValue("a kind of place")),
        };
        kinds.push((kind, fips));
    }
    let mut places = Vec::with_capacity(count);
    for (code, (kind, state_fips)) in codes.into_iter().zip(kinds) {
        places.push(Place {
            code: AreaCode(code),
            kind,
            state_fips,
            title: r.string()?,
        });
    }
    let count = r.length()?;
    let codes = r.industry_codes(count)?;
    let mut industries = Vec::with_capacity(count);
    for code in codes {
        industries.push(Industry {
            code,
            title: r.string()?,
        });
    }
    r.end()?;
    Ok(Gazetteer { places, industries })
}

/// A career index from its bytes; never panics, whatever the bytes.
pub fn decode_index(bytes: &[u8]) -> Result<CareerIndex, DecodeError> {
    let mut r = Reader::start(bytes, INDEX_MAGIC, "career index")?;
    let year = u16::try_from(r.varint()?).map_err(|_| DecodeError::BadValue("a release year"))?;
    let count = r.length()?;
    let mut careers = Vec::with_capacity(count.min(r.remaining()));
    for _ in 0..count {
        careers.push(IndexEntry {
            soc: r.string()?,
            title: r.string()?,
            file: r.string()?,
            employment: match r.varint()? {
                0 => None,
                n => {
                    Some(u32::try_from(n - 1).map_err(|_| DecodeError::BadValue("an employment"))?)
                }
            },
        });
    }
    if !careers.windows(2).all(|w| w[0].soc < w[1].soc) {
        return Err(DecodeError::BadValue("careers out of SOC order"));
    }
    r.end()?;
    Ok(CareerIndex {
        release: Release { year },
        careers,
    })
}

/// A programs catalogue from its bytes; never panics. Each program's careers must be positions
/// in an index of `careers` careers.
pub fn decode_programs(bytes: &[u8], careers: usize) -> Result<Programs, DecodeError> {
    let mut r = Reader::start(bytes, PROGRAMS_MAGIC, "programs catalogue")?;
    let count = r.length()?;
    let mut programs = Vec::with_capacity(count.min(r.remaining()));
    for _ in 0..count {
        let cip = r.string()?;
        let title = r.string()?;
        let n = r.length()?;
        let mut list = Vec::with_capacity(n.min(r.remaining()));
        for _ in 0..n {
            let career = u16::try_from(r.varint()?)
                .ok()
                .filter(|c| usize::from(*c) < careers)
                .ok_or(DecodeError::BadValue("a career not in the index"))?;
            list.push(career);
        }
        programs.push(Program {
            cip,
            title,
            careers: list,
        });
    }
    if !programs.windows(2).all(|w| w[0].cip < w[1].cip) {
        return Err(DecodeError::BadValue("programs out of CIP order"));
    }
    r.end()?;
    Ok(Programs { programs })
}

/// A cursor over the input.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Checks the magic and the version.
    fn start(
        bytes: &'a [u8],
        magic: [u8; 4],
        expected: &'static str,
    ) -> Result<Reader<'a>, DecodeError> {
        match (bytes.get(..4), bytes.get(4)) {
            (Some(m), _) if m != magic => Err(DecodeError::BadMagic { expected }),
            (None, _) if !magic.starts_with(bytes) => Err(DecodeError::BadMagic { expected }),
            (None, _) | (_, None) => Err(DecodeError::Truncated),
            (Some(_), Some(&version)) if version != FORMAT_VERSION => {
                Err(DecodeError::OtherVersion {
                    found: version,
                    supported: FORMAT_VERSION,
                })
            }
            (Some(_), Some(_)) => Ok(Reader { bytes, at: 5 }),
        }
    }

    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        let byte = *self.bytes.get(self.at).ok_or(DecodeError::Truncated)?;
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.at.checked_add(n).ok_or(DecodeError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(DecodeError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    /// A LEB128 varint of at most 64 bits.
    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(DecodeError::BadValue("a number too large"));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(DecodeError::BadValue("a number too long"))
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, DecodeError> {
        u32::try_from(self.varint()?).map_err(|_| DecodeError::BadValue(what))
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, DecodeError> {
        u16::try_from(self.varint()?).map_err(|_| DecodeError::BadValue(what))
    }

    /// A count of items, each at least one byte long: more than the bytes left is truncation, so
    /// no allocation is ever larger than the input allows.
    fn length(&mut self) -> Result<usize, DecodeError> {
        let length = self.varint()?;
        match usize::try_from(length) {
            Ok(n) if n <= self.remaining() => Ok(n),
            _ => Err(DecodeError::Truncated),
        }
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        let length = self.length()?;
        let bytes = self.take(length)?;
        core::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| DecodeError::BadValue("text that is not UTF-8"))
    }

    /// `count` values written as deltas from the previous one.
    fn deltas(&mut self, count: usize, what: &'static str) -> Result<Vec<u32>, DecodeError> {
        let mut values = Vec::with_capacity(count);
        let mut previous: i64 = 0;
        for _ in 0..count {
            let value = previous
                .checked_add(unzigzag(self.varint()?))
                .ok_or(DecodeError::BadValue(what))?;
            values.push(u32::try_from(value).map_err(|_| DecodeError::BadValue(what))?);
            previous = value;
        }
        Ok(values)
    }

    /// `count` front-coded industry codes.
    fn industry_codes(&mut self, count: usize) -> Result<Vec<IndustryCode>, DecodeError> {
        let mut codes = Vec::with_capacity(count);
        let mut code = [0u8; 6];
        for _ in 0..count {
            let shared = usize::from(self.byte()?);
            let rest = code
                .get_mut(shared..)
                .ok_or(DecodeError::BadValue("an industry code prefix"))?;
            let bytes = self.take(rest.len())?;
            rest.copy_from_slice(bytes);
            codes.push(IndustryCode(code));
        }
        Ok(codes)
    }

    /// A cell block of `count` cells.
    fn cells(&mut self, count: usize) -> Result<Vec<Cell>, DecodeError> {
        let national_jobs = self.varint()?;
        // Each cell takes at least one byte per column.
        if count.saturating_mul(CELL_COLUMNS) > self.remaining() {
            return Err(DecodeError::Truncated);
        }
        let empty = Wages {
            mean: Figure::NotPublished,
            percentiles: [Figure::NotPublished; 5],
        };
        let mut cells = vec![
            Cell {
                employment: Figure::NotPublished,
                employment_rse: Figure::NotPublished,
                wage_rse: Figure::NotPublished,
                hourly: empty,
                annual: empty,
                jobs_per_1000: Figure::NotPublished,
                location_quotient: Figure::NotPublished,
            };
            count
        ];
        for column in 0..CELL_COLUMNS {
            for cell in cells.iter_mut() {
                let code = self.varint()?;
                self.cell_column(cell, column, code, national_jobs)?;
            }
        }
        Ok(cells)
    }

    /// Sets one figure of a cell from its code, using the columns already read. (The array
    /// indexes below are bounded by the match arms: 0..5 in every case.)
    fn cell_column(
        &mut self,
        c: &mut Cell,
        column: usize,
        code: u64,
        national_jobs: u64,
    ) -> Result<(), DecodeError> {
        match column {
            0 => c.employment = tens(code)?,
            1 => c.employment_rse = plain(code)?,
            2 => c.wage_rse = plain(code)?,
            3..=7 => {
                let index = column - 3;
                let previous = c.hourly.percentiles[..index]
                    .iter()
                    .rev()
                    .find_map(|f| f.value());
                c.hourly.percentiles[index] = match previous {
                    None => plain(code)?,
                    Some(p) => delta(code, i64::from(p))?,
                };
            }
            8 => {
                c.hourly.mean = match c.hourly.percentiles[2] {
                    Figure::Value(median) => delta(code, i64::from(median))?,
                    _ => plain(code)?,
                };
            }
            9..=14 => {
                let hourly = if column == 9 {
                    c.hourly.mean
                } else {
                    c.hourly.percentiles[column - 10]
                };
                let annual = match hourly {
                    Figure::Value(cents) => delta(code, annual_prediction(cents))?,
                    _ => tens(code)?,
                };
                if column == 9 {
                    c.annual.mean = annual;
                } else {
                    c.annual.percentiles[column - 10] = annual;
                }
            }
            15 => c.jobs_per_1000 = plain(code)?,
            _ => {
                c.location_quotient = match c.jobs_per_1000 {
                    Figure::Value(jobs) => delta(code, quotient_prediction(jobs, national_jobs))?,
                    _ => tens(code)?,
                };
            }
        }
        Ok(())
    }

    fn projection(&mut self) -> Result<Projection, DecodeError> {
        Ok(Projection {
            base_year: self.u16("a projection year")?,
            target_year: self.u16("a projection year")?,
            employment_base: self.u32("a projected employment")?,
            employment_target: self.u32("a projected employment")?,
            change_percent: i32::try_from(unzigzag(self.varint()?))
                .map_err(|_| DecodeError::BadValue("a projected change"))?,
            openings_per_year: self.u32("projected openings")?,
            median_wage: plain(self.varint()?)?,
            education: self.string()?,
            experience: self.string()?,
            training: self.string()?,
        })
    }

    /// Nothing may follow the data.
    fn end(&self) -> Result<(), DecodeError> {
        if self.remaining() == 0 {
            Ok(())
        } else {
            Err(DecodeError::BadValue("bytes after the end of the data"))
        }
    }
}

/// A figure code, its value (if any) turned into a figure by `value`.
fn figure(code: u64, value: impl FnOnce(u64) -> Option<u32>) -> Result<Figure, DecodeError> {
    match code {
        NOT_PUBLISHED => Ok(Figure::NotPublished),
        TOP_CODED => Ok(Figure::TopCoded),
        _ => value(code - FIRST_VALUE)
            .map(Figure::Value)
            .ok_or(DecodeError::BadValue("a figure out of range")),
    }
}

fn plain(code: u64) -> Result<Figure, DecodeError> {
    figure(code, |x| u32::try_from(x).ok())
}

fn tens(code: u64) -> Result<Figure, DecodeError> {
    figure(code, |x| {
        let value = if x % 2 == 0 {
            (x / 2).checked_mul(10)?
        } else {
            x / 2
        };
        u32::try_from(value).ok()
    })
}

fn delta(code: u64, prediction: i64) -> Result<Figure, DecodeError> {
    figure(code, |x| {
        u32::try_from(prediction.checked_add(unzigzag(x))?).ok()
    })
}

#[cfg(test)]
mod tests;
