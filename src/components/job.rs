//! "The job": what the occupation is (its official 2018 SOC definition, cited), what it takes to
//! start (BLS Employment Projections' typical entry education, experience and training, cited),
//! and related careers as links; for the article's occupation, also the article's own
//! description of the work, summarised in our own words and cited.

use crate::career::{compiled_in, Career, RELATED_SOCS};
use crate::figures::{Source, FIGURES, PROJECTIONS_SOURCE};
use crate::links::with_career;
use crate::messages::Msg;
use crate::related::{related, Relation};
use crate::ui::use_ui;
use crate::web::{packs, page};
use yew::platform::spawn_local;
use yew::prelude::*;

/// The source of every occupation's definition.
const DEFINITIONS_SOURCE: &str = "bls-soc-2018";

#[derive(Properties, PartialEq)]
pub struct JobProps {
    pub career: &'static Career,
}

#[function_component(Job)]
pub fn job(props: &JobProps) -> Html {
    let ui = use_ui();
    let career = props.career;
    let soc = career.pack.soc.as_str();
    let cite = |msg: Msg, source: &Source| ui.f(msg, &[source.publisher, source.title, soc]);
    let definition = (!career.pack.definition.is_empty())
        .then_some(())
        .and(FIGURES.source(DEFINITIONS_SOURCE))
        .map(|source| {
            html! {
                <>
                    <p data-testid="job-definition">{ career.pack.definition.as_str() }</p>
                    <p class="cpw-source-line">{ cite(Msg::JobDefinitionSource, source) }</p>
                </>
            }
        });
    let entry = career
        .pack
        .projection
        .as_ref()
        .zip(FIGURES.source(PROJECTIONS_SOURCE))
        .map(|(p, source)| {
            let rows = [
                (Msg::JobEntryEducation, p.education()),
                (Msg::JobEntryExperience, p.experience()),
                (Msg::JobEntryTraining, p.training()),
            ];
            html! {
                <>
                    <h3>{ ui.t(Msg::JobEntryHeading) }</h3>
                    <dl class="cpw-entry" data-testid="job-entry">
                        { for rows.into_iter().filter_map(|(label, value)| Some(html! {
                            <div><dt>{ ui.t(label) }</dt><dd>{ value? }</dd></div>
                        })) }
                    </dl>
                    <p class="cpw-source-line">{ cite(Msg::JobEntrySource, source) }</p>
                </>
            }
        });
    html! {
        <section class="cpw-job" aria-labelledby="cpw-job-heading" data-testid="section-job">
            <h2 id="cpw-job-heading">{ ui.t(Msg::JobHeading) }</h2>
            { definition }
            { entry }
            <Related career={career} />
            if career.is_article_career() {
                { article(&ui) }
            }
        </section>
    }
}

/// The article's description of the work (29-2071, 2014), in our words, cited.
fn article(ui: &crate::ui::Ui) -> Html {
    let duties = [
        Msg::JobDuties1,
        Msg::JobDuties2,
        Msg::JobDuties3,
        Msg::JobDuties4,
    ];
    html! {
        <>
            <h3>{ ui.t(Msg::JobArticleHeading) }</h3>
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
        </>
    }
}

/// Related careers, each a link to the widget for it (place, years and options kept): the
/// article's two for its occupation (compiled in, no request); for any other, from the index and
/// the programs (fetched once; nothing is shown if they cannot be).
#[function_component(Related)]
fn related_careers(props: &JobProps) -> Html {
    let ui = use_ui();
    let found = use_state(|| None::<(Relation, Vec<(String, String)>)>);
    {
        let found = found.clone();
        let career = props.career;
        use_effect_with(career.pack.soc.clone(), move |soc| {
            if career.is_article_career() {
                let named = RELATED_SOCS
                    .iter()
                    .filter_map(|soc| compiled_in(soc)?.ok())
                    .map(|c| (c.pack.soc.clone(), c.pack.title.clone()))
                    .collect();
                found.set(Some((Relation::SameProgram, named)));
            } else {
                let soc = soc.clone();
                spawn_local(async move {
                    if let (Ok(index), Ok(programs)) =
                        (packs::index().await, packs::programs().await)
                    {
                        let (relation, careers) = related(&soc, index, programs);
                        let named = careers
                            .iter()
                            .map(|c| (c.soc.clone(), c.title.clone()))
                            .collect();
                        found.set(Some((relation, named)));
                    }
                });
            }
        });
    }
    // The list arrives after the rest of the widget (a fetch): a frame off screen learns its new
    // height now (`embed::report_height_now`).
    use_effect_with(found.is_some(), |_| crate::web::embed::report_height_now());
    let Some((relation, careers)) = &*found else {
        return Html::default();
    };
    if careers.is_empty() {
        return Html::default();
    }
    let query = page::query();
    let note = match (props.career.is_article_career(), relation) {
        (true, _) => Msg::RelatedArticle,
        (false, Relation::SameProgram) => Msg::RelatedProgram,
        (false, Relation::SameGroup) => Msg::RelatedGroup,
    };
    html! {
        <>
            <h3>{ ui.t(Msg::RelatedHeading) }</h3>
            <p class="cpw-source-line">{ ui.t(note) }</p>
            <ul class="cpw-related" data-testid="related-careers">
                { for careers.iter().map(|(soc, title)| html! {
                    <li><a href={format!("?{}", with_career(&query, soc))}>
                        { ui.f(Msg::HitCareer, &[title, soc]) }
                    </a></li>
                }) }
            </ul>
        </>
    }
}
