//! The estimator's inputs: place (a searchable combobox), industry (a hierarchy) and years of
//! experience.

use crate::career::Career;
use crate::choices::{industry_groups, place_options};
use crate::components::place_picker::PlacePicker;
use crate::config::{parse_industry, parse_place, parse_years};
use crate::estimator::{IndustryChoice, Inputs};
use crate::experience_rule::MAX_YEARS;
use crate::explanation::years_label;
use crate::messages::Msg;
use crate::state::Action;
use crate::ui::use_ui;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EstimatorFormProps {
    pub career: &'static Career,
    pub inputs: Inputs,
    pub on_action: Callback<Action>,
}

/// A sector's title without BLS's numbering: `Sector 62 - Health Care and Social Assistance` ->
/// `Health Care and Social Assistance`.
pub fn sector_label(title: &str) -> &str {
    title.split_once(" - ").map_or(title, |(_, name)| name)
}

/// Indentation for an industry `depth` levels below its sector (a select cannot nest).
fn indent(depth: u8) -> String {
    "\u{2003}".repeat(usize::from(depth.saturating_sub(1)))
}

#[function_component(EstimatorForm)]
pub fn estimator_form(props: &EstimatorFormProps) -> Html {
    let ui = use_ui();
    let career = props.career;
    let places = {
        let nation = ui.t(Msg::NationalOption);
        use_memo((career.pack.soc.clone(), ui.lang), move |_| {
            Rc::new(place_options(career, nation))
        })
    };
    let industries = use_memo(career.pack.soc.clone(), move |_| industry_groups(career));
    // Callbacks made once (per career and handler), so the picker's props compare equal and it
    // is not redrawn when another input changes.
    let on_place = use_callback(
        (props.on_action.clone(), career.pack.soc.clone()),
        move |value: String, (on_action, _)| {
            if let Ok(place) = parse_place(&value, career) {
                on_action.emit(Action::SetPlace(place));
            }
        },
    );
    let on_industry = use_callback(
        (props.on_action.clone(), career.pack.soc.clone()),
        move |e: Event, (on_action, _)| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(industry) = parse_industry(&select.value(), career) {
                on_action.emit(Action::SetIndustry(industry));
            }
        },
    );
    let on_years = use_callback(props.on_action.clone(), |e: InputEvent, on_action| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Some(years) = parse_years(&input.value()) {
            on_action.emit(Action::SetYears(years));
        }
    });
    let count_text = use_callback(ui.lang, |n: usize, lang| match n {
        1 => lang.text(Msg::PlaceCountOne).to_string(),
        n => lang.fill(Msg::PlaceCount, &[&n.to_string()]),
    });
    let industry_code = match props.inputs.industry {
        IndustryChoice::All => "all".to_string(),
        IndustryChoice::Industry(i) => i.code.to_string(),
    };
    // ~90 options in sector groups: built once per choice, not on every slider step.
    let industry_options = {
        let (ui, industries) = (ui.clone(), industries.clone());
        use_memo(
            (career.pack.soc.clone(), ui.lang, industry_code.clone()),
            move |(_, _, industry_code)| {
                html! {
                    <>
                        <option value="all" selected={industry_code == "all"}>{ ui.t(Msg::AllIndustriesOption) }</option>
                        { for industries.iter().map(|group| {
                            let sector = group.sector.code.to_string();
                            html! {
                                <optgroup label={sector_label(&group.sector.title).to_string()} lang="en">
                                    <option value={sector.clone()} selected={*industry_code == sector}>
                                        { ui.f(Msg::IndustryAllSector, &[sector_label(&group.sector.title)]) }
                                    </option>
                                    { for group.industries.iter().map(|(depth, i)| {
                                        let code = i.code.to_string();
                                        html! {
                                            <option value={code.clone()} selected={*industry_code == code}>
                                                { format!("{}{}", indent(*depth), i.title) }
                                            </option>
                                        }
                                    }) }
                                </optgroup>
                            }
                        }) }
                    </>
                }
            },
        )
    };
    let years = props.inputs.years;
    let years_text = years_label(years, ui.lang);
    html! {
        <form class="cpw-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2 class="cpw-form-heading">{ ui.t(Msg::FormHeading) }</h2>
            <div class="cpw-field">
                <label for="cpw-place">{ ui.t(Msg::PlaceLabel) }</label>
                <PlacePicker id="cpw-place" test_id="input-place" options={(*places).clone()}
                    selected={props.inputs.place.code.to_string()} on_choose={on_place}
                    placeholder={ui.t(Msg::PlacePlaceholder)} no_results={ui.t(Msg::PlaceNoResults)}
                    count_text={count_text} list_label={ui.t(Msg::PlaceListLabel)} />
            </div>
            <div class="cpw-field">
                <label for="cpw-industry">{ ui.t(Msg::IndustryLabel) }</label>
                <select id="cpw-industry" data-testid="input-industry" onchange={on_industry}>
                    { (*industry_options).clone() }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_titles_lose_their_numbers() {
        assert_eq!(
            sector_label("Sector 62 - Health Care and Social Assistance"),
            "Health Care and Social Assistance"
        );
        assert_eq!(
            sector_label("Sectors 31, 32, and 33 - Manufacturing"),
            "Manufacturing"
        );
        assert_eq!(sector_label("Hospitals"), "Hospitals");
    }
}
