//! Finding the careers a page asks for: what is on screen (`Showing`), the page's phase while a
//! career is fetched, the first load from the URL and a switch to another career offered.

use crate::career::{self, Career};
use crate::config::Notice;
use crate::links;
use crate::messages::Lang;
use crate::options;
use crate::subject::{self, Lineup, Subject};
use crate::web::packs::{self, LoadError};
use crate::web::page;
use career_pack::IndexEntry;
use std::rc::Rc;

/// The careers on screen: the one shown, the ones offered beside it, and what could not be
/// used or loaded while finding them.
#[derive(Clone, PartialEq)]
pub struct Showing {
    pub career: &'static Career,
    pub lineup: Rc<Lineup>,
    pub notices: Rc<Vec<Notice>>,
}

impl Showing {
    /// The compiled-in career alone, with `notices`; `None` if even it cannot be read.
    pub fn default_career(notices: Vec<Notice>) -> Option<Showing> {
        let career = career::current().ok()?;
        Some(Showing {
            career,
            lineup: Rc::new(Lineup {
                program: None,
                careers: vec![IndexEntry {
                    soc: career.pack.soc.clone(),
                    title: career.pack.title.clone(),
                    file: String::new(),
                    employment: None,
                }],
                shown: 0,
                notices: Vec::new(),
            }),
            notices: Rc::new(notices),
        })
    }
}

/// What the page shows while a career asked for in the URL is fetched, and after.
#[derive(Clone, PartialEq)]
pub enum Phase {
    Loading,
    Ready(Showing),
    /// Even the compiled-in figures cannot be read.
    Unreadable,
}

/// The careers the URL asks for, resolved against the index, with the one to show fetched; the
/// compiled-in career with a notice when that cannot be done.
pub async fn open(subject: &Subject, lang: Lang) -> Phase {
    let asked = || {
        subject
            .program
            .iter()
            .chain(&subject.careers)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fall_back = |what: String, error: LoadError| {
        let mut notices = vec![Notice::CareerUnavailable(what, error.reason(lang))];
        notices.extend(
            career::current()
                .ok()
                .map(|c| Notice::ShowingDefault(c.pack.title.clone())),
        );
        Showing::default_career(notices).map_or(Phase::Unreadable, Phase::Ready)
    };
    let index = match packs::index().await {
        Ok(index) => index,
        Err(error) => return fall_back(asked(), error),
    };
    let programs = match subject.program {
        Some(_) => match packs::programs().await {
            Ok(programs) => Some(programs),
            Err(error) => return fall_back(asked(), error),
        },
        None => None,
    };
    let mut lineup = subject::resolve(subject, index, programs);
    let notices = std::mem::take(&mut lineup.notices);
    let Some(entry) = lineup.current().cloned() else {
        return fall_back(asked(), LoadError::NotBuilt);
    };
    match packs::career(&entry).await {
        Ok(career) => Phase::Ready(Showing {
            career,
            lineup: Rc::new(lineup),
            notices: Rc::new(notices),
        }),
        Err(error) => fall_back(entry.title, error),
    }
}

/// `showing` with the career at `position` of its lineup shown instead; if it cannot be
/// fetched, `showing` as it was with a notice saying why. The URL is the caller's to change
/// ([`record_shown`]), once it knows no later choice has overtaken this one.
pub async fn switch_to(
    showing: &Showing,
    entry: &IndexEntry,
    position: usize,
    lang: Lang,
) -> Showing {
    match packs::career(entry).await {
        Ok(career) => Showing {
            career,
            lineup: Rc::new(Lineup {
                shown: position,
                ..(*showing.lineup).clone()
            }),
            notices: Rc::new(Vec::new()),
        },
        Err(error) => Showing {
            notices: Rc::new(vec![Notice::CareerUnavailable(
                entry.title.clone(),
                error.reason(lang),
            )]),
            ..showing.clone()
        },
    }
}

/// Records in the URL, as a new history entry, that the career `soc` at `position` of the
/// lineup is shown; nothing when the URL says so already (Back or Forward brought it there).
pub fn record_shown(soc: &str, position: usize) {
    let show = (position > 0).then_some(soc);
    let shown = options::from_query(&page::query()).0.subject.show;
    if shown.as_deref() != show {
        page::push_query(&links::with_show(&page::query(), show));
    }
}
