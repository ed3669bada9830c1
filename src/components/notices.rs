//! The live region that tells the reader which URL values were not usable.

use crate::config::Notice;
use crate::experience_rule::MAX_YEARS;
use crate::messages::Msg;
use crate::options::{Section, TITLE_LIMIT};
use crate::subject::MAX_CAREERS;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    /// Problems found while estimating (e.g. missing figures), already in words.
    #[prop_or_default]
    pub extra: Vec<String>,
}

/// Always rendered (empty when all is well) so screen readers register the live region before
/// anything is announced in it.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let ui = use_ui();
    let default_years = crate::config::DEFAULT_YEARS.to_string();
    let max_years = MAX_YEARS.to_string();
    let section_ids = ui.lang.list(&Section::ALL.map(Section::id));
    let texts = props
        .notices
        .iter()
        .map(|notice| match notice {
            Notice::UnknownPlace(given) => ui.f(Msg::NoticeBadPlace, &[given]),
            Notice::PlaceNotPublished(title) => ui.f(Msg::NoticePlaceNotPublished, &[title]),
            Notice::UnknownIndustry(given) => ui.f(Msg::NoticeBadIndustry, &[given]),
            Notice::IndustryNotPublished(title) => ui.f(Msg::NoticeIndustryNotPublished, &[title]),
            Notice::OldIndustry(given) => ui.f(Msg::NoticeOldIndustry, &[given]),
            Notice::BadYears(given) => {
                ui.f(Msg::NoticeBadYears, &[given, &max_years, &default_years])
            }
            Notice::UnknownSections(given) => ui.f(Msg::NoticeBadSections, &[given, &section_ids]),
            Notice::BadAccent(given) => ui.f(Msg::NoticeBadAccent, &[given]),
            Notice::BadDark(given) => ui.f(Msg::NoticeBadDark, &[given]),
            Notice::UnsupportedLang(given) => ui.f(Msg::NoticeBadLang, &[given]),
            Notice::LongTitle => ui.f(Msg::NoticeLongTitle, &[&TITLE_LIMIT.to_string()]),
            Notice::UnknownCareer(given) => ui.f(Msg::NoticeBadCareer, &[given]),
            Notice::CareerNotPublished(soc) => ui.f(Msg::NoticeCareerNotPublished, &[soc]),
            Notice::CareerSucceeded(old, new) => ui.f(Msg::NoticeCareerSucceeded, &[old, new]),
            Notice::TooManyCareers => ui.f(Msg::NoticeTooManyCareers, &[&MAX_CAREERS.to_string()]),
            Notice::UnknownProgram(given) => ui.f(Msg::NoticeBadProgram, &[given]),
            Notice::ProgramWithoutCareers(title) => {
                ui.f(Msg::NoticeProgramWithoutCareers, &[title])
            }
            Notice::CareerUnavailable(what, why) => {
                ui.f(Msg::NoticeCareerUnavailable, &[what, why])
            }
            Notice::ShowingDefault(title) => ui.f(Msg::NoticeShowingDefault, &[title]),
            Notice::SpanishUnavailable(why) => ui.f(Msg::NoticeSpanishFailed, &[why]),
        })
        .chain(props.extra.iter().cloned());
    html! {
        <div class="cpw-notices" role="status" aria-label={ui.t(Msg::NoticesLabel)} data-testid="notices">
            { for texts.map(|text| html! { <p class="cpw-notice" data-testid="notice">{ text }</p> }) }
        </div>
    }
}
