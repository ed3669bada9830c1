//! "The job": what these technicians do, how they train, and two specializations, summarised from
//! the article in our own words and cited.

use crate::messages::Msg;
use crate::ui::use_ui;
use yew::prelude::*;

#[function_component(Job)]
pub fn job() -> Html {
    let ui = use_ui();
    let duties = [
        Msg::JobDuties1,
        Msg::JobDuties2,
        Msg::JobDuties3,
        Msg::JobDuties4,
    ];
    html! {
        <section class="cpw-job" aria-labelledby="cpw-job-heading" data-testid="section-job">
            <h2 id="cpw-job-heading">{ ui.t(Msg::JobHeading) }</h2>
            <p>{ ui.t(Msg::JobIntro) }</p>
            <p>{ ui.t(Msg::JobDutiesLead) }</p>
            <ul>{ for duties.into_iter().map(|d| html! { <li>{ ui.t(d) }</li> }) }</ul>
            <p>{ ui.t(Msg::JobEducation) }</p>
            <p>{ ui.t(Msg::JobCoursework) }</p>
            <h3>{ ui.t(Msg::JobSpecialismsHeading) }</h3>
            <ul>
                <li>{ ui.t(Msg::JobCoders) }</li>
                <li>{ ui.t(Msg::JobRegistrars) }</li>
            </ul>
            <p class="cpw-source-line">{ ui.t(Msg::JobCitation) }</p>
        </section>
    }
}
