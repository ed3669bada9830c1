//! Measures encodings of the real 29-2072 pack and the gazetteer, the way browsers receive them
//! (brotli -q 11, gzip -9). `cargo test -p career-pack measure -- --nocapture` prints the table.
//! The alternatives are written here, test-only, so the shipped encoder and decoder hold only the
//! chosen one.

use crate::model::{Cell, Figure, Gazetteer, IndustryCode, Pack};
use crate::testdata::data_dir;
use std::io::Write;

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli");
    out.len()
}

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
}

#[derive(Clone, Copy, Debug, Default)]
struct Opts {
    column_major: bool,
    pct_delta: bool,
    annual_pred: bool,
    div10: bool,
    code_delta: bool,
    industry_front: bool,
    mean_from_median: bool,
    lq_pred: bool,
    /// Hourly p10 (or first published) as a delta from the national row's.
    p10_from_national: bool,
    /// Columns whose codes all fit 16 bits as two byte planes (high bytes, then low bytes).
    planes: bool,
    /// Hourly mean predicted from a weighting of the percentiles.
    mean_from_percentiles: bool,
    /// Hourly 25th and 75th predicted as the midpoint of their neighbours (10th/median,
    /// median/90th), sent after the 10th, median and 90th.
    midpoints: bool,
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn zigzag(d: i64) -> u64 {
    ((d << 1) ^ (d >> 63)) as u64
}

fn tag(f: Figure, value: impl FnOnce(u32) -> u64) -> u64 {
    match f {
        Figure::NotPublished => 0,
        Figure::TopCoded => 1,
        Figure::Value(v) => 2 + value(v),
    }
}

fn unsigned(f: Figure, div10: bool) -> u64 {
    tag(f, |v| {
        if div10 {
            if v % 10 == 0 {
                u64::from(v / 10) * 2
            } else {
                u64::from(v) * 2 + 1
            }
        } else {
            u64::from(v)
        }
    })
}

fn signed(f: Figure, pred: i64) -> u64 {
    tag(f, |v| zigzag(i64::from(v) - pred))
}

fn round10_annual(hourly_cents: u32) -> i64 {
    // hourly × 2080 in cents = h × 2080; dollars = h × 20.8; nearest $10.
    let cents = i64::from(hourly_cents) * 2080;
    (cents + 500) / 1000 * 10
}

fn cell_codes(c: &Cell, o: Opts, lq_n: u64, national: Option<&Cell>) -> Vec<u64> {
    let mut codes = vec![
        unsigned(c.employment, o.div10),
        unsigned(c.employment_rse, false),
        unsigned(c.wage_rse, false),
    ];
    let h = &c.hourly;
    let all: Option<Vec<u32>> = h.percentiles.iter().map(|p| p.value()).collect();
    codes.push(
        match (
            o.mean_from_percentiles,
            &all,
            o.mean_from_median,
            h.percentiles[2],
        ) {
            (true, Some(v), _, _) => signed(
                h.mean,
                i64::from(v[0] * 2 + v[1] * 4 + v[2] * 5 + v[3] * 5 + v[4] * 4) / 20,
            ),
            (_, _, true, Figure::Value(m)) => signed(h.mean, i64::from(m)),
            _ => unsigned(h.mean, false),
        },
    );
    if let (true, Some(v)) = (o.midpoints, &all) {
        codes.push(unsigned(h.percentiles[0], false));
        codes.push(signed(h.percentiles[2], i64::from(v[0])));
        codes.push(signed(h.percentiles[4], i64::from(v[2])));
        codes.push(signed(h.percentiles[1], i64::from(v[0] + v[2]) / 2));
        codes.push(signed(h.percentiles[3], i64::from(v[2] + v[4]) / 2));
    } else {
        let mut prev: Option<u32> = None;
        for (i, p) in h.percentiles.iter().enumerate() {
            let base = if o.p10_from_national && prev.is_none() {
                national.and_then(|n| n.hourly.percentiles[i].value())
            } else {
                None
            };
            codes.push(match (o.pct_delta, prev, base) {
                (_, None, Some(b)) => signed(*p, i64::from(b)),
                (true, Some(pv), _) => signed(*p, i64::from(pv)),
                _ => unsigned(*p, false),
            });
            if let Figure::Value(v) = p {
                prev = Some(*v);
            }
        }
    }
    let hs = [
        h.mean,
        h.percentiles[0],
        h.percentiles[1],
        h.percentiles[2],
        h.percentiles[3],
        h.percentiles[4],
    ];
    let a = &c.annual;
    let as_ = [
        a.mean,
        a.percentiles[0],
        a.percentiles[1],
        a.percentiles[2],
        a.percentiles[3],
        a.percentiles[4],
    ];
    for (hf, af) in hs.iter().zip(as_) {
        codes.push(match (o.annual_pred, hf) {
            (true, Figure::Value(hv)) => signed(af, round10_annual(*hv)),
            _ => unsigned(af, o.div10),
        });
    }
    codes.push(unsigned(c.jobs_per_1000, false));
    codes.push(match (o.lq_pred, c.jobs_per_1000) {
        (true, Figure::Value(j)) if lq_n > 0 => {
            let pred = (u64::from(j) * 1_000_000 + lq_n / 2) / lq_n;
            let pred = (pred + 5) / 10 * 10;
            signed(c.location_quotient, pred as i64)
        }
        _ => unsigned(c.location_quotient, o.div10),
    });
    codes
}

fn cells(out: &mut Vec<u8>, cells: &[Cell], o: Opts, national: Option<&Cell>) {
    // National jobs per 1,000 in millionths, from the median ratio.
    let mut ratios: Vec<u64> = cells
        .iter()
        .filter_map(|c| match (c.jobs_per_1000, c.location_quotient) {
            (Figure::Value(j), Figure::Value(l)) if l > 0 => {
                Some(u64::from(j) * 1_000_000 / u64::from(l))
            }
            _ => None,
        })
        .collect();
    ratios.sort();
    let lq_n = ratios.get(ratios.len() / 2).copied().unwrap_or(0);
    if o.lq_pred {
        varint(out, lq_n);
    }
    let rows: Vec<Vec<u64>> = cells
        .iter()
        .map(|c| cell_codes(c, o, lq_n, national))
        .collect();
    if o.column_major {
        for f in 0..17 {
            let column: Vec<u64> = rows.iter().map(|r| r[f]).collect();
            if o.planes && column.iter().all(|v| *v < 1 << 16) {
                out.push(1);
                out.extend(column.iter().map(|v| (v >> 8) as u8));
                out.extend(column.iter().map(|v| *v as u8));
            } else {
                if o.planes {
                    out.push(0);
                }
                for v in column {
                    varint(out, v);
                }
            }
        }
    } else {
        for r in &rows {
            for v in r {
                varint(out, *v);
            }
        }
    }
}

fn string(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn industry_codes(out: &mut Vec<u8>, codes: &[IndustryCode], front: bool) {
    let mut prev = [0u8; 6];
    for c in codes {
        if front {
            let shared = prev.iter().zip(c.0).take_while(|(a, b)| **a == *b).count();
            out.push(shared as u8);
            out.extend_from_slice(&c.0[shared..]);
        } else {
            out.extend_from_slice(&c.0);
        }
        prev = c.0;
    }
}

fn pack(p: &Pack, o: Opts) -> Vec<u8> {
    let mut out = b"CPAK\x01".to_vec();
    string(&mut out, &p.soc);
    string(&mut out, &p.title);
    varint(&mut out, u64::from(p.release.year));
    varint(&mut out, p.areas.len() as u64);
    let mut prev = 0i64;
    for a in &p.areas {
        if o.code_delta {
            varint(&mut out, zigzag(i64::from(a.area.0) - prev));
            prev = i64::from(a.area.0);
        } else {
            varint(&mut out, u64::from(a.area.0));
        }
    }
    let national = p.national().map(|a| a.cell);
    let area_cells: Vec<Cell> = p.areas.iter().map(|a| a.cell).collect();
    cells(&mut out, &area_cells, o, national.as_ref());
    varint(&mut out, p.industries.len() as u64);
    let codes: Vec<IndustryCode> = p.industries.iter().map(|i| i.industry).collect();
    industry_codes(&mut out, &codes, o.industry_front);
    let ind_cells: Vec<Cell> = p.industries.iter().map(|i| i.cell).collect();
    cells(&mut out, &ind_cells, o, national.as_ref());
    varint(&mut out, p.series.len() as u64);
    for s in &p.series {
        varint(&mut out, u64::from(s.release.year));
    }
    let s_cells: Vec<Cell> = p.series.iter().map(|s| s.cell).collect();
    cells(&mut out, &s_cells, o, None);
    out
}

#[derive(Clone, Copy, Debug, Default)]
struct GOpts {
    column_major: bool,
    code_delta: bool,
    derive_kind: bool,
    industry_front: bool,
}

fn gazetteer(g: &Gazetteer, o: GOpts) -> Vec<u8> {
    let mut out = b"CGAZ\x01".to_vec();
    varint(&mut out, g.places.len() as u64);
    let mut codes = Vec::new();
    let mut meta = Vec::new();
    let mut titles = Vec::new();
    let mut prev = 0i64;
    for p in &g.places {
        if o.code_delta {
            varint(&mut codes, zigzag(i64::from(p.code.0) - prev));
            prev = i64::from(p.code.0);
        } else {
            varint(&mut codes, u64::from(p.code.0));
        }
        let derived_fips = p.code.0 / 100_000;
        if o.derive_kind
            && (p.code.0 >= 100_000 || p.code.0 == 0)
            && u32::from(p.state_fips) == derived_fips
        {
            meta.push(0);
        } else {
            meta.push(p.kind as u8 + 1);
            meta.push(p.state_fips);
        }
        string(&mut titles, &p.title);
        if !o.column_major {
            out.append(&mut codes);
            out.append(&mut meta);
            out.append(&mut titles);
        }
    }
    out.append(&mut codes);
    out.append(&mut meta);
    out.append(&mut titles);
    varint(&mut out, g.industries.len() as u64);
    let codes: Vec<IndustryCode> = g.industries.iter().map(|i| i.code).collect();
    if o.column_major {
        industry_codes(&mut out, &codes, o.industry_front);
        for i in &g.industries {
            string(&mut out, &i.title);
        }
    } else {
        for i in &g.industries {
            industry_codes(&mut out, &[i.code], false);
            string(&mut out, &i.title);
        }
    }
    out
}

fn row(name: &str, bytes: &[u8]) -> (usize, usize, usize) {
    let sizes = (bytes.len(), gzip(bytes), brotli(bytes));
    println!("{name:<58} {:>7} {:>7} {:>7}", sizes.0, sizes.1, sizes.2);
    sizes
}

#[test]
fn measure_encodings() {
    let dir = data_dir();
    let with_definition = crate::import::import_pack(&dir, "29-2072").expect("pack");
    // The alternatives below encode the figures only; the definition is measured on its own.
    let mut p = with_definition.clone();
    p.definition.clear();
    let g = crate::import::import_gazetteer(&dir).expect("gazetteer");
    let csv: Vec<u8> = [
        "oews_may2025_29-2072_areas.csv",
        "oews_may2025_29-2072_industries.csv",
    ]
    .iter()
    .flat_map(|f| std::fs::read(dir.join(f)).expect("csv"))
    .collect();
    println!(
        "{:<58} {:>7} {:>7} {:>7}",
        "29-2072 pack", "raw", "gzip-9", "br-11"
    );
    row("source CSVs (areas + industries)", &csv);
    let mut o = Opts::default();
    row(
        "row-major, absolute varints, raw industry codes",
        &pack(&p, o),
    );
    o.column_major = true;
    row("+ column-major", &pack(&p, o));
    o.code_delta = true;
    row("+ area codes as deltas", &pack(&p, o));
    o.industry_front = true;
    row("+ industry codes front-coded", &pack(&p, o));
    o.pct_delta = true;
    row(
        "+ hourly percentiles as deltas from the previous",
        &pack(&p, o),
    );
    o.annual_pred = true;
    row(
        "+ annual as delta from round10(hourly × 2080)",
        &pack(&p, o),
    );
    let mut row_major = o;
    row_major.column_major = false;
    row("  (same, row-major)", &pack(&p, row_major));
    o.div10 = true;
    row(
        "+ employment/LQ/unpredicted annual ÷10 when exact",
        &pack(&p, o),
    );
    o.mean_from_median = true;
    row(
        "+ hourly mean as delta from the hourly median",
        &pack(&p, o),
    );
    o.lq_pred = true;
    row(
        "+ location quotient predicted from jobs per 1,000",
        &pack(&p, o),
    );
    let mut national_p10 = o;
    national_p10.p10_from_national = true;
    row(
        "+ hourly 10th as delta from the national 10th",
        &pack(&p, national_p10),
    );
    let mut planes = o;
    planes.planes = true;
    row(
        "+ 16-bit columns as byte planes (high, then low)",
        &pack(&p, planes),
    );
    o.mean_from_percentiles = true;
    row(
        "+ hourly mean from a weighting of the percentiles",
        &pack(&p, o),
    );
    o.midpoints = true;
    row(
        "+ 25th/75th from the midpoints of their neighbours",
        &pack(&p, o),
    );
    o.planes = true;
    row("+ byte planes", &pack(&p, o));
    let shipped = row("SHIPPED: encode_pack (format.rs)", &crate::encode_pack(&p));
    row(
        "  (shipped, with the occupation's definition)",
        &crate::encode_pack(&with_definition),
    );
    let mut p2 = p.clone();
    p2.areas
        .retain(|a| a.area.0 == 0 || a.area.0 % 100_000 == 0);
    row(
        "  (shipped, without the 507 metro areas)",
        &crate::encode_pack(&p2),
    );
    p2.industries.clear();
    row(
        "  (shipped, national + states + series + projection)",
        &crate::encode_pack(&p2),
    );
    // The shipped layout is the "LQ predicted" row above, with the columns reordered.
    assert!(shipped.2 < 10_000, "{shipped:?}");
    assert!(shipped.0 < 19_000, "{shipped:?}");

    // Where the bytes go: each column of the areas' cells compressed on its own.
    let area_cells: Vec<Cell> = p.areas.iter().map(|a| a.cell).collect();
    let national = p.national().map(|a| a.cell);
    let rows: Vec<Vec<u64>> = area_cells
        .iter()
        .map(|c| cell_codes(c, o, 1_252_500, national.as_ref()))
        .collect();
    let names = [
        "TOT_EMP",
        "EMP_PRSE",
        "MEAN_PRSE",
        "H_MEAN",
        "H_PCT10",
        "H_PCT25",
        "H_MEDIAN",
        "H_PCT75",
        "H_PCT90",
        "A_MEAN",
        "A_PCT10",
        "A_PCT25",
        "A_MEDIAN",
        "A_PCT75",
        "A_PCT90",
        "JOBS_1000",
        "LOC_QUOTIENT",
    ];
    for (f, name) in names.iter().enumerate() {
        let mut column = Vec::new();
        for r in &rows {
            varint(&mut column, r[f]);
        }
        row(&format!("  areas column {name}"), &column);
    }
    let mut codes = Vec::new();
    let mut prev = 0i64;
    for a in &p.areas {
        varint(&mut codes, zigzag(i64::from(a.area.0) - prev));
        prev = i64::from(a.area.0);
    }
    row("  areas codes", &codes);
    println!(
        "{:<58} {:>7} {:>7} {:>7}",
        "gazetteer", "raw", "gzip-9", "br-11"
    );
    let mut go = GOpts::default();
    row(
        "row-major, absolute codes, kind + FIPS bytes",
        &gazetteer(&g, go),
    );
    go.column_major = true;
    row("+ column-major (codes, kinds, titles)", &gazetteer(&g, go));
    go.code_delta = true;
    row("+ codes as deltas", &gazetteer(&g, go));
    go.derive_kind = true;
    row(
        "+ kind/FIPS derived from the code where they follow",
        &gazetteer(&g, go),
    );
    go.industry_front = true;
    row("+ industry codes front-coded", &gazetteer(&g, go));
    let shipped = row(
        "SHIPPED: encode_gazetteer (format.rs)",
        &crate::encode_gazetteer(&g),
    );
    let titles: String = g.places.iter().map(|p| p.title.as_str()).collect();
    row("  (place titles alone)", titles.as_bytes());
    assert!(shipped.2 < 7_300, "{shipped:?}");
}
