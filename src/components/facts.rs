//! The published May 2025 figures for the chosen place (and the nation beside them), correctly
//! labelled, each with its source one click away; then what the article said in 2014, corrected.

use crate::career::Career;
use crate::components::source_note::SourceNote;
use crate::explanation::{period, period_in, place_name};
use crate::figures::{CURRENT_SOURCE, FIGURES, PROJECTIONS_SOURCE, SOC_CODE};
use crate::format::{annual_figure, count_figure, hourly_figure};
use crate::messages::Msg;
use crate::ui::use_ui;
use career_pack::{AreaKind, Cell, Figure, Place, Wages};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactsProps {
    pub career: &'static Career,
    pub place: &'static Place,
}

/// The pay a career's figures are published in: annual, or (for the few occupations BLS
/// publishes hourly only, such as actors) hourly. Neither is ever made from the other.
#[derive(Clone, Copy, PartialEq)]
enum Pay {
    Annual,
    Hourly,
}

impl Pay {
    /// Annual, unless the nation's annual median is not published and its hourly one is.
    fn of(career: &Career) -> Pay {
        match career.national_cell() {
            Some(c)
                if !c.annual.percentiles[2].is_published()
                    && c.hourly.percentiles[2].is_published() =>
            {
                Pay::Hourly
            }
            _ => Pay::Annual,
        }
    }

    fn wages(self, cell: &Cell) -> &Wages {
        match self {
            Pay::Annual => &cell.annual,
            Pay::Hourly => &cell.hourly,
        }
    }
}

/// One fact: its test id, its label (annual, hourly), and how to read its figure from a cell.
type Fact = (&'static str, [Msg; 2], fn(&Cell, Pay) -> Figure);

/// The facts shown, in order.
const FACTS: [Fact; 5] = [
    (
        "fact-median",
        [Msg::FactMedian, Msg::FactMedianHourly],
        |c, pay| pay.wages(c).percentiles[2],
    ),
    (
        "fact-mean",
        [Msg::FactMean, Msg::FactMeanHourly],
        |c, pay| pay.wages(c).mean,
    ),
    ("fact-p10", [Msg::FactLow, Msg::FactLow], |c, pay| {
        pay.wages(c).percentiles[0]
    }),
    ("fact-p90", [Msg::FactHigh, Msg::FactHigh], |c, pay| {
        pay.wages(c).percentiles[4]
    }),
    (
        "fact-employment",
        [Msg::FactEmployment, Msg::FactEmployment],
        |c, _| c.employment,
    ),
];

#[function_component(Facts)]
pub fn facts(props: &FactsProps) -> Html {
    let ui = use_ui();
    let (career, lang, fmt) = (props.career, ui.lang, &*ui.fmt);
    let (Some(cell), Some(national)) = (career.cell(props.place), career.national_cell()) else {
        return Html::default();
    };
    let when = period(career.pack.release.year, lang);
    let place = place_name(props.place, lang);
    let local = props.place.kind != AreaKind::National;
    let pay = Pay::of(career);
    let show = |id: &str, figure: Figure| {
        if id == "fact-employment" {
            count_figure(figure, lang, fmt)
        } else if pay == Pay::Hourly {
            hourly_figure(figure, lang, fmt)
        } else {
            annual_figure(figure, lang, fmt)
        }
    };
    let source = FIGURES.source(CURRENT_SOURCE);
    let projections_source = FIGURES.source(PROJECTIONS_SOURCE);
    // Employment Projections are national only: growth and openings over the ten years.
    let outlook = career.pack.projection.as_ref().map(|p| {
        let growth = f64::from(p.change_percent) / 10.0;
        let growth = if growth > 0.0 {
            ui.f(Msg::OutlookGrowth, &[&fmt.percent(growth, 1)])
        } else {
            fmt.percent(growth, 1)
        };
        let openings = fmt.number(f64::from(p.openings_per_year) * 100.0, 0);
        (
            growth,
            openings,
            ui.f(
                Msg::Range,
                &[&p.base_year.to_string(), &p.target_year.to_string()],
            ),
        )
    });
    // The article's headline claim, kept in the data with its verdict, against May 2014's file:
    // for the article's occupation only.
    let article_2014 = career
        .is_article_career()
        .then(|| FIGURES.national(2014))
        .flatten();
    let correction = article_2014
        .and_then(|d| {
            FIGURES
                .article_claims
                .iter()
                .find(|c| c.as_stated.contains("median") && c.value == d.annual.mean)
                .map(|c| (c, d))
        })
        .map(|(c, d)| {
            ui.f(
                Msg::ArticleCorrection,
                &[
                    &fmt.money(c.value),
                    &period_in(c.period, lang),
                    &fmt.money(d.annual.median()),
                    SOC_CODE,
                    &annual_figure(national.annual.percentiles[2], lang, fmt),
                    &when,
                    &career.pack.soc,
                ],
            )
        });
    html! {
        <section class="cpw-facts" aria-labelledby="cpw-facts-heading" data-testid="section-facts">
            <h2 id="cpw-facts-heading">{ ui.f(Msg::FactsHeading, &[&place, &when]) }</h2>
            <dl class="cpw-fact-list">
                { for FACTS.into_iter().map(|(testid, [annual, hourly], read)| html! {
                    <div class="cpw-fact" data-testid={testid}>
                        <dt>{ ui.t(if pay == Pay::Hourly { hourly } else { annual }) }</dt>
                        <dd>
                            <span class="cpw-fact-value">{ show(testid, read(cell, pay)) }</span>
                            if local {
                                <span class="cpw-fact-national">
                                    { ui.f(Msg::FactNational, &[&show(testid, read(national, pay))]) }
                                </span>
                            }
                            <span class="cpw-fact-period">{ when.clone() }</span>
                            if let Some(source) = source {
                                <SourceNote source={source} period={when.clone()}
                                    soc={career.pack.soc.clone()} place={place.clone()} />
                            }
                        </dd>
                    </div>
                }) }
            </dl>
            if let Some((growth, openings, period)) = &outlook {
                <dl class="cpw-fact-list">
                    { for [("fact-growth", Msg::FactGrowth, growth), ("fact-openings", Msg::FactOpenings, openings)]
                        .into_iter()
                        .map(|(testid, label, value)| html! {
                        <div class="cpw-fact" data-testid={testid}>
                            <dt>{ ui.f(label, &[period]) }</dt>
                            <dd>
                                <span class="cpw-fact-value">{ value.clone() }</span>
                                <span class="cpw-fact-period">{ ui.t(Msg::NationalOption) }</span>
                                if let Some(source) = projections_source {
                                    <SourceNote source={source} period={period.clone()}
                                        soc={career.pack.soc.clone()} />
                                }
                            </dd>
                        </div>
                    }) }
                </dl>
            }
            if let Some(text) = correction {
                <h3 class="cpw-correction-heading">{ ui.t(Msg::ArticleThen) }</h3>
                <p class="cpw-correction" data-testid="article-correction">{ text }</p>
            }
        </section>
    }
}
