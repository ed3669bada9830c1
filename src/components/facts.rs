//! The published national figures for the base year, correctly labelled, each with its source,
//! and the correction of what the article got wrong.

use crate::components::source_note::SourceNote;
use crate::figures::{Distribution, FIGURES};
use crate::messages::Msg;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactsProps {
    pub base: &'static Distribution,
}

#[function_component(Facts)]
pub fn facts(props: &FactsProps) -> Html {
    let ui = use_ui();
    let d = props.base;
    let fmt = &*ui.fmt;
    let rows = [
        ("fact-median", Msg::FactMedian, fmt.money(d.annual.median())),
        ("fact-mean", Msg::FactMean, fmt.money(d.annual.mean)),
        ("fact-p10", Msg::FactLow, fmt.money(d.annual.percentiles[0])),
        (
            "fact-p90",
            Msg::FactHigh,
            fmt.money(d.annual.percentiles[4]),
        ),
        (
            "fact-employment",
            Msg::FactEmployment,
            fmt.number(f64::from(d.employment), 0),
        ),
    ];
    // The article's headline claim, kept in the data with its verdict.
    let correction = FIGURES
        .article_claims
        .iter()
        .find(|c| c.as_stated.contains("median") && c.value == d.annual.mean)
        .map(|c| {
            ui.f(
                Msg::ArticleCorrection,
                &[&fmt.money(c.value), c.period, &fmt.money(d.annual.median())],
            )
        });
    html! {
        <section class="cpw-facts" aria-labelledby="cpw-facts-heading" data-testid="section-facts">
            <h2 id="cpw-facts-heading">{ ui.f(Msg::FactsHeading, &[d.period]) }</h2>
            <dl class="cpw-fact-list">
                { for rows.into_iter().map(|(testid, label, value)| html! {
                    <div class="cpw-fact" data-testid={testid}>
                        <dt>{ ui.t(label) }</dt>
                        <dd>
                            <span class="cpw-fact-value">{ value }</span>
                            <span class="cpw-fact-period">{ d.period }</span>
                            <SourceNote source={d.source} period={d.period} />
                        </dd>
                    </div>
                }) }
            </dl>
            if let Some(text) = correction {
                <p class="cpw-correction" data-testid="article-correction">{ text }</p>
            }
        </section>
    }
}
