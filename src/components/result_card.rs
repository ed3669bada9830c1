//! The estimate: annual, hourly, range, what it is for, and how it was made (one click away).

use crate::career::Career;
use crate::estimator::{Estimate, IndustryChoice};
use crate::explanation::{explain, factor_notes, pack_source, place_name, years_label};
use crate::messages::Msg;
use crate::ui::use_ui;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultCardProps {
    pub career: &'static Career,
    pub estimate: Rc<Estimate>,
}

#[function_component(ResultCard)]
pub fn result_card(props: &ResultCardProps) -> Html {
    let ui = use_ui();
    let e = &*props.estimate;
    let fmt = &*ui.fmt;
    let career = props.career;
    let industry = match e.inputs.industry {
        IndustryChoice::All => ui.t(Msg::AllIndustriesOption),
        IndustryChoice::Industry(i) => &i.title,
    };
    let context = ui.f(
        Msg::EstimateFor,
        &[
            &place_name(e.inputs.place, ui.lang),
            industry,
            &years_label(e.inputs.years, ui.lang),
        ],
    );
    let steps = explain(career, e, ui.lang, fmt);
    let notes = factor_notes(career, e, ui.lang, fmt);
    let based_on = ui.f(
        Msg::EstimateBasedOn,
        &[&pack_source(
            career,
            &place_name(e.base.place, ui.lang),
            ui.lang,
        )],
    );
    html! {
        <section class="cpw-result" aria-labelledby="cpw-result-label">
            <p class="cpw-result-head">
                <span class="cpw-badge">{ ui.t(Msg::EstimateBadge) }</span>
                <span id="cpw-result-label" data-testid="estimate-label">{ ui.t(Msg::EstimateLabel) }</span>
            </p>
            <p class="cpw-result-for" data-testid="estimate-for">{ context }</p>
            <div aria-live="polite" aria-atomic="true">
                <p class="cpw-amount" data-testid="estimate-annual">{ fmt.money(e.annual) }</p>
                if let Some(hourly) = e.hourly {
                    <p class="cpw-hourly">
                        <span data-testid="estimate-hourly">{ fmt.money_cents(hourly) }</span>
                        { " " }{ ui.t(Msg::HourlyLabel) }
                    </p>
                } else {
                    <p class="cpw-hourly" data-testid="estimate-annual-only">{ ui.t(Msg::AnnualOnly) }</p>
                }
                <p class="cpw-range-text">
                    { ui.t(Msg::RangeLabel) }{ " " }
                    <span data-testid="estimate-low">{ fmt.money(e.low) }</span>
                    { " " }{ ui.t(Msg::RangeTo) }{ " " }
                    <span data-testid="estimate-high">{ fmt.money(e.high) }</span>
                </p>
            </div>
            <p class="cpw-based-on" data-testid="estimate-source">{ based_on }</p>
            if !notes.is_empty() {
                <ul class="cpw-factors" data-testid="estimate-factors">
                    { for notes.into_iter().map(|note| html! { <li>{ note }</li> }) }
                </ul>
            }
            <details class="cpw-explanation" data-testid="estimate-explanation">
                <summary>{ ui.t(Msg::ExplanationSummary) }</summary>
                <ol>
                    { for steps.into_iter().map(|step| html! { <li>{ step }</li> }) }
                </ol>
            </details>
        </section>
    }
}
