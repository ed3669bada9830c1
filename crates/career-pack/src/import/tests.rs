//! The importer against BLS's real files, and against planted faults.

use super::*;
use crate::model::Figure::{NotPublished, Value};
use crate::testdata::{data_dir, TempDir};
use std::collections::HashSet;

fn pack(soc: &str) -> Pack {
    import_pack(&data_dir(), soc).unwrap_or_else(|e| panic!("{soc} imports:\n{e}"))
}

#[test]
fn medical_records_specialists_may_2025_national_figures() {
    let p = pack("29-2072");
    assert_eq!(p.soc, "29-2072");
    assert_eq!(p.title, "Medical Records Specialists");
    assert!(
        p.definition.starts_with(
            "Compile, process, and maintain medical records of hospital and clinic patients"
        ),
        "the official 2018 SOC definition: {}",
        p.definition
    );
    assert_eq!(pack("00-0000").definition, "", "a total has no definition");
    assert_eq!(p.release, Release { year: 2025 });
    let n = p.national().expect("a national row").cell;
    assert_eq!(p.areas[0].area, AreaCode::NATIONAL);
    assert_eq!(n.employment, Value(194_720));
    assert_eq!(n.employment_rse, Value(11));
    assert_eq!(n.wage_rse, Value(4));
    assert_eq!(n.annual.mean, Value(56_790));
    assert_eq!(
        n.annual.percentiles,
        [
            Value(37_000),
            Value(43_490),
            Value(51_140),
            Value(64_820),
            Value(81_150)
        ]
    );
    assert_eq!(n.hourly.mean, Value(2730));
    assert_eq!(n.hourly.percentiles[0], Value(1779));
    // Not given nationally: empty in the file, never 0.
    assert_eq!(n.jobs_per_1000, NotPublished);
    assert_eq!(n.location_quotient, NotPublished);
}

#[test]
fn medical_records_specialists_states_and_metros() {
    let p = pack("29-2072");
    let count = |kind: AreaKind| p.areas.iter().filter(|a| kind_of(a.area) == kind).count();
    // BLS published no 29-2072 row for the Virgin Islands: 53 states and territories, not 54.
    assert_eq!(p.areas.len(), 561);
    assert_eq!(count(AreaKind::National), 1);
    assert_eq!(count(AreaKind::State), 53);
    assert_eq!(count(AreaKind::Metro), 507);
    assert!(p.area(AreaCode::state(78)).is_none());
    // National, then states in code order, then metros in code order.
    let kinds: Vec<AreaKind> = p.areas.iter().map(|a| kind_of(a.area)).collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]));
    assert!(p
        .areas
        .windows(2)
        .all(|w| kind_of(w[0].area) < kind_of(w[1].area) || w[0].area < w[1].area));

    let vermont = p.area(AreaCode(5_000_000)).expect("Vermont").cell;
    assert_eq!(vermont.employment, NotPublished);
    assert_eq!(vermont.annual.mean, Value(57_950));
    assert_eq!(vermont.jobs_per_1000, NotPublished);
    let alabama = p.area(AreaCode(100_000)).expect("Alabama").cell;
    assert_eq!(alabama.employment, Value(2330));
    assert_eq!(alabama.employment_rse, Value(50));
    assert_eq!(alabama.jobs_per_1000, Value(1101));
    assert_eq!(alabama.location_quotient, Value(880));
    let southern_vermont = p.area(AreaCode(5_000_001)).expect("a nonmetro area").cell;
    assert_eq!(southern_vermont.annual.mean, Value(55_310));
}

/// The kind of an area by the shape of its code (the pack keeps codes only).
fn kind_of(code: AreaCode) -> AreaKind {
    match code.0 {
        0 => AreaKind::National,
        c if c % 100_000 == 0 => AreaKind::State,
        _ => AreaKind::Metro,
    }
}

#[test]
fn medical_records_specialists_industries_series_and_projection() {
    let p = pack("29-2072");
    assert_eq!(p.industries.len(), 121);
    assert!(p
        .industries
        .windows(2)
        .all(|w| w[0].industry < w[1].industry));
    let total = p.industry(IndustryCode::CROSS_INDUSTRY).expect("000000");
    assert_eq!(total.cell, p.national().expect("national").cell);
    let hospitals = p.industry(IndustryCode(*b"622000")).expect("hospitals");
    assert!(hospitals.cell.employment.is_published());
    assert!(p.industry(IndustryCode(*b"4240A2")).is_some());

    let years: Vec<u16> = p.series.iter().map(|s| s.release.year).collect();
    assert_eq!(years, [2021, 2022, 2023, 2024, 2025]);
    assert_eq!(
        p.series_year(2025).map(|s| s.cell),
        p.national().map(|a| a.cell)
    );
    let may2021 = p.series_year(2021).expect("2021").cell;
    assert_eq!(may2021.employment, Value(180_570));
    assert_eq!(may2021.annual.percentiles[2], Value(46_660));
    // `1` in the file is 1.0 %.
    assert_eq!(
        p.series_year(2023).expect("2023").cell.employment_rse,
        Value(10)
    );
    // `27.3` in the file is $27.30.
    assert_eq!(
        p.series_year(2025).expect("2025").cell.hourly.mean,
        Value(2730)
    );

    let outlook = p.projection.as_ref().expect("a projection");
    assert_eq!((outlook.base_year, outlook.target_year), (2024, 2034));
    assert_eq!(outlook.employment_base, 1948);
    assert_eq!(outlook.employment_target, 2086);
    assert_eq!(outlook.change_percent, 71);
    assert_eq!(outlook.openings_per_year, 142);
    assert_eq!(outlook.median_wage, Value(50_250));
    assert_eq!(outlook.education(), Some("Postsecondary nondegree award"));
    assert_eq!(outlook.experience(), Some("None"));
    assert_eq!(outlook.training(), Some("None"));
}

#[test]
fn any_soc_code_imports() {
    let registrars = pack("29-9021");
    assert_eq!(
        registrars.title,
        "Health Information Technologists and Medical Registrars"
    );
    assert_eq!(registrars.areas.len(), 227);
    assert_eq!(registrars.industries.len(), 91);
    assert!(registrars.series.is_empty());
    let outlook = registrars.projection.as_ref().expect("EP row");
    assert_eq!(outlook.change_percent, 147);
    assert_eq!(outlook.education(), Some("Associate's degree"));

    let transcriptionists = pack("31-9094");
    assert_eq!(transcriptionists.areas.len(), 244);
    assert_eq!(transcriptionists.industries.len(), 65);
    let outlook = transcriptionists.projection.as_ref().expect("EP row");
    assert_eq!(outlook.change_percent, -49);
    assert_eq!(outlook.employment_base, 439);
    assert_eq!(outlook.employment_target, 418);
    assert_eq!(outlook.median_wage, Value(37_550));

    // All occupations: an areas file but no industries file (BLS's extract has none).
    let all = pack("00-0000");
    assert_eq!(all.title, "All Occupations");
    assert_eq!(all.areas.len(), 583);
    assert!(all.industries.is_empty());
    let n = all.national().expect("national").cell;
    assert_eq!(n.employment, Value(155_495_730));
    assert_eq!(n.annual.percentiles[2], Value(50_980));
    let total = all.projection.as_ref().expect("the EP total row");
    assert_eq!(total.employment_base, 1_699_561);
    assert_eq!(total.education(), None);
}

#[test]
fn the_gazetteer_names_every_area_and_industry() {
    let g = import_gazetteer(&data_dir()).unwrap_or_else(|e| panic!("gazetteer:\n{e}"));
    assert_eq!(g.places.len(), 583);
    assert!(g.places.windows(2).all(|w| w[0].code < w[1].code));
    let hartford = g
        .places
        .iter()
        .find(|p| p.title.starts_with("Hartford"))
        .expect("Hartford");
    assert_eq!(hartford.kind, AreaKind::Metro);
    assert_eq!(hartford.state_fips, 9);
    assert_eq!(
        g.place(AreaCode(7_800_000)).map(|p| p.title.as_str()),
        Some("Virgin Islands")
    );
    assert_eq!(
        g.place(AreaCode::NATIONAL).map(|p| p.kind),
        Some(AreaKind::National)
    );
    // Every pack's codes have names.
    for soc in ["29-2072", "29-9021", "31-9094"] {
        let p = pack(soc);
        assert!(p.areas.iter().all(|a| g.place(a.area).is_some()), "{soc}");
        assert!(
            p.industries
                .iter()
                .all(|i| g.industry(i.industry).is_some()),
            "{soc}"
        );
    }
    assert_eq!(
        g.industry(IndustryCode(*b"622002"))
            .map(|i| i.title.as_str()),
        Some("Hospitals, State Government Owned")
    );
    let codes: HashSet<IndustryCode> = g.industries.iter().map(|i| i.code).collect();
    assert!(codes.len() >= 121);
    // The hierarchy helpers against BLS's real codes: every industry's sector, every ownership
    // split's base and every parent (but for the 4-digit parent of a 6-digit code, which BLS
    // skips at times) is itself a published industry.
    for code in &codes {
        if code.is_cross_industry() {
            assert_eq!(code.sector(), None);
            continue;
        }
        let sector = code.sector().expect("a sector");
        assert!(codes.contains(&sector), "{code}: sector {sector}");
        if let Some(base) = code.ownership_base() {
            assert!(codes.contains(&base), "{code}: base {base}");
        }
        assert!(code.level().is_some(), "{code}");
    }
    let splits = codes.iter().filter(|c| c.is_ownership_split()).count();
    assert!(splits > 20, "{splits}");
}

// ---- planted faults -------------------------------------------------------------------------

/// A small copy of the real 29-2072 files (national, Alabama, Alaska; two industries) in a temp
/// dir, with `edit` applied to the areas file's lines (0 = header).
fn planted(name: &str, edit: impl FnOnce(&mut Vec<String>)) -> (TempDir, PathBuf) {
    let real = data_dir();
    let dir = TempDir::new(name);
    let read = |file: &str, lines: usize| -> Vec<String> {
        std::fs::read_to_string(real.join(file))
            .expect("real file")
            .lines()
            .take(lines)
            .map(str::to_string)
            .collect()
    };
    let mut areas = read("oews_may2025_29-2072_areas.csv", 4);
    edit(&mut areas);
    let industries = read("oews_may2025_29-2072_industries.csv", 3);
    let write = |file: &str, lines: &[String]| {
        std::fs::write(dir.0.join(file), lines.join("\n") + "\n").expect("write");
    };
    write("oews_may2025_29-2072_areas.csv", &areas);
    write("oews_may2025_29-2072_industries.csv", &industries);
    let areas_path = dir.0.join("oews_may2025_29-2072_areas.csv");
    (dir, areas_path)
}

/// Replaces one field (by column name) on one line of a CSV held as lines.
fn set(lines: &mut [String], line: usize, column: &str, value: &str) {
    let text = lines.join("\n");
    let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .into_records()
        .map(|r| r.expect("csv"))
        .collect();
    let index = records[0]
        .iter()
        .position(|c| c == column)
        .expect("a column");
    let mut fields: Vec<String> = records[line].iter().map(str::to_string).collect();
    fields[index] = value.to_string();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&fields).expect("write");
    let bytes = writer.into_inner().expect("flush");
    lines[line] = String::from_utf8(bytes)
        .expect("utf8")
        .trim_end()
        .to_string();
}

/// Imports a planted pack and returns its error messages, asserting it failed.
fn errors(dir: &TempDir) -> Vec<String> {
    match import_pack(&dir.0, "29-2072") {
        Ok(_) => panic!("a planted fault passed"),
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    }
}

fn assert_reported(errors: &[String], file_line: &str, problem: &str) {
    assert!(
        errors
            .iter()
            .any(|e| e.contains(file_line) && e.contains(problem)),
        "no `{file_line}` … `{problem}` in:\n{}",
        errors.join("\n")
    );
}

#[test]
fn the_planted_copy_imports_cleanly() {
    let (dir, _) = planted("clean", |_| {});
    let p = import_pack(&dir.0, "29-2072").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.areas.len(), 3);
    assert_eq!(p.industries.len(), 2);
    assert!(p.series.is_empty() && p.projection.is_none());
}

#[test]
fn percentiles_out_of_order_are_reported_with_file_and_line() {
    let (dir, _) = planted("order", |lines| {
        set(lines, 2, "H_PCT25", "14.00");
        set(lines, 2, "A_PCT25", "29120");
        set(lines, 3, "A_PCT90", "#");
        set(lines, 3, "H_PCT90", "#");
        set(lines, 3, "H_PCT75", "#");
        set(lines, 3, "A_PCT75", "#");
        set(lines, 1, "A_PCT90", "64810");
        set(lines, 1, "H_PCT90", "31.16");
        // Ties are real and allowed.
        set(lines, 2, "H_PCT90", "25.02");
        set(lines, 2, "A_PCT90", "52040");
    });
    let e = errors(&dir);
    let file = "oews_may2025_29-2072_areas.csv";
    assert_reported(
        &e,
        &format!("{file}:3:"),
        "hourly percentiles out of order: the 25th ($14.00) is below the 10th ($14.54)",
    );
    assert_reported(
        &e,
        &format!("{file}:3:"),
        "annual percentiles out of order: the 25th ($29,120)",
    );
    assert_reported(
        &e,
        &format!("{file}:2:"),
        "annual percentiles out of order: the 90th ($64,810) is below the 75th ($64,820)",
    );
    // All top-coded from the 75th on: fine.
    assert!(
        !e.iter().any(|m| m.contains(&format!("{file}:4:"))),
        "{e:?}"
    );
    // Every problem is reported, not just the first.
    assert_eq!(e.len(), 4, "{e:?}");
}

#[test]
fn a_published_percentile_after_a_top_coded_one_is_reported() {
    let (dir, _) = planted("topcode", |lines| {
        set(lines, 3, "H_PCT75", "#");
    });
    let e = errors(&dir);
    assert_reported(
        &e,
        "oews_may2025_29-2072_areas.csv:4:",
        "the 90th is published after a top-coded (#) 75th",
    );
}

#[test]
fn annual_far_from_hourly_times_2080_is_reported() {
    let (dir, _) = planted("annual", |lines| {
        // $21.06 × 2080 = $43,804.80: $43,790 is $14.80 off (fine), $43,780 is $24.80 off.
        set(lines, 2, "A_MEDIAN", "43790");
        set(lines, 3, "A_MEAN", "64470");
    });
    let e = errors(&dir);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_reported(
        &e,
        "oews_may2025_29-2072_areas.csv:4:",
        "annual mean $64,470 is not hourly $30.98 × 2080 = $64,438",
    );
}

#[test]
fn a_non_numeric_value_is_reported() {
    let (dir, _) = planted("numeric", |lines| {
        set(lines, 2, "TOT_EMP", "2,330");
        set(lines, 3, "H_MEAN", "30.985");
        set(lines, 1, "EMP_PRSE", "");
        set(lines, 3, "TOT_EMP", "#");
        set(lines, 2, "LOC_QUOTIENT", "");
    });
    let e = errors(&dir);
    let file = "oews_may2025_29-2072_areas.csv";
    assert_reported(&e, &format!("{file}:3:"), "TOT_EMP `2,330` is not a number");
    assert_reported(
        &e,
        &format!("{file}:4:"),
        "H_MEAN `30.985` has more than 2 decimals",
    );
    assert_reported(&e, &format!("{file}:2:"), "EMP_PRSE `` is empty");
    assert_reported(&e, &format!("{file}:4:"), "TOT_EMP `#` is top-coded");
    // Empty is "not published" for LOC_QUOTIENT only.
    assert!(!e.iter().any(|m| m.contains("LOC_QUOTIENT")), "{e:?}");
    assert_eq!(e.len(), 4, "{e:?}");
}

#[test]
fn a_duplicate_area_code_is_reported() {
    let (dir, _) = planted("duplicate", |lines| {
        let alabama = lines[2].clone();
        lines.push(alabama);
    });
    let e = errors(&dir);
    assert_reported(
        &e,
        "oews_may2025_29-2072_areas.csv:5:",
        "duplicate area code 0100000 (first on line 3)",
    );
}

#[test]
fn a_row_of_another_occupation_is_reported() {
    let (dir, _) = planted("occ", |lines| {
        set(lines, 3, "OCC_CODE", "29-9021");
    });
    let e = errors(&dir);
    assert_reported(
        &e,
        "oews_may2025_29-2072_areas.csv:4:",
        "OCC_CODE is `29-9021`, not this pack's 29-2072",
    );
}

#[test]
fn missing_columns_are_reported_on_the_header_line() {
    let (dir, _) = planted("column", |lines| {
        for line in lines.iter_mut() {
            // Drop the last two fields: JOBS_1000 and LOC_QUOTIENT.
            let mut fields: Vec<&str> = line.rsplitn(3, ',').collect();
            fields.reverse();
            *line = fields[0].to_string();
        }
    });
    let e = errors(&dir);
    let file = "oews_may2025_29-2072_areas.csv";
    assert_reported(&e, &format!("{file}:1:"), "missing column JOBS_1000");
    assert_reported(&e, &format!("{file}:1:"), "missing column LOC_QUOTIENT");
}

#[test]
fn bad_area_codes_and_types_are_reported() {
    let (dir, _) = planted("area", |lines| {
        set(lines, 2, "AREA", "100000");
        set(lines, 3, "AREA_TYPE", "territory");
    });
    let e = errors(&dir);
    let file = "oews_may2025_29-2072_areas.csv";
    assert_reported(
        &e,
        &format!("{file}:3:"),
        "AREA `100000` is not a 7-digit area code",
    );
    assert_reported(
        &e,
        &format!("{file}:4:"),
        "AREA_TYPE `territory` is not national, state or metro",
    );
}

#[test]
fn a_missing_file_and_a_bad_soc_code_are_reported() {
    let dir = TempDir::new("empty");
    let e = import_pack(&dir.0, "29-2072").expect_err("no files");
    assert!(e.to_string().contains("no OEWS release"), "{e}");
    let e =
        import_pack_release(&data_dir(), "292072", Release { year: 2025 }).expect_err("bad soc");
    assert!(e.to_string().contains("is not a SOC code"), "{e}");
    let (dir, _) = planted("noindustries", |_| {});
    std::fs::write(
        dir.0.join("oews_may2025_29-2072_industries.csv"),
        "NAICS\n000000\n",
    )
    .expect("write");
    let e = import_pack(&dir.0, "29-2072").expect_err("a broken industries file");
    assert!(
        e.to_string()
            .contains("oews_may2025_29-2072_industries.csv:1: missing column OCC_CODE"),
        "{e}"
    );
}

#[test]
fn the_release_year_comes_from_the_file_names() {
    let (dir, areas) = planted("year", |_| {});
    for (from, to) in [
        (
            "oews_may2025_29-2072_areas.csv",
            "oews_may2026_29-2072_areas.csv",
        ),
        (
            "oews_may2025_29-2072_industries.csv",
            "oews_may2026_29-2072_industries.csv",
        ),
    ] {
        std::fs::copy(dir.0.join(from), dir.0.join(to)).expect("copy");
    }
    assert!(areas.is_file());
    assert_eq!(
        releases(&dir.0, "29-2072"),
        [Release { year: 2025 }, Release { year: 2026 }]
    );
    let p = import_pack(&dir.0, "29-2072").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.release.year, 2026);
}

#[test]
fn a_duplicate_industry_code_is_reported() {
    let (dir, _) = planted("industry", |_| {});
    let path = dir.0.join("oews_may2025_29-2072_industries.csv");
    let text = std::fs::read_to_string(&path).expect("read");
    let second = text.lines().nth(2).expect("a second row").to_string();
    std::fs::write(&path, format!("{text}{second}\n")).expect("write");
    let e = errors(&dir);
    assert_reported(
        &e,
        "oews_may2025_29-2072_industries.csv:4:",
        "duplicate industry code 000001 (first on line 3)",
    );
}
