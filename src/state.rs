//! The widget's state and the actions that change it (one `use_reducer` in the app).

use crate::career::Career;
use crate::config::Notice;
use crate::estimator::{IndustryChoice, Inputs};
use crate::options::Options;
use career_pack::Place;
use std::rc::Rc;
use yew::Reducible;

/// Everything the user can change, the host's options, and what the URL got wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    /// The career shown; lives for the page.
    pub career: &'static Career,
    pub inputs: Inputs,
    /// Set once from the URL; shared, since every link and snippet needs them.
    pub options: Rc<Options>,
    /// Notices about bad URL values; one goes away when the user sets that input themselves.
    pub notices: Vec<Notice>,
}

impl WidgetState {
    /// The state a query string describes, with a notice for every value that could not be used.
    /// `None` only if the career has no national row (a broken pack: the page says so).
    pub fn from_query(query: &str, career: &'static Career) -> Option<Self> {
        let (inputs, mut notices) = crate::config::from_query(query, career)?;
        let (options, more) = crate::options::from_query(query);
        notices.extend(more);
        Some(WidgetState {
            career,
            inputs,
            options: Rc::new(options),
            notices,
        })
    }
}

/// A user's change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    SetPlace(&'static Place),
    SetIndustry(IndustryChoice),
    SetYears(u8),
    /// All inputs at once, e.g. after Back or Forward restored an earlier URL.
    Replace(Inputs),
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetPlace(place) => {
                next.inputs.place = place;
                next.notices.retain(|n| {
                    !matches!(n, Notice::UnknownPlace(_) | Notice::PlaceNotPublished(_))
                });
            }
            Action::SetIndustry(industry) => {
                next.inputs.industry = industry;
                next.notices.retain(|n| {
                    !matches!(
                        n,
                        Notice::UnknownIndustry(_)
                            | Notice::IndustryNotPublished(_)
                            | Notice::OldIndustry(_)
                    )
                });
            }
            Action::SetYears(years) => {
                next.inputs.years = years.min(crate::experience_rule::MAX_YEARS);
                next.notices.retain(|n| !matches!(n, Notice::BadYears(_)));
            }
            Action::Replace(inputs) => next.inputs = inputs,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_inputs;

    fn state(query: &str) -> Rc<WidgetState> {
        let career = crate::career::current().expect("the compiled-in pack decodes");
        Rc::new(WidgetState::from_query(query, career).expect("a national row"))
    }

    #[test]
    fn setting_an_input_clears_only_its_notice() {
        let state = state("place=ZZ&years=99");
        let next = state.reduce(Action::SetYears(40));
        assert_eq!(next.inputs.years, 30);
        assert_eq!(next.notices, [Notice::UnknownPlace("ZZ".into())]);
    }

    #[test]
    fn an_unchanged_state_is_the_same_rc() {
        let state = state("");
        assert_eq!(Some(state.inputs), default_inputs(state.career));
        let next = Rc::clone(&state).reduce(Action::SetPlace(state.inputs.place));
        assert!(Rc::ptr_eq(&state, &next));
    }
}
