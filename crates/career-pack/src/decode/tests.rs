//! Round trips through the encoder, and the decoder against damaged and hostile bytes.

use super::*;
use crate::encode::{
    content_name, encode_gazetteer, encode_index, encode_pack, encode_programs, names_content,
};
use crate::model::Figure::{NotPublished as Np, TopCoded as Tc, Value as V};
use proptest::prelude::*;

/// A cell far from every prediction: odd units, a published figure after a top-coded one, annual
/// wages nowhere near hourly × 2080, values at the ends of the range.
fn odd_cell() -> Cell {
    Cell {
        employment: V(194_721),
        employment_rse: V(0),
        wage_rse: Tc,
        hourly: Wages {
            mean: V(u32::MAX),
            percentiles: [Tc, V(5), Np, V(3), V(u32::MAX)],
        },
        annual: Wages {
            mean: V(0),
            percentiles: [V(u32::MAX), V(7), Tc, V(1), Np],
        },
        jobs_per_1000: V(u32::MAX),
        location_quotient: V(1),
    }
}

fn odd_pack() -> Pack {
    let cell = odd_cell();
    let mut other = cell;
    other.jobs_per_1000 = Np;
    other.location_quotient = V(u32::MAX);
    other.employment = V(u32::MAX);
    other.hourly.percentiles = [Np; 5];
    other.annual.mean = V(u32::MAX - 5);
    Pack {
        soc: String::new(),
        title: "Ünïcode — title".into(),
        definition: "Compile, process, and maintain — “records”.".into(),
        release: Release { year: u16::MAX },
        areas: vec![
            AreaFigures {
                area: AreaCode(u32::MAX),
                cell,
            },
            AreaFigures {
                area: AreaCode(0),
                cell: other,
            },
            AreaFigures {
                area: AreaCode(u32::MAX),
                cell,
            },
        ],
        industries: vec![
            IndustryFigures {
                industry: IndustryCode([0xff, 0, b'a', b' ', 0x80, b'-']),
                cell: other,
            },
            IndustryFigures {
                industry: IndustryCode(*b"000000"),
                cell,
            },
        ],
        series: vec![SeriesPoint {
            release: Release { year: 0 },
            cell: other,
        }],
        projection: Some(Projection {
            base_year: 2024,
            target_year: 2034,
            employment_base: u32::MAX,
            employment_target: 0,
            change_percent: i32::MIN,
            openings_per_year: 1,
            median_wage: Tc,
            education: String::new(),
            experience: "None".into(),
            training: "—".into(),
        }),
    }
}

fn odd_gazetteer() -> Gazetteer {
    Gazetteer {
        places: vec![
            Place {
                code: AreaCode(u32::MAX),
                kind: AreaKind::National,
                state_fips: 255,
                title: String::new(),
            },
            Place {
                code: AreaCode(3_400_000),
                kind: AreaKind::State,
                state_fips: 34,
                title: "New Jersey".into(),
            },
            Place {
                code: AreaCode(35_620),
                kind: AreaKind::Metro,
                state_fips: 36,
                title: "New York-Newark-Jersey City, NY-NJ".into(),
            },
            Place {
                code: AreaCode(100_000),
                kind: AreaKind::Metro,
                state_fips: 1,
                title: "a state code filed as a metro".into(),
            },
        ],
        industries: vec![Industry {
            code: IndustryCode(*b"62--63"),
            title: "Sector 62 - Health Care and Social Assistance".into(),
        }],
    }
}

#[test]
fn figures_far_from_every_prediction_round_trip_exactly() {
    let pack = odd_pack();
    assert_eq!(decode_pack(&encode_pack(&pack)), Ok(pack));
    let gazetteer = odd_gazetteer();
    assert_eq!(
        decode_gazetteer(&encode_gazetteer(&gazetteer)),
        Ok(gazetteer)
    );
    let empty = Gazetteer::default();
    assert_eq!(decode_gazetteer(&encode_gazetteer(&empty)), Ok(empty));
}

#[cfg(feature = "import")]
mod real {
    use super::*;
    use crate::testdata::data_dir;

    #[test]
    fn the_real_packs_and_gazetteer_round_trip_exactly() {
        for soc in ["29-2072", "29-9021", "31-9094"] {
            let pack = crate::import::import_pack(&data_dir(), soc).expect("imports");
            let bytes = encode_pack(&pack);
            assert_eq!(decode_pack(&bytes).as_ref(), Ok(&pack), "{soc}");
        }
        let gazetteer = crate::import::import_gazetteer(&data_dir()).expect("imports");
        let bytes = encode_gazetteer(&gazetteer);
        let decoded = decode_gazetteer(&bytes).expect("decodes");
        assert_eq!(decoded, gazetteer);
        assert_eq!(decoded.places.len(), 583);
    }

    /// A real pack and gazetteer small enough to decode at every prefix length in a debug build
    /// (31-9094: 244 areas, 65 industries).
    fn small_real() -> (Vec<u8>, Vec<u8>) {
        let dir = data_dir();
        let pack = crate::import::import_pack(&dir, "31-9094").expect("imports");
        let gazetteer = crate::import::import_gazetteer_from(
            &[dir.join("oews_may2025_31-9094_areas.csv")],
            &[dir.join("oews_may2025_31-9094_industries.csv")],
        )
        .expect("imports");
        assert_eq!(gazetteer.places.len(), 244);
        (encode_pack(&pack), encode_gazetteer(&gazetteer))
    }

    #[test]
    fn every_prefix_of_a_real_pack_is_truncated() {
        let (pack, gazetteer) = small_real();
        for length in 0..pack.len() {
            assert_eq!(
                decode_pack(&pack[..length]),
                Err(DecodeError::Truncated),
                "prefix of {length} bytes"
            );
        }
        for length in 0..gazetteer.len() {
            assert_eq!(
                decode_gazetteer(&gazetteer[..length]),
                Err(DecodeError::Truncated),
                "prefix of {length} bytes"
            );
        }
    }

    #[test]
    fn flipping_any_byte_of_a_real_pack_never_panics() {
        let (pack, gazetteer) = small_real();
        for bytes in [pack, gazetteer] {
            let mut damaged = bytes.clone();
            let mut errors = 0;
            for at in 0..bytes.len() {
                // Alternate the flip: all bits, the continuation bit, the lowest bit.
                let mask = [0xff, 0x80, 0x01][at % 3];
                damaged[at] ^= mask;
                errors += usize::from(
                    decode_pack(&damaged).is_err() && decode_gazetteer(&damaged).is_err(),
                );
                damaged[at] ^= mask;
            }
            // A flip in the structure is an error; one inside a figure or a title can decode
            // to another figure or title, which nothing short of a checksum can tell.
            assert!(errors > bytes.len() / 10, "{errors} of {}", bytes.len());
            assert_eq!(damaged, bytes);
        }
    }
}

#[test]
fn every_prefix_of_an_odd_pack_is_truncated() {
    let bytes = encode_pack(&odd_pack());
    for length in 0..bytes.len() {
        assert_eq!(
            decode_pack(&bytes[..length]),
            Err(DecodeError::Truncated),
            "{length}"
        );
    }
    let bytes = encode_gazetteer(&odd_gazetteer());
    for length in 0..bytes.len() {
        assert_eq!(
            decode_gazetteer(&bytes[..length]),
            Err(DecodeError::Truncated),
            "{length}"
        );
    }
}

#[test]
fn wrong_magic_and_other_versions_are_told_apart() {
    let pack = encode_pack(&odd_pack());
    let gazetteer = encode_gazetteer(&odd_gazetteer());
    assert_eq!(
        decode_pack(&gazetteer),
        Err(DecodeError::BadMagic {
            expected: "career pack"
        })
    );
    assert_eq!(
        decode_gazetteer(&pack),
        Err(DecodeError::BadMagic {
            expected: "gazetteer"
        })
    );
    assert_eq!(
        decode_pack(b"CPX"),
        Err(DecodeError::BadMagic {
            expected: "career pack"
        })
    );
    assert_eq!(
        decode_pack(b"<!DOCTYPE html>").map(|_| ()),
        Err(DecodeError::BadMagic {
            expected: "career pack"
        })
    );
    let mut next = pack.clone();
    next[4] = FORMAT_VERSION + 1;
    assert_eq!(
        decode_pack(&next),
        Err(DecodeError::OtherVersion {
            found: FORMAT_VERSION + 1,
            supported: FORMAT_VERSION
        })
    );
    // A pack of the first layout (no definition) is told apart, not misread.
    next[4] = 1;
    assert_eq!(
        decode_pack(&next),
        Err(DecodeError::OtherVersion {
            found: 1,
            supported: FORMAT_VERSION
        })
    );
    let mut longer = pack;
    longer.push(0);
    assert_eq!(
        decode_pack(&longer),
        Err(DecodeError::BadValue("bytes after the end of the data"))
    );
}

#[test]
fn errors_say_what_is_wrong_in_plain_words() {
    let message = |e: DecodeError| e.to_string();
    assert_eq!(
        message(DecodeError::BadMagic {
            expected: "career pack"
        }),
        "not a career pack: it does not start with the right bytes"
    );
    assert_eq!(
        message(DecodeError::OtherVersion {
            found: 2,
            supported: 1
        }),
        "written in format version 2, but this build reads version 1"
    );
    assert_eq!(
        message(DecodeError::Truncated),
        "cut short: the data ends too early"
    );
    assert_eq!(
        message(DecodeError::BadValue("a kind of place")),
        "damaged: a kind of place"
    );
}

#[test]
fn hostile_lengths_and_numbers_are_refused_without_allocating() {
    let header = |rest: &[u8]| [&b"CPAK"[..], &[FORMAT_VERSION], rest].concat();
    // A string claiming 2^63 bytes.
    let huge = header(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    assert!(decode_pack(&huge).is_err());
    // A varint of eleven bytes.
    let long = header(&[0xff; 11]);
    assert_eq!(
        decode_pack(&long),
        Err(DecodeError::BadValue("a number too large"))
    );
    // 2^64 - 1 exactly is a number, but no string is that long.
    let max = header(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    assert_eq!(decode_pack(&max), Err(DecodeError::Truncated));
    // Not UTF-8.
    let latin1 = header(&[1, 0xe9]);
    assert_eq!(
        decode_pack(&latin1),
        Err(DecodeError::BadValue("text that is not UTF-8"))
    );
    // A million areas in a few bytes.
    let many = header(&[0, 0, 0, 0xe9, 0x07, 0xc0, 0x84, 0x3d, 0, 0, 0]);
    assert_eq!(decode_pack(&many), Err(DecodeError::Truncated));
    // A gazetteer place with kind byte 9.
    let kind = [&b"CGAZ"[..], &[FORMAT_VERSION, 1, 0, 9]].concat();
    assert_eq!(
        decode_gazetteer(&kind),
        Err(DecodeError::BadValue("a kind of place"))
    );
}

fn figure() -> impl Strategy<Value = Figure> {
    prop_oneof![
        Just(Np),
        Just(Tc),
        any::<u32>().prop_map(V),
        (0u32..20_000).prop_map(V),
        (0u32..30_000).prop_map(|v| V(v * 10)),
    ]
}

fn cell() -> impl Strategy<Value = Cell> {
    proptest::collection::vec(figure(), 17).prop_map(|f| Cell {
        employment: f[0],
        employment_rse: f[1],
        wage_rse: f[2],
        hourly: Wages {
            mean: f[3],
            percentiles: [f[4], f[5], f[6], f[7], f[8]],
        },
        annual: Wages {
            mean: f[9],
            percentiles: [f[10], f[11], f[12], f[13], f[14]],
        },
        jobs_per_1000: f[15],
        location_quotient: f[16],
    })
}

fn pack() -> impl Strategy<Value = Pack> {
    (
        ".{0,8}",
        proptest::collection::vec((any::<u32>(), cell()), 0..6),
        proptest::collection::vec((any::<[u8; 6]>(), cell()), 0..4),
        proptest::collection::vec((any::<u16>(), cell()), 0..3),
        any::<u16>(),
    )
        .prop_map(|(title, areas, industries, series, year)| Pack {
            soc: "29-2072".into(),
            definition: title.clone(),
            title,
            release: Release { year },
            areas: areas
                .into_iter()
                .map(|(code, cell)| AreaFigures {
                    area: AreaCode(code),
                    cell,
                })
                .collect(),
            industries: industries
                .into_iter()
                .map(|(code, cell)| IndustryFigures {
                    industry: IndustryCode(code),
                    cell,
                })
                .collect(),
            series: series
                .into_iter()
                .map(|(year, cell)| SeriesPoint {
                    release: Release { year },
                    cell,
                })
                .collect(),
            projection: None,
        })
}

proptest! {
    #[test]
    fn any_pack_round_trips(pack in pack()) {
        prop_assert_eq!(decode_pack(&encode_pack(&pack)), Ok(pack));
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_pack(&bytes);
        let _ = decode_gazetteer(&bytes);
        let pack = [&b"CPAK\x01"[..], &bytes].concat();
        let _ = decode_pack(&pack);
        let gazetteer = [&b"CGAZ\x01"[..], &bytes].concat();
        let _ = decode_gazetteer(&gazetteer);
    }

    #[test]
    fn damaged_packs_never_panic(
        pack in pack(),
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4),
    ) {
        let mut bytes = encode_pack(&pack);
        for (at, mask) in flips {
            let at = at % bytes.len();
            bytes[at] ^= mask;
        }
        let _ = decode_pack(&bytes);
    }
}

fn an_index() -> CareerIndex {
    let entry = |soc: &str, title: &str| IndexEntry {
        soc: soc.to_string(),
        title: title.to_string(),
        file: content_name(soc, title.as_bytes(), "cpak"),
        employment: Some(title.len() as u32 * 1000),
    };
    CareerIndex {
        release: Release { year: 2025 },
        careers: vec![
            entry("29-2072", "Medical Records Specialists"),
            entry("31-9092", "Medical Assistants"),
            entry("53-7065", "Stockers and Order Fillers"),
        ],
    }
}

#[test]
fn a_career_index_round_trips_and_finds_its_careers() {
    let index = an_index();
    let decoded = decode_index(&encode_index(&index)).expect("decodes");
    assert_eq!(decoded, index);
    assert_eq!(
        decoded.career("31-9092").map(|e| e.title.as_str()),
        Some("Medical Assistants")
    );
    assert!(decoded.career("99-9999").is_none());
    let file = &decoded.careers[0].file;
    assert!(
        file.starts_with("29-2072.") && file.ends_with(".cpak") && file.len() == 29,
        "{file}"
    );
    // A changed pack is a new name, so a cached old one is never used for it.
    assert_ne!(
        content_name("29-2072", b"a", "cpak"),
        content_name("29-2072", b"b", "cpak")
    );
}

#[test]
fn a_content_hashed_name_tells_its_own_bytes_from_any_other() {
    let bytes = encode_index(&an_index());
    let name = content_name("index", &bytes, "cidx");
    assert_eq!(names_content(&name, &bytes), Some(true));
    assert_eq!(
        names_content(&name, &bytes[..bytes.len() - 1]),
        Some(false),
        "cut short"
    );
    let mut altered = bytes.clone();
    altered[bytes.len() / 2] ^= 1;
    assert_eq!(names_content(&name, &altered), Some(false), "one bit");
    assert_eq!(
        names_content(&name, b"<!doctype html>"),
        Some(false),
        "a web page"
    );
    // Names without a hash are not checked.
    for name in [
        "index.cidx",
        "cidx",
        "",
        "a.0123.cidx",
        "a.zzzzzzzzzzzzzzzz.cidx",
    ] {
        assert_eq!(names_content(name, &bytes), None, "{name}");
    }
}

#[test]
fn a_damaged_career_index_is_refused_without_panicking() {
    let bytes = encode_index(&an_index());
    for end in 0..bytes.len() {
        assert!(decode_index(&bytes[..end]).is_err(), "prefix of {end}");
    }
    assert!(matches!(
        decode_index(&encode_pack(&odd_pack())),
        Err(DecodeError::BadMagic { .. })
    ));
    let mut unordered = an_index();
    unordered.careers.swap(0, 1);
    assert!(decode_index(&encode_index(&unordered)).is_err());
    for i in 0..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[i] ^= 0xff;
        let _ = decode_index(&flipped);
    }
}

fn some_programs() -> Programs {
    let program = |cip: &str, title: &str, careers: &[u16]| Program {
        cip: cip.to_string(),
        title: title.to_string(),
        careers: careers.to_vec(),
    };
    Programs {
        programs: vec![
            program("01.0508", "Taxidermy/Taxidermist", &[]),
            program(
                "51.0707",
                "Health Information/Medical Records Technology",
                &[0, 1],
            ),
            program("51.0801", "Medical/Clinical Assistant", &[1]),
        ],
    }
}

#[test]
fn programs_round_trip_and_point_only_into_the_index() {
    let programs = some_programs();
    let bytes = encode_programs(&programs);
    let decoded = decode_programs(&bytes, 3).expect("decodes");
    assert_eq!(decoded, programs);
    assert_eq!(decoded.program("51.0707").map(|p| p.careers.len()), Some(2));
    assert!(decoded.program("51.0708").is_none());
    // Against an index of one career, a program naming the second is refused.
    assert!(decode_programs(&bytes, 1).is_err());
    for end in 0..bytes.len() {
        assert!(
            decode_programs(&bytes[..end], 3).is_err(),
            "prefix of {end}"
        );
    }
    for i in 0..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[i] ^= 0xff;
        let _ = decode_programs(&flipped, 3);
    }
}
