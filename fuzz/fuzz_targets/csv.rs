//! The importer of BLS's CSV files: any bytes as a career's areas file (and, after a form feed,
//! its industries file) are imported or refused with file:line problems, never a panic; a pack
//! it accepts encodes and decodes to itself.
#![no_main]

use career_pack::{decode_pack, encode_pack, import_pack};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

/// One directory per fuzzing process, in memory where the system offers it.
fn workdir() -> PathBuf {
    let base = if std::path::Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("cpw-fuzz-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a work directory");
    dir
}

fuzz_target!(|data: &[u8]| {
    thread_local!(static DIR: PathBuf = workdir());
    DIR.with(|dir| {
        let (areas, industries) = match data.iter().position(|&b| b == 0x0c) {
            Some(at) => (&data[..at], Some(&data[at + 1..])),
            None => (data, None),
        };
        std::fs::write(dir.join("oews_may2025_29-2072_areas.csv"), areas).expect("write");
        let industries_file = dir.join("oews_may2025_29-2072_industries.csv");
        match industries {
            Some(bytes) => std::fs::write(&industries_file, bytes).expect("write"),
            None => {
                let _ = std::fs::remove_file(&industries_file);
            }
        }
        if let Ok(pack) = import_pack(dir, "29-2072") {
            let again = decode_pack(&encode_pack(&pack)).expect("an imported pack decodes");
            assert_eq!(again, pack);
        }
    });
});
