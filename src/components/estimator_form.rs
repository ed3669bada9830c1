//! The estimator's inputs: state, industry and years of experience.

use crate::config::{parse_industry, parse_region, parse_years};
use crate::estimator::{IndustryChoice, Inputs, Region};
use crate::experience::MAX_YEARS;
use crate::explanation::years_label;
use crate::figures::{MeanWage, FIGURES};
use crate::messages::Msg;
use crate::state::Action;
use crate::ui::use_ui;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EstimatorFormProps {
    pub inputs: Inputs,
    pub on_action: Callback<Action>,
}

/// Industries in the order a reader scans them: by name.
fn industries_by_name() -> Vec<&'static MeanWage> {
    let mut all: Vec<&'static MeanWage> = FIGURES.industry_means.iter().collect();
    crate::order::sort_by_key(&mut all, |m| m.name);
    all
}

#[function_component(EstimatorForm)]
pub fn estimator_form(props: &EstimatorFormProps) -> Html {
    let ui = use_ui();
    let on_state = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(region) = parse_region(&select.value(), &FIGURES) {
                on_action.emit(Action::SetRegion(region));
            }
        })
    };
    let on_industry = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(industry) = parse_industry(&select.value(), &FIGURES) {
                on_action.emit(Action::SetIndustry(industry));
            }
        })
    };
    let on_years = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(years) = parse_years(&input.value()) {
                on_action.emit(Action::SetYears(years));
            }
        })
    };
    let state_code = match props.inputs.region {
        Region::National => "US",
        Region::State(area) => area.code,
    };
    let industry_id = match props.inputs.industry {
        IndustryChoice::All => "all",
        IndustryChoice::Industry(m) => m.id,
    };
    let years = props.inputs.years;
    let years_text = years_label(years, ui.lang);
    html! {
        <form class="cpw-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2 class="cpw-form-heading">{ ui.t(Msg::FormHeading) }</h2>
            <div class="cpw-field">
                <label for="cpw-state">{ ui.t(Msg::StateLabel) }</label>
                <select id="cpw-state" data-testid="input-state" onchange={on_state}>
                    <option value="US" selected={state_code == "US"}>{ ui.t(Msg::NationalOption) }</option>
                    { for FIGURES.areas.iter().map(|a| html! {
                        <option value={a.code} selected={state_code == a.code}>{ a.name }</option>
                    }) }
                </select>
            </div>
            <div class="cpw-field">
                <label for="cpw-industry">{ ui.t(Msg::IndustryLabel) }</label>
                <select id="cpw-industry" data-testid="input-industry" onchange={on_industry}>
                    <option value="all" selected={industry_id == "all"}>{ ui.t(Msg::AllIndustriesOption) }</option>
                    { for industries_by_name().into_iter().map(|m| html! {
                        <option value={m.id} selected={industry_id == m.id}>
                            { ui.f(Msg::IndustryOption, &[m.name, m.period]) }
                        </option>
                    }) }
                </select>
            </div>
            <div class="cpw-field cpw-field-years">
                <label for="cpw-years">{ ui.t(Msg::YearsLabel) }</label>
                <div class="cpw-range">
                    <input id="cpw-years" type="range" min="0" max={MAX_YEARS.to_string()} step="1"
                        value={years.to_string()} aria-valuetext={years_text.clone()}
                        data-testid="input-years" oninput={on_years} />
                    <output for="cpw-years" data-testid="years-value">{ years_text }</output>
                </div>
            </div>
        </form>
    }
}
