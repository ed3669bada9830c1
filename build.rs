//! Reads the figures in `data/`, validates them, and compiles them into the crate as Rust statics
//! (`$OUT_DIR/figures.rs`). Doing this at build time keeps a CSV parser out of the wasm bundle and
//! makes a malformed data file a build error with a clear message instead of a blank widget.

#[path = "build/current.rs"]
mod current;
#[path = "src/figures/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/figures/validate.rs"]
mod validate;

use model::*;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

const SOC: &str = "29-2071";

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/figures/model.rs");
    println!("cargo:rerun-if-changed=src/figures/validate.rs");
    println!("cargo:rerun-if-changed=build/current.rs");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_default();
    if let Err(message) = current::write(Path::new(&out_dir)) {
        fail(&message);
    }
    match load().and_then(|figures| {
        let problems = validate::problems(&figures);
        if problems.is_empty() {
            Ok(figures)
        } else {
            Err(problems.join("\n  "))
        }
    }) {
        Ok(figures) => {
            let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("figures.rs");
            if let Err(e) = std::fs::write(&out, emit(&figures)) {
                fail(&format!("cannot write {}: {e}", out.display()));
            }
        }
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("\nThe figures in data/ are not usable:\n  {message}\n");
    std::process::exit(1);
}

// ---------------------------------------------------------------------------------------------
// Reading

/// One CSV file as rows of named fields, for messages that point at file and line.
struct Table {
    file: String,
    rows: Vec<HashMap<String, String>>,
}

struct Row<'a> {
    file: &'a str,
    line: usize,
    fields: &'a HashMap<String, String>,
}

impl Table {
    fn read(file: &str) -> Result<Table, String> {
        let path = Path::new("data").join(file);
        let mut reader = csv::Reader::from_path(&path).map_err(|e| format!("{file}: {e}"))?;
        let headers = reader
            .headers()
            .map_err(|e| format!("{file}: {e}"))?
            .clone();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| format!("{file}: {e}"))?;
            rows.push(
                headers
                    .iter()
                    .zip(record.iter())
                    .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                    .collect(),
            );
        }
        Ok(Table {
            file: file.to_string(),
            rows,
        })
    }

    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().enumerate().map(|(i, fields)| Row {
            file: &self.file,
            line: i + 2,
            fields,
        })
    }
}

impl Row<'_> {
    fn text(&self, column: &str) -> Result<&'static str, String> {
        match self.fields.get(column) {
            Some(v) if !v.is_empty() => Ok(leak(v)),
            _ => Err(format!(
                "{}:{}: column {column} is empty",
                self.file, self.line
            )),
        }
    }

    fn number(&self, column: &str) -> Result<f64, String> {
        let text = self.text(column)?;
        text.replace(',', "")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| {
                format!(
                    "{}:{}: column {column}: '{text}' is not a number",
                    self.file, self.line
                )
            })
    }

    fn count(&self, column: &str) -> Result<Option<u32>, String> {
        match self.fields.get(column).map(|v| v.as_str()) {
            None | Some("") => Ok(None),
            Some(_) => self.number(column).map(|v| Some(v as u32)),
        }
    }

    fn stats(&self, prefix: char) -> Result<WageStats, String> {
        let col = |name: &str| self.number(&format!("{prefix}_{name}"));
        Ok(WageStats {
            mean: col("MEAN")?,
            percentiles: [
                col("PCT10")?,
                col("PCT25")?,
                col("MEDIAN")?,
                col("PCT75")?,
                col("PCT90")?,
            ],
        })
    }
}

fn leak<T: ?Sized + ToOwned>(value: &T) -> &'static T
where
    T::Owned: Into<Box<T>>,
{
    Box::leak(value.to_owned().into())
}

fn leak_slice<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// A URL-safe id from a name: `Drugs and druggists' sundries` -> `drugs-and-druggists-sundries`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
    {
        let word: String = word.chars().filter(|c| *c != '\'').collect();
        if !word.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&word);
        }
    }
    out
}

fn load() -> Result<Figures, String> {
    let sources = load_sources()?;
    let source = |id: &str| -> Result<&'static Source, String> {
        sources
            .iter()
            .copied()
            .find(|s| s.id == id)
            .ok_or_else(|| format!("data/sources.csv: no source with id {id}"))
    };
    let areas = load_areas()?;
    let code_of = |name: &str, file: &str| -> Result<&'static str, String> {
        areas
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
            .map(|a| a.code)
            .ok_or_else(|| format!("{file}: unknown state '{name}'"))
    };

    let national = Table::read("oes_national_29-2071_may2002-2018.csv")?
        .rows()
        .map(|row| distribution(&row, "national", "US", source("bls-oes-national")?))
        .collect::<Result<Vec<_>, _>>()?;

    let comparison_source = source("bls-oes-national-comparison-2014")?;
    let comparison_2014 = Table::read("oes_national_comparison_may2014.csv")?
        .rows()
        .map(|row| {
            let mut d = distribution_for_year(&row, 2014, "US", comparison_source)?;
            d.id = leak(format!("comparison-2014-{}", d.soc_code).as_str());
            Ok(d)
        })
        .collect::<Result<Vec<_>, String>>()?;

    let ny_source = source("bls-oes-state-ny-2014")?;
    let state_distributions = Table::read("oes_state_NY_29-2071_may2014.csv")?
        .rows()
        .map(|row| {
            let area = row.text("ST")?;
            let mut d = distribution_for_year(&row, 2014, area, ny_source)?;
            d.id = leak(format!("{}-2014", area.to_lowercase()).as_str());
            Ok(d)
        })
        .collect::<Result<Vec<_>, String>>()?;

    let mut state_means: Vec<MeanWage> = state_distributions
        .iter()
        .map(|d| MeanWage {
            id: d.area,
            name: areas
                .iter()
                .find(|a| a.code == d.area)
                .map_or(d.area, |a| a.name),
            year: d.year,
            period: d.period,
            annual_mean: d.annual.mean,
            employment: d.employment,
            source: d.source,
        })
        .collect();
    let mut industry_means = Vec::new();
    let mut state_projections = Vec::new();
    let mut article_claims = Vec::new();
    let article = Table::read("article_figures_2014.csv")?;
    for (n, row) in article.rows().enumerate() {
        let kind = row.text("KIND")?;
        let name = row.text("NAME")?;
        let period = row.text("PERIOD")?;
        let value = row.number("VALUE")?;
        match kind {
            "state" => state_means.push(MeanWage {
                id: code_of(name, &article.file)?,
                name,
                year: year_of(period, &row)?,
                period,
                annual_mean: value,
                employment: None,
                source: source("article-2014")?,
            }),
            "industry" => industry_means.push(MeanWage {
                id: leak(slug(name).as_str()),
                name,
                year: year_of(period, &row)?,
                period,
                annual_mean: value,
                employment: None,
                source: source("article-2014")?,
            }),
            "growth" if name != "United States" => {
                let code = code_of(name, &article.file)?;
                state_projections.push(Projection {
                    id: leak(format!("{}-{period}", code.to_lowercase()).as_str()),
                    area: code,
                    period,
                    percent_change: value,
                    base_employment: None,
                    numeric_change: None,
                    source: source("article-projections-central")?,
                });
            }
            _ => {}
        }
        article_claims.push(ArticleClaim {
            id: leak(format!("article-{}", n + 1).as_str()),
            figure: leak(format!("{kind}: {name}, {}", row.text("FIGURE")?).as_str()),
            value,
            period,
            as_stated: row.text("AS_STATED_IN_ARTICLE")?,
            verdict: row.text("VERIFIED_AGAINST_BLS_FILE")?,
        });
    }

    let industry_2011 = source("bls-oes-industry-2011")?;
    for row in Table::read("oes_industry_highest_employment_29-2071_may2011.csv")?.rows() {
        let name = row.text("INDUSTRY")?;
        let period = row.text("REFERENCE_PERIOD")?;
        industry_means.push(MeanWage {
            id: leak(slug(name).as_str()),
            name,
            year: year_of(period, &row)?,
            period,
            annual_mean: row.number("A_MEAN")?,
            employment: row.count("EMPLOYMENT")?,
            source: industry_2011,
        });
    }

    let beckers = Table::read("secondary_state_annual_mean_29-2071_may2018.csv")?;
    for row in beckers.rows() {
        let name = row.text("STATE")?;
        let period = row.text("REFERENCE_PERIOD")?;
        state_means.push(MeanWage {
            id: code_of(name, &beckers.file)?,
            name,
            year: year_of(period, &row)?,
            period,
            annual_mean: row.number("A_MEAN")?,
            employment: None,
            source: source("beckers-2018")?,
        });
    }

    let national_projections = Table::read("ooh_projections_national_29-2071.csv")?
        .rows()
        .map(|row| {
            let period = row.text("PROJECTION_PERIOD")?;
            let cited = row.text("SOURCE")?;
            let edition = cited
                .split_whitespace()
                .find(|w| w.len() == 7 && w.as_bytes()[4] == b'-')
                .ok_or_else(|| format!("{}:{}: no edition in '{cited}'", row.file, row.line))?;
            Ok(Projection {
                id: leak(format!("us-{period}").as_str()),
                area: "US",
                period,
                percent_change: row.number("PERCENT_CHANGE")?,
                base_employment: row.count("BASE_YEAR_EMPLOYMENT")?,
                numeric_change: row.count("NUMERIC_CHANGE")?,
                source: source(&format!("bls-ooh-{edition}"))?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;

    Ok(Figures {
        sources: leak_slice(sources),
        national: leak_slice(national),
        comparison_2014: leak_slice(comparison_2014),
        state_distributions: leak_slice(state_distributions),
        state_means: leak_slice(state_means),
        industry_means: leak_slice(industry_means),
        national_projections: leak_slice(national_projections),
        state_projections: leak_slice(state_projections),
        article_claims: leak_slice(article_claims),
        areas: leak_slice(areas),
    })
}

fn year_of(period: &str, row: &Row) -> Result<u16, String> {
    period
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|w| w.parse().ok())
        .ok_or_else(|| format!("{}:{}: no year in period '{period}'", row.file, row.line))
}

fn distribution(
    row: &Row,
    _kind: &str,
    area: &'static str,
    source: &'static Source,
) -> Result<Distribution, String> {
    let year = row.number("YEAR")? as u16;
    let mut d = distribution_for_year(row, year, area, source)?;
    d.id = leak(format!("national-{year}").as_str());
    if d.soc_code != SOC {
        return Err(format!(
            "{}:{}: the national series must be SOC {SOC} only, found {}",
            row.file, row.line, d.soc_code
        ));
    }
    Ok(d)
}

fn distribution_for_year(
    row: &Row,
    year: u16,
    area: &'static str,
    source: &'static Source,
) -> Result<Distribution, String> {
    Ok(Distribution {
        id: "",
        year,
        period: leak(format!("May {year}").as_str()),
        soc_code: row.text("OCC_CODE")?,
        occupation: row.text("OCC_TITLE")?,
        area,
        employment: Some(row.number("TOT_EMP")? as u32),
        hourly: Some(row.stats('H')?),
        annual: row.stats('A')?,
        source,
    })
}

fn load_sources() -> Result<Vec<&'static Source>, String> {
    Table::read("sources.csv")?
        .rows()
        .map(|row| {
            let standing = match row.text("STANDING")? {
                "primary" => Standing::Primary,
                "secondary" => Standing::Secondary,
                "article" => Standing::Article,
                other => {
                    return Err(format!(
                        "{}:{}: unknown standing '{other}'",
                        row.file, row.line
                    ))
                }
            };
            Ok(&*Box::leak(Box::new(Source {
                id: row.text("ID")?,
                standing,
                publisher: row.text("PUBLISHER")?,
                short_name: row.text("SHORT_NAME")?,
                title: row.text("TITLE")?,
                period: row.text("PERIOD")?,
                soc_code: row.text("SOC_CODE")?,
                read_from: row.text("READ_FROM")?,
            })))
        })
        .collect()
}

fn load_areas() -> Result<Vec<Area>, String> {
    let mut areas = Table::read("states.csv")?
        .rows()
        .map(|row| {
            Ok(Area {
                code: row.text("USPS")?,
                name: row.text("NAME")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    areas.sort_by(|a, b| a.name.cmp(b.name));
    Ok(areas)
}

// ---------------------------------------------------------------------------------------------
// Writing Rust

fn emit(f: &Figures) -> String {
    let mut out = String::from("// Generated by build.rs from data/*.csv. Do not edit.\n\n");
    let source_ref = |s: &Source| {
        let index = f
            .sources
            .iter()
            .position(|x| std::ptr::eq(*x, s))
            .unwrap_or_default();
        format!("&SOURCE_{index}")
    };
    for (i, s) in f.sources.iter().enumerate() {
        let _ = writeln!(
            out,
            "static SOURCE_{i}: Source = Source {{ id: {:?}, standing: Standing::{:?}, publisher: {:?}, short_name: {:?}, title: {:?}, period: {:?}, soc_code: {:?}, read_from: {:?} }};",
            s.id, s.standing, s.publisher, s.short_name, s.title, s.period, s.soc_code, s.read_from
        );
    }
    let stats = |w: &WageStats| {
        format!(
            "WageStats {{ mean: {:?}, percentiles: {:?} }}",
            w.mean, w.percentiles
        )
    };
    let distributions = |items: &[Distribution]| {
        let rows: Vec<String> = items.iter().map(|d| format!(
            "Distribution {{ id: {:?}, year: {}, period: {:?}, soc_code: {:?}, occupation: {:?}, area: {:?}, employment: {:?}, hourly: {}, annual: {}, source: {} }}",
            d.id, d.year, d.period, d.soc_code, d.occupation, d.area, d.employment, d.hourly.as_ref().map_or("None".to_string(), |h| format!("Some({})", stats(h))), stats(&d.annual), source_ref(d.source)
        )).collect();
        format!("&[\n    {}\n]", rows.join(",\n    "))
    };
    let means = |items: &[MeanWage]| {
        let rows: Vec<String> = items.iter().map(|m| format!(
            "MeanWage {{ id: {:?}, name: {:?}, year: {}, period: {:?}, annual_mean: {:?}, employment: {:?}, source: {} }}",
            m.id, m.name, m.year, m.period, m.annual_mean, m.employment, source_ref(m.source)
        )).collect();
        format!("&[\n    {}\n]", rows.join(",\n    "))
    };
    let projections = |items: &[Projection]| {
        let rows: Vec<String> = items.iter().map(|p| format!(
            "Projection {{ id: {:?}, area: {:?}, period: {:?}, percent_change: {:?}, base_employment: {:?}, numeric_change: {:?}, source: {} }}",
            p.id, p.area, p.period, p.percent_change, p.base_employment, p.numeric_change, source_ref(p.source)
        )).collect();
        format!("&[\n    {}\n]", rows.join(",\n    "))
    };
    let claims: Vec<String> = f.article_claims.iter().map(|c| format!(
        "ArticleClaim {{ id: {:?}, figure: {:?}, value: {:?}, period: {:?}, as_stated: {:?}, verdict: {:?} }}",
        c.id, c.figure, c.value, c.period, c.as_stated, c.verdict
    )).collect();
    let areas: Vec<String> = f
        .areas
        .iter()
        .map(|a| format!("Area {{ code: {:?}, name: {:?} }}", a.code, a.name))
        .collect();
    let source_list: Vec<String> = (0..f.sources.len())
        .map(|i| format!("&SOURCE_{i}"))
        .collect();
    let _ = write!(
        out,
        "\n/// Every embedded figure, validated at build time.\npub static FIGURES: Figures = Figures {{\n\
         sources: &[{}],\nnational: {},\ncomparison_2014: {},\nstate_distributions: {},\n\
         state_means: {},\nindustry_means: {},\nnational_projections: {},\nstate_projections: {},\n\
         article_claims: &[\n    {}\n],\nareas: &[\n    {}\n],\n}};\n",
        source_list.join(", "),
        distributions(f.national),
        distributions(f.comparison_2014),
        distributions(f.state_distributions),
        means(f.state_means),
        means(f.industry_means),
        projections(f.national_projections),
        projections(f.state_projections),
        claims.join(",\n    "),
        areas.join(",\n    "),
    );
    out
}
