//! The widget's state and the actions that change it (one `use_reducer` in the app).

use crate::config::Notice;
use crate::estimator::{IndustryChoice, Inputs, Region};
use std::rc::Rc;
use yew::Reducible;

/// Everything the user can change, plus what the URL got wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    pub inputs: Inputs,
    /// Notices about bad URL values; one goes away when the user sets that input themselves.
    pub notices: Vec<Notice>,
}

/// A user's change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    SetRegion(Region),
    SetIndustry(IndustryChoice),
    SetYears(u8),
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
    use crate::config::{default_inputs, from_query};
    use crate::figures::FIGURES;

    #[test]
    fn setting_an_input_clears_only_its_notice() {
        let (inputs, notices) = from_query("state=ZZ&years=99", &FIGURES);
        let state = Rc::new(WidgetState { inputs, notices });
        let next = state.reduce(Action::SetYears(40));
        assert_eq!(next.inputs.years, 30);
        assert_eq!(next.notices, [Notice::UnknownState("ZZ".into())]);
    }

    #[test]
    fn an_unchanged_state_is_the_same_rc() {
        let state = Rc::new(WidgetState {
            inputs: default_inputs(),
            notices: vec![],
        });
        let next = Rc::clone(&state).reduce(Action::SetRegion(Region::National));
        assert!(Rc::ptr_eq(&state, &next));
    }
}
