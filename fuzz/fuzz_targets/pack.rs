//! The decoders of every file the widget fetches (a career pack, the shared names, the index of
//! careers, the programs): any bytes are refused or read without a panic, and a pack that reads
//! writes back to bytes that read the same.
#![no_main]

use career_pack::{
    decode_gazetteer, decode_index, decode_pack, decode_programs, encode_gazetteer, encode_pack,
};
use career_pay_widget::career::{self, Career};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pack) = decode_pack(data) {
        let again = decode_pack(&encode_pack(&pack)).expect("an encoded pack decodes");
        assert_eq!(again, pack);
    }
    if let Ok(names) = decode_gazetteer(data) {
        let again = decode_gazetteer(&encode_gazetteer(&names)).expect("encoded names decode");
        assert_eq!(again, names);
    }
    if let Ok(index) = decode_index(data) {
        let _ = decode_programs(data, index.careers.len());
    }
    let _ = decode_programs(data, 830);
    // What the widget does with a fetched pack: read it with the compiled-in names.
    if let Ok(current) = career::current() {
        let _ = Career::decode(data, current.gazetteer);
    }
});
