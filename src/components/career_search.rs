//! For a school's web editor, in the "Embed this" panel: a search over every career and program
//! (title words, SOC code, CIP code, program name). Choosing a result makes the snippets below
//! embed it. The index and the programs are fetched the first time something is typed.

use crate::catalog_search::{search, Hit};
use crate::messages::Msg;
use crate::subject::Subject;
use crate::ui::use_ui;
use crate::web::packs;
use career_pack::{CareerIndex, Programs};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What an editor chose: the subject to embed and its name in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    pub subject: Subject,
    /// "Medical Assistants" or the program's title.
    pub title: String,
}

#[derive(Properties, PartialEq)]
pub struct CareerSearchProps {
    pub on_choose: Callback<Chosen>,
}

/// The catalogue once fetched, or why it could not be.
#[derive(Clone, PartialEq)]
enum Catalogue {
    NotAsked,
    Loading,
    Ready(&'static CareerIndex, &'static Programs),
    Failed(String),
}

#[function_component(CareerSearch)]
pub fn career_search(props: &CareerSearchProps) -> Html {
    let ui = use_ui();
    let query = use_state(String::new);
    let catalogue = use_state(|| Catalogue::NotAsked);
    let oninput = {
        let (query, catalogue, lang) = (query.clone(), catalogue.clone(), ui.lang);
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
            if *catalogue == Catalogue::NotAsked {
                catalogue.set(Catalogue::Loading);
                let catalogue = catalogue.clone();
                spawn_local(async move {
                    let loaded = match packs::programs().await {
                        Ok(programs) => match packs::index().await {
                            Ok(index) => Catalogue::Ready(index, programs),
                            Err(e) => Catalogue::Failed(e.reason(lang)),
                        },
                        Err(e) => Catalogue::Failed(e.reason(lang)),
                    };
                    catalogue.set(loaded);
                });
            }
        })
    };
    let typed = query.trim();
    let (status, hits) = match (&*catalogue, typed.is_empty()) {
        (_, true) | (Catalogue::NotAsked, _) => (String::new(), Html::default()),
        (Catalogue::Loading, _) => (ui.t(Msg::SearchLoading).to_string(), Html::default()),
        (Catalogue::Failed(why), _) => (ui.f(Msg::SearchFailed, &[why]), Html::default()),
        (Catalogue::Ready(index, programs), false) => {
            let found = search(typed, index, programs);
            let status = if found.is_empty() {
                ui.f(Msg::SearchNone, &[typed])
            } else {
                ui.f(Msg::SearchCount, &[&found.len().to_string()])
            };
            let items = found.into_iter().filter_map(|hit| {
                let (label, chosen) = describe(hit, index, programs, &ui)?;
                let on_choose = props.on_choose.clone();
                let onclick = Callback::from(move |_: MouseEvent| on_choose.emit(chosen.clone()));
                Some(html! {
                    <li><button type="button" class="cpw-hit" {onclick}>{ label }</button></li>
                })
            });
            (
                status,
                html! { <ul class="cpw-hits" data-testid="search-hits">{ for items }</ul> },
            )
        }
    };
    html! {
        <div class="cpw-search" data-testid="career-search">
            <label for="cpw-search-input">{ ui.t(Msg::SearchLabel) }</label>
            <input id="cpw-search-input" type="search" autocomplete="off" data-testid="search-input"
                placeholder={ui.t(Msg::SearchPlaceholder)} value={(*query).clone()} {oninput} />
            <p class="cpw-search-status" role="status" data-testid="search-status">{ status }</p>
            { hits }
        </div>
    }
}

/// A hit's words and what choosing it embeds.
fn describe(
    hit: Hit,
    index: &CareerIndex,
    programs: &Programs,
    ui: &crate::ui::Ui,
) -> Option<(String, Chosen)> {
    match hit {
        Hit::Career(i) => {
            let career = index.careers.get(i)?;
            Some((
                ui.f(Msg::HitCareer, &[&career.title, &career.soc]),
                Chosen {
                    subject: Subject {
                        careers: vec![career.soc.clone()],
                        ..Subject::default()
                    },
                    title: career.title.clone(),
                },
            ))
        }
        Hit::Program(i) => {
            let program = programs.programs.get(i)?;
            let label = match program.careers.len() {
                1 => ui.f(Msg::HitProgramOne, &[&program.title, &program.cip]),
                n => ui.f(
                    Msg::HitProgram,
                    &[&program.title, &program.cip, &n.to_string()],
                ),
            };
            Some((
                label,
                Chosen {
                    subject: Subject {
                        program: Some(program.cip.clone()),
                        ..Subject::default()
                    },
                    title: program.title.clone(),
                },
            ))
        }
    }
}
