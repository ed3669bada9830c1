//! `cargo run --release -p oews-extract --bin pack-sizes`: every detailed occupation's career
//! pack, encoded, and its size the way browsers receive it (brotli -q 11): the distribution, the
//! largest, and how long extracting, importing and encoding all of them takes.

use career_pack::{encode_pack, import_pack};
use oews_extract::{data_file, Release};
use std::path::Path;
use std::time::Instant;

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_or(usize::MAX, |_| out.len())
}

fn main() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let started = Instant::now();
    let release = Release::open(&data_file(&root))?;
    let read = started.elapsed();
    let dir = std::env::temp_dir().join(format!("pack-sizes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::copy(
        root.join("data/current/ep_projections_all_occupations_2024-34.csv"),
        dir.join("ep_projections_all_occupations_2024-34.csv"),
    )
    .map_err(|e| e.to_string())?;
    let mut sizes: Vec<(usize, usize, String)> = Vec::new();
    let mut encode_time = std::time::Duration::ZERO;
    for occupation in release.detailed() {
        release.write_csv(&occupation.soc, &dir)?;
        let pack = import_pack(&dir, &occupation.soc).map_err(|e| e.to_string())?;
        let t = Instant::now();
        let bytes = encode_pack(&pack);
        encode_time += t.elapsed();
        sizes.push((brotli(&bytes), bytes.len(), occupation.soc.clone()));
    }
    let _ = std::fs::remove_dir_all(&dir);
    sizes.sort();
    let at = |q: f64| sizes[((sizes.len() - 1) as f64 * q).round() as usize].0;
    let total: usize = sizes.iter().map(|s| s.0).sum();
    println!(
        "{} packs: brotli median {} B, p90 {} B, p95 {} B, max {} B ({}), total {} KB",
        sizes.len(),
        at(0.5),
        at(0.9),
        at(0.95),
        at(1.0),
        sizes.last().map_or("", |s| s.2.as_str()),
        total / 1024
    );
    println!(
        "over 15 KB: {}; read the file {:.1} s, all packs extracted, imported and encoded in {:.1} s (encoding alone {:.2} s)",
        sizes.iter().filter(|s| s.0 > 15 * 1024).count(),
        read.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        encode_time.as_secs_f64()
    );
    Ok(())
}
