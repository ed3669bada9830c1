//! Checks on the embedded figures. Run by `build.rs` (a bad data file stops the build with a
//! readable list of problems) and again by the tests on the compiled-in statics.

use super::model::{Distribution, Figures, MeanWage, Projection, Source, WageStats};
use std::collections::HashSet;

/// BLS derives annual wages as hourly x 2080 and rounds annual to $10 and hourly to cents, so
/// a published pair differs by at most 2080 x $0.005 + $5; anything more means a mislabelled column.
const ANNUAL_FROM_HOURLY_TOLERANCE: f64 = 20.0;

/// Every problem found, in words; empty when the figures are sound.
pub fn problems(figures: &Figures) -> Vec<String> {
    let mut found = Vec::new();
    check_sources(figures, &mut found);
    let distributions = figures
        .national
        .iter()
        .chain(figures.comparison_2014)
        .chain(figures.state_distributions);
    for distribution in distributions {
        check_distribution(distribution, figures.sources, &mut found);
    }
    for mean in figures.state_means.iter().chain(figures.industry_means) {
        check_mean(mean, figures.sources, &mut found);
    }
    for projection in figures
        .national_projections
        .iter()
        .chain(figures.state_projections)
    {
        check_projection(projection, figures.sources, &mut found);
    }
    check_unique(
        "distribution",
        figures
            .national
            .iter()
            .chain(figures.comparison_2014)
            .chain(figures.state_distributions)
            .map(|d| d.id.to_string()),
        &mut found,
    );
    check_unique(
        "state mean",
        figures
            .state_means
            .iter()
            .map(|m| format!("{}/{}", m.id, m.source.id)),
        &mut found,
    );
    check_unique(
        "industry",
        figures.industry_means.iter().map(|m| m.id.to_string()),
        &mut found,
    );
    check_unique(
        "projection",
        figures
            .national_projections
            .iter()
            .chain(figures.state_projections)
            .map(|p| p.id.to_string()),
        &mut found,
    );
    check_unique(
        "article claim",
        figures.article_claims.iter().map(|c| c.id.to_string()),
        &mut found,
    );
    check_unique(
        "area",
        figures.areas.iter().map(|a| a.code.to_string()),
        &mut found,
    );
    check_areas(figures, &mut found);
    found
}

fn check_sources(figures: &Figures, found: &mut Vec<String>) {
    check_unique(
        "source",
        figures.sources.iter().map(|s| s.id.to_string()),
        found,
    );
    for source in figures.sources {
        for (field, value) in [
            ("publisher", source.publisher),
            ("short name", source.short_name),
            ("title", source.title),
            ("period", source.period),
            ("SOC code", source.soc_code),
        ] {
            if value.trim().is_empty() {
                found.push(format!("source {}: empty {field}", source.id));
            }
        }
    }
}

/// A figure's source must be one of the registered sources, and the figure must name its period
/// and occupation code.
fn check_provenance(
    what: &str,
    period: &str,
    soc_code: &str,
    source: &Source,
    sources: &[&Source],
    found: &mut Vec<String>,
) {
    if period.trim().is_empty() {
        found.push(format!("{what}: no reference period"));
    }
    if soc_code.trim().is_empty() {
        found.push(format!("{what}: no occupation code"));
    }
    if !sources.iter().any(|s| std::ptr::eq(*s, source)) {
        found.push(format!("{what}: source {} is not registered", source.id));
    }
}

fn check_distribution(d: &Distribution, sources: &[&Source], found: &mut Vec<String>) {
    let what = format!("distribution {}", d.id);
    check_provenance(&what, d.period, d.soc_code, d.source, sources, found);
    check_stats(&format!("{what} annual"), &d.annual, found);
    if let Some(hourly) = &d.hourly {
        check_stats(&format!("{what} hourly"), hourly, found);
        check_hourly_matches_annual(&what, hourly, &d.annual, found);
    }
    // Wage distributions are right-skewed, so a mean below the median means the two were swapped
    // (the very mistake the article made).
    let swapped = |s: &WageStats| s.mean <= s.median();
    if swapped(&d.annual) || d.hourly.as_ref().is_some_and(swapped) {
        found.push(format!(
            "{what}: mean is not above the median: mean and median swapped?"
        ));
    }
}

/// BLS's annual figures are its hourly ones x 2080 where both are published.
fn check_hourly_matches_annual(
    what: &str,
    hourly: &WageStats,
    annual: &WageStats,
    found: &mut Vec<String>,
) {
    let pairs = [("mean", hourly.mean, annual.mean)].into_iter().chain(
        ["10th", "25th", "median", "75th", "90th"]
            .into_iter()
            .zip(hourly.percentiles.into_iter().zip(annual.percentiles))
            .map(|(name, (h, a))| (name, h, a)),
    );
    for (name, hourly, annual) in pairs {
        if (hourly * 2080.0 - annual).abs() > ANNUAL_FROM_HOURLY_TOLERANCE {
            found.push(format!(
                "{what}: annual {name} {annual} is not hourly {name} {hourly} x 2080: columns mislabelled?"
            ));
        }
    }
}

fn check_stats(what: &str, stats: &WageStats, found: &mut Vec<String>) {
    let all = std::iter::once(stats.mean).chain(stats.percentiles);
    if all.clone().any(|v| !v.is_finite() || v <= 0.0) {
        found.push(format!("{what}: a value is missing, zero or negative"));
    }
    if stats.percentiles.windows(2).any(|w| w[0] >= w[1]) {
        found.push(format!(
            "{what}: percentiles do not strictly increase: {:?}",
            stats.percentiles
        ));
    }
}

fn check_mean(m: &MeanWage, sources: &[&Source], found: &mut Vec<String>) {
    let what = format!("mean wage {} ({})", m.id, m.source.id);
    check_provenance(&what, m.period, m.source.soc_code, m.source, sources, found);
    if !m.annual_mean.is_finite() || m.annual_mean <= 0.0 {
        found.push(format!(
            "{what}: annual mean {} is not a wage",
            m.annual_mean
        ));
    }
}

fn check_projection(p: &Projection, sources: &[&Source], found: &mut Vec<String>) {
    let what = format!("projection {}", p.id);
    check_provenance(&what, p.period, p.source.soc_code, p.source, sources, found);
    if !p.percent_change.is_finite() {
        found.push(format!("{what}: percent change is not a number"));
    }
}

fn check_areas(figures: &Figures, found: &mut Vec<String>) {
    if figures.areas.len() != 51 {
        found.push(format!(
            "expected the 50 states and DC, found {} areas",
            figures.areas.len()
        ));
    }
    for area in figures.areas {
        let is_usps = area.code.len() == 2 && area.code.bytes().all(|b| b.is_ascii_uppercase());
        if !is_usps || area.code == "US" {
            found.push(format!("area {}: not a USPS state code", area.code));
        }
    }
    for mean in figures.state_means {
        if !figures.areas.iter().any(|a| a.code == mean.id) {
            found.push(format!("state mean for unknown area {}", mean.id));
        }
    }
}

fn check_unique(kind: &str, ids: impl Iterator<Item = String>, found: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id.clone()) {
            found.push(format!("duplicate {kind} id {id}"));
        }
    }
}
