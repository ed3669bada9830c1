//! Other careers' figures, fetched from the widget's own origin when a page asks for them: the
//! index of careers, the programs, the shared names (gazetteer), each career's pack, and the
//! Spanish messages. The
//! build names them in `<meta name="cpw-packs">` (content-hashed, so cached forever; see
//! `xtask/src/packs.rs`). Each file is fetched and decoded once per page and kept for it; a
//! career lives for the page like the compiled-in one. Relative URLs only: nothing leaves the
//! widget's origin, so a strict `connect-src 'self'` allows every request.

use crate::career::{self, Career, CareerError};
use crate::messages::{Lang, Msg};
use career_pack::{
    decode_gazetteer, decode_index, decode_programs, CareerIndex, DecodeError, Gazetteer,
    IndexEntry, Programs,
};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a career's figures could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The page names no packs (a build without them, or `cargo test`).
    NotBuilt,
    /// The request did not complete.
    Network,
    /// The server answered with this status.
    Status(u16),
    /// The bytes are not what they should be: truncated, corrupt, another version, another
    /// career's.
    Unreadable(DecodeError),
    /// The server answered with a web page (its error or home page) instead of the file.
    WebPage,
}

impl LoadError {
    /// Why, in words, to follow "could not be loaded:".
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            LoadError::NotBuilt => lang.text(Msg::LoadFailedNotBuilt).to_string(),
            LoadError::Network => lang.text(Msg::LoadFailedNetwork).to_string(),
            LoadError::Status(code) => lang.fill(Msg::LoadFailedStatus, &[&code.to_string()]),
            LoadError::Unreadable(_) => lang.text(Msg::LoadFailedUnreadable).to_string(),
            LoadError::WebPage => lang.text(Msg::LoadFailedWebPage).to_string(),
        }
    }
}

/// Where the build put the packs and what it called the shared files.
#[derive(Clone)]
struct Site {
    dir: String,
    index: String,
    gazetteer: String,
    programs: String,
    spanish: String,
}

/// What has been fetched on this page, each decoded once and kept for the page.
#[derive(Default)]
struct Fetched {
    index: Option<&'static CareerIndex>,
    programs: Option<&'static Programs>,
    gazetteer: Option<&'static Gazetteer>,
    careers: Vec<&'static Career>,
}

thread_local! {
    static FETCHED: RefCell<Fetched> = RefCell::new(Fetched::default());
}

/// The index of every career the build holds.
pub async fn index() -> Result<&'static CareerIndex, LoadError> {
    if let Some(index) = FETCHED.with_borrow(|f| f.index) {
        return Ok(index);
    }
    let site = site()?;
    let bytes = fetch(&site, &site.index).await?;
    let index: &'static CareerIndex = Box::leak(Box::new(
        decode_index(&bytes).map_err(LoadError::Unreadable)?,
    ));
    FETCHED.with_borrow_mut(|f| f.index = Some(index));
    Ok(index)
}

/// The programs (CIP 2020) and the careers of the index each prepares for.
pub async fn programs() -> Result<&'static Programs, LoadError> {
    if let Some(programs) = FETCHED.with_borrow(|f| f.programs) {
        return Ok(programs);
    }
    let careers = index().await?.careers.len();
    let site = site()?;
    let bytes = fetch(&site, &site.programs).await?;
    let programs: &'static Programs = Box::leak(Box::new(
        decode_programs(&bytes, careers).map_err(LoadError::Unreadable)?,
    ));
    FETCHED.with_borrow_mut(|f| f.programs = Some(programs));
    Ok(programs)
}

/// A career of the index, with every figure of its pack: the compiled-in one without a
/// request, any other fetched (with the whole release's names, the first time).
pub async fn career(entry: &IndexEntry) -> Result<&'static Career, LoadError> {
    if let Some(compiled_in) = career::compiled_whole(&entry.soc) {
        return compiled_in.map_err(|e| unreadable(e.clone()));
    }
    if let Some(found) =
        FETCHED.with_borrow(|f| f.careers.iter().copied().find(|c| c.pack.soc == entry.soc))
    {
        return Ok(found);
    }
    let site = site()?;
    let names = gazetteer(&site).await?;
    let bytes = fetch(&site, &entry.file).await?;
    let career = Career::decode(&bytes, names).map_err(unreadable)?;
    if career.pack.soc != entry.soc {
        return Err(LoadError::Unreadable(DecodeError::BadValue(
            "the pack is another career's",
        )));
    }
    let career: &'static Career = Box::leak(Box::new(career));
    FETCHED.with_borrow_mut(|f| f.careers.push(career));
    Ok(career)
}

/// The Spanish messages, fetched and installed once per page (`messages::table`).
pub async fn spanish() -> Result<(), LoadError> {
    if crate::messages::table::has_spanish() {
        return Ok(());
    }
    let site = site()?;
    let bytes = fetch(&site, &site.spanish).await?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| LoadError::Unreadable(DecodeError::BadValue("not UTF-8 text")))?;
    crate::messages::table::install_spanish(text)
        .map_err(|_| LoadError::Unreadable(DecodeError::BadValue("not the widget's messages")))
}

/// The names of every area and industry in the release.
async fn gazetteer(site: &Site) -> Result<&'static Gazetteer, LoadError> {
    if let Some(names) = FETCHED.with_borrow(|f| f.gazetteer) {
        return Ok(names);
    }
    let bytes = fetch(site, &site.gazetteer).await?;
    let names: &'static Gazetteer = Box::leak(Box::new(
        decode_gazetteer(&bytes).map_err(LoadError::Unreadable)?,
    ));
    FETCHED.with_borrow_mut(|f| f.gazetteer = Some(names));
    Ok(names)
}

fn unreadable(error: CareerError) -> LoadError {
    match error {
        CareerError::Decode(e) => LoadError::Unreadable(e),
        CareerError::NotCompiledIn => LoadError::NotBuilt,
    }
}

/// The packs' directory and shared files' names, from the page.
fn site() -> Result<Site, LoadError> {
    let meta = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=\"cpw-packs\"]").ok().flatten())
        .ok_or(LoadError::NotBuilt)?;
    let read = |name: &str| {
        meta.get_attribute(name)
            .filter(|v| is_relative_file(v))
            .ok_or(LoadError::NotBuilt)
    };
    Ok(Site {
        dir: read("content")?,
        index: read("data-index")?,
        gazetteer: read("data-gazetteer")?,
        programs: read("data-programs")?,
        spanish: read("data-es")?,
    })
}

/// A name the page may use as a same-origin relative URL: letters, digits, `-._/`, no `..`, not
/// starting with `/` (which could name another host as `//host`).
fn is_relative_file(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains("..")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._/".contains(&b))
}

/// The bytes of the build's `file`, checked against the hash in its name, or why not.
async fn fetch(site: &Site, file: &str) -> Result<Vec<u8>, LoadError> {
    let bytes = fetch_bytes(&format!("{}{file}", site.dir)).await?;
    checked(file, bytes)
}

/// `bytes` if they are the content-hashed `file` the build wrote. A server that answers every
/// path with a page (a misconfigured single-page-app fallback, a login or error page) gets its
/// own reason, so a host can tell what to fix; a file cut short or altered on the way, or one
/// left from another build, is damaged: every byte is checked, since a changed figure can
/// still decode.
fn checked(file: &str, bytes: Vec<u8>) -> Result<Vec<u8>, LoadError> {
    if bytes.trim_ascii_start().starts_with(b"<") {
        return Err(LoadError::WebPage);
    }
    match career_pack::names_content(file, &bytes) {
        Some(false) => Err(LoadError::Unreadable(DecodeError::BadValue(
            "the bytes are not the ones the file was named for",
        ))),
        _ => Ok(bytes),
    }
}

/// The bytes at `url` (relative to the page), or why not.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let window = crate::web::window().ok_or(LoadError::Network)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| LoadError::Network)?
        .dyn_into()
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| LoadError::Network)?)
        .await
        .map_err(|_| LoadError::Network)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[cfg(test)]
mod tests {
    use super::{checked, LoadError};
    use career_pack::content_name;

    #[test]
    fn a_file_is_used_only_with_the_bytes_it_was_named_for() {
        let bytes = b"CPAK\x05 the figures".to_vec();
        let file = content_name("31-9092", &bytes, "cpak");
        assert_eq!(checked(&file, bytes.clone()), Ok(bytes.clone()));
        assert!(matches!(
            checked(&file, bytes[..8].to_vec()),
            Err(LoadError::Unreadable(_))
        ));
        for page in [&b"<!doctype html><p>Not found"[..], b"\n  <html>"] {
            assert_eq!(checked(&file, page.to_vec()), Err(LoadError::WebPage));
        }
    }
}
