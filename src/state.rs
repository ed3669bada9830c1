//! The widget's state and the actions that change it (one `use_reducer` in the app).

use crate::config::Notice;
use crate::estimator::{IndustryChoice, Inputs, Region};
use crate::figures::FIGURES;
use crate::options::Options;
use std::rc::Rc;
use yew::Reducible;

/// Everything the user can change, the host's options, and what the URL got wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    pub inputs: Inputs,
    /// Set once from the URL; shared, since every link and snippet needs them.
    pub options: Rc<Options>,
    /// Notices about bad URL values; one goes away when the user sets that input themselves.
    pub notices: Vec<Notice>,
}

impl WidgetState {
    /// The state a query string describes, with a notice for every value that could not be used.
    pub fn from_query(query: &str) -> Self {
        let (inputs, mut notices) = crate::config::from_query(query, &FIGURES);
        let (options, more) = crate::options::from_query(query);
        notices.extend(more);
        WidgetState {
            inputs,
            options: Rc::new(options),
            notices,
        }
    }
}

/// A user's change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    SetRegion(Region),
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
            Action::SetRegion(region) => {
                next.inputs.region = region;
                next.notices
                    .retain(|n| !matches!(n, Notice::UnknownState(_)));
            }
            Action::SetIndustry(industry) => {
                next.inputs.industry = industry;
                next.notices
                    .retain(|n| !matches!(n, Notice::UnknownIndustry(_)));
            }
            Action::SetYears(years) => {
                next.inputs.years = years.min(crate::experience::MAX_YEARS);
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

    #[test]
    fn setting_an_input_clears_only_its_notice() {
        let state = Rc::new(WidgetState::from_query("state=ZZ&years=99"));
        let next = state.reduce(Action::SetYears(40));
        assert_eq!(next.inputs.years, 30);
        assert_eq!(next.notices, [Notice::UnknownState("ZZ".into())]);
    }

    #[test]
    fn an_unchanged_state_is_the_same_rc() {
        let state = Rc::new(WidgetState::from_query(""));
        assert_eq!(state.inputs, default_inputs());
        let next = Rc::clone(&state).reduce(Action::SetRegion(Region::National));
        assert!(Rc::ptr_eq(&state, &next));
    }
}
