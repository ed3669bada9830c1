//! The widget's default view as HTML, rendered natively by Yew's server renderer, so a page can
//! be read before its wasm has loaded. Only the default view (no query): any other URL asks for
//! other figures, and a page must never show those wrong, even briefly.

/// The default view: the markup of the widget's first render in a browser with no query, each
/// chart's labelled canvas followed by its drawing as SVG at a phone's and a desktop's plot width
/// (the stylesheet shows the one nearer the plot's own width until the wasm paints the canvas).
pub fn default_view() -> String {
    let renderer = yew::LocalServerRenderer::<crate::app::App>::new().hydratable(false);
    // Nothing in the widget suspends or waits, so the render completes in one poll.
    let html = only_chosen_options(&futures::executor::block_on(renderer.render()));
    with_drawings(&html, &default_charts())
}

/// The plot widths (CSS pixels) the first view's charts are drawn at: a 412 px phone's and the
/// widget's full 60rem column's. Between them the drawing is scaled to the plot.
const DRAWN_WIDTHS: [(f64, &str); 2] = [
    (348.0, "cpw-svg cpw-svg-narrow"),
    (896.0, "cpw-svg cpw-svg-wide"),
];
/// Plots narrower than this show the phone's drawing, wider ones the desktop's.
const WIDE_FROM_PX: u32 = 600;

/// The default view's charts, by their canvas's test id (`chart-<section>`), built by the same
/// code the wasm runs from the compiled-in career and its default inputs.
fn default_charts() -> Vec<(String, crate::charts::registry::Built)> {
    use crate::charts::registry::{self, Context};
    // Without a readable career the view is the widget's error message, which the build refuses
    // (xtask/src/prerender.rs); there are no charts.
    let Some((career, inputs)) = crate::career::current()
        .ok()
        .and_then(|career| Some((career, crate::config::default_inputs(career)?)))
    else {
        return Vec::new();
    };
    let estimate = crate::estimator::estimate(career, inputs)
        .ok()
        .map(|e| e.annual);
    let ui = crate::ui::Ui::default();
    let context = Context {
        career,
        inputs,
        estimate,
        lang: ui.lang,
        fmt: &*ui.fmt,
    };
    let (defaults, _) = crate::options::from_query("");
    defaults
        .sections
        .into_iter()
        .filter_map(|section| {
            let built = (registry::spec(section)?.build)(&context)?;
            Some((format!("chart-{}", section.id()), built))
        })
        .collect()
}

/// `html` with each chart's drawings right after its canvas (`<canvas data-testid="chart-…" …>
/// </canvas>`), inside its plot.
fn with_drawings(html: &str, charts: &[(String, crate::charts::registry::Built)]) -> String {
    let mut out = html.to_string();
    for (testid, built) in charts {
        let Some(at) = out.find(&format!("<canvas data-testid=\"{testid}\"")) else {
            continue;
        };
        let Some(end) = out[at..]
            .find("</canvas>")
            .map(|e| at + e + "</canvas>".len())
        else {
            continue;
        };
        let drawings: String = DRAWN_WIDTHS
            .iter()
            .map(|&(width, class)| crate::charts::svg::svg(&built.chart.0.scene(width), class))
            .collect();
        out.insert_str(end, &drawings);
    }
    out
}

/// `html` with each `<select>` holding only its chosen `<option>`: a closed select shows nothing
/// else, the prerendered view is replaced (not hydrated) before its controls can be used, and
/// the industry list was 8 KB of the view's 32 (1.9 of 6.9 KB brotli) that every reader
/// downloaded first. Works on the renderer's own markup: options without `selected` go, with
/// the groups they leave empty.
fn only_chosen_options(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<select") {
        let Some(end) = rest[start..].find("</select>").map(|e| start + e) else {
            break;
        };
        out.push_str(&rest[..start]);
        let select = &rest[start..end];
        let open_end = select.find('>').map_or(select.len(), |i| i + 1);
        out.push_str(&select[..open_end]);
        let mut options = &select[open_end..];
        while let Some(at) = options.find("<option") {
            let Some(close) = options[at..]
                .find("</option>")
                .map(|c| at + c + "</option>".len())
            else {
                break;
            };
            let option = &options[at..close];
            let tag_end = option.find('>').unwrap_or(option.len());
            if option[..tag_end].contains(" selected") {
                out.push_str(option);
            }
            options = &options[close..];
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The widths (CSS pixels of a chart's plot) the heights stylesheet covers: the narrowest phone
/// to wider than the widget's 60rem column.
const PLOT_WIDTHS: std::ops::RangeInclusive<u32> = 200..=1200;

/// The prerendered charts' stylesheet: each chart canvas gets the height the wasm will lay it out
/// at, by the width of its plot (CSS container queries on `.cpw-plot`), so nothing below a chart
/// moves when the widget takes over (a canvas is otherwise as tall as its default 2:1 bitmap);
/// the plot shows the drawing nearer its width over the canvas, coloured by the page's chart
/// properties. Rules are scoped to the prerendered view; the live widget sizes its canvases
/// itself.
pub fn charts_css() -> String {
    let mut css = String::from(".cpw-prerendered .cpw-plot{container-type:inline-size}");
    // Charts off screen are not laid out until a reader nears them: the drawings made the first
    // layout of the page the longest task of its load. Not in the loader's iframe, whose height
    // is posted to the host and must be real.
    css.push_str(
        ":root:not(.cpw-framed) .cpw-prerendered .cpw-figure\
         {content-visibility:auto;contain-intrinsic-block-size:auto 500px}",
    );
    // A drawing covers its canvas until the wasm paints it (the canvas is then taken over).
    css.push_str(
        ".cpw-prerendered .cpw-svg{position:absolute;left:0;top:0;width:100%;height:100%}",
    );
    css.push_str(&crate::charts::svg::stylesheet("cpw-svg"));
    css.push_str(&format!(
        "@container (max-width:{}.99px){{.cpw-svg-wide{{display:none}}}}\
         @container (min-width:{WIDE_FROM_PX}px){{.cpw-svg-narrow{{display:none}}}}",
        WIDE_FROM_PX - 1
    ));
    for (testid, built) in default_charts() {
        let heights: Vec<(u32, f64)> = PLOT_WIDTHS
            .map(|w| (w, built.chart.0.scene(f64::from(w)).height.round()))
            .collect();
        for piece in affine_pieces(&heights) {
            css.push_str(&format!(
                "@container (min-width:{}px) and (max-width:{}.99px){{\
                 .cpw-prerendered [data-testid={}]{{height:{}}}}}",
                piece.from,
                piece.to,
                testid,
                piece.css_height()
            ));
        }
    }
    css
}

/// How far a prerendered chart's height may be from the one the wasm lays out. Two pixels move
/// what is below by two pixels, which no reader sees as a jump; the tile map's height is a
/// staircase (whole-pixel tiles) that half a pixel would cut into some ninety pieces.
const TOLERANCE_PX: f64 = 2.0;

/// Over plot widths `from..=to`, a height of `slope × width + offset` CSS pixels (within
/// [`TOLERANCE_PX`] of the chart's own).
#[derive(Debug, PartialEq)]
struct Piece {
    from: u32,
    to: u32,
    slope: f64,
    offset: f64,
}

impl Piece {
    fn css_height(&self) -> String {
        if self.slope == 0.0 {
            format!("{}px", self.offset)
        } else {
            // 1cqw is 1 % of the container's width.
            format!("calc({:.4}cqw + {:.2}px)", self.slope * 100.0, self.offset)
        }
    }
}

/// `(width, height)` samples, ascending by width, as few pieces as fit each within the tolerance:
/// chart heights step at a few widths (labels wrap) and grow linearly where a chart keeps its
/// aspect (the tile map).
fn affine_pieces(samples: &[(u32, f64)]) -> Vec<Piece> {
    let fit = |from: usize, to: usize| -> Option<(f64, f64)> {
        let ((w0, h0), (w1, h1)) = (samples[from], samples[to]);
        let slope = if to == from || h1 == h0 {
            0.0
        } else {
            (h1 - h0) / f64::from(w1 - w0)
        };
        let offset = h0 - slope * f64::from(w0);
        samples[from..=to]
            .iter()
            .all(|&(w, h)| (slope * f64::from(w) + offset - h).abs() <= TOLERANCE_PX)
            .then_some((slope, offset))
    };
    let mut pieces = Vec::new();
    let mut from = 0;
    while from < samples.len() {
        let mut to = from;
        while to + 1 < samples.len() && fit(from, to + 1).is_some() {
            to += 1;
        }
        let (slope, offset) = fit(from, to).unwrap_or((0.0, samples[from].1));
        pieces.push(Piece {
            from: samples[from].0,
            to: samples[to].0,
            slope,
            offset,
        });
        from = to + 1;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::{affine_pieces, charts_css, default_view, Piece, PLOT_WIDTHS, TOLERANCE_PX};
    use crate::career;
    use crate::config::default_inputs;
    use crate::estimator;
    use crate::format::{EnUs, NumberFormat};

    /// Text of the element that carries `data-testid="id"`, tags inside it removed.
    fn text_of(html: &str, id: &str) -> Option<String> {
        let at = html.find(&format!("data-testid=\"{id}\""))?;
        let open = at + html[at..].find('>')? + 1;
        let tag_start = html[..at].rfind('<')? + 1;
        let tag: String = html[tag_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let close = open + html[open..].find(&format!("</{tag}>"))?;
        let mut text = String::new();
        let mut in_tag = false;
        for c in html[open..close].chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        Some(text)
    }

    #[test]
    fn the_default_view_shows_the_default_careers_title_and_estimate() {
        let html = default_view();
        let career = career::current().expect("the compiled-in career decodes");
        assert_eq!(
            text_of(&html, "widget-title").as_deref(),
            Some(career.pack.title.as_str())
        );
        let inputs = default_inputs(career).expect("the nation is published");
        let estimate = estimator::estimate(career, inputs).expect("a national estimate");
        assert_eq!(
            text_of(&html, "estimate-annual"),
            Some(EnUs.money(estimate.annual)),
            "the estimate a reader sees before the wasm runs is the one it computes"
        );
    }

    #[test]
    fn every_chart_is_a_labelled_canvas_before_it_is_painted() {
        let html = default_view();
        let canvases: Vec<&str> = html
            .match_indices("<canvas")
            .map(|(at, _)| &html[at..at + html[at..].find('>').expect("a closed tag")])
            .collect();
        assert!(
            canvases.len() >= 7,
            "the default view's charts: {}",
            canvases.len()
        );
        for canvas in canvases {
            assert!(
                canvas.contains("data-testid=\"chart-")
                    && canvas.contains("aria-label=\"")
                    && !canvas.contains("aria-label=\"\""),
                "a chart a screen reader can read before it is drawn: {canvas}"
            );
        }
    }

    #[test]
    fn every_chart_is_drawn_for_a_phone_and_a_desktop_until_its_canvas_is_painted() {
        let html = default_view();
        let canvases: Vec<usize> = html.match_indices("<canvas").map(|(at, _)| at).collect();
        assert!(canvases.len() >= 7, "{}", canvases.len());
        for at in canvases {
            let after = &html[at + html[at..].find("</canvas>").expect("closed") + 9..];
            assert!(
                after.starts_with("<svg class=\"cpw-svg cpw-svg-narrow\" viewBox=\"0 0 348 ")
                    && after
                        .contains("</svg><svg class=\"cpw-svg cpw-svg-wide\" viewBox=\"0 0 896 "),
                "{}",
                &after[..after.len().min(200)]
            );
        }
        let career = career::current().expect("the compiled-in career decodes");
        let inputs = default_inputs(career).expect("the nation is published");
        let estimate = estimator::estimate(career, inputs).expect("a national estimate");
        let distribution = &html[html
            .find("data-testid=\"chart-distribution\"")
            .expect("the distribution")..];
        let drawing = &distribution[..distribution.find("</svg>").expect("a drawing")];
        assert!(
            drawing.contains(&format!(
                ">Your estimate {}</text>",
                EnUs.money(estimate.annual)
            )),
            "the drawing marks the estimate the result card shows: {drawing}"
        );
        let css = charts_css();
        assert!(css.contains("@container (max-width:599.99px){.cpw-svg-wide{display:none}}"));
        assert!(css.contains("@container (min-width:600px){.cpw-svg-narrow{display:none}}"));
    }

    #[test]
    fn each_select_keeps_only_its_chosen_option() {
        let html = default_view();
        let at = html
            .find("data-testid=\"input-industry\"")
            .expect("the industry select");
        let select = &html[at..at + html[at..].find("</select>").expect("closed")];
        assert_eq!(select.matches("<option").count(), 1, "{select}");
        assert!(select.contains("selected") && select.contains(">All industries</option>"));
        assert!(!select.contains("<optgroup"), "no empty groups: {select}");
        let trimmed = super::only_chosen_options(
            "<p>a</p><select id=\"s\"><option value=\"1\">One</option><optgroup label=\"G\">\
             <option value=\"2\" selected=\"selected\">Two</option></optgroup></select><p>b</p>",
        );
        assert_eq!(
            trimmed,
            "<p>a</p><select id=\"s\"><option value=\"2\" selected=\"selected\">Two</option>\
             </select><p>b</p>"
        );
    }

    #[test]
    fn the_default_view_has_no_script_and_no_notice() {
        let html = default_view();
        assert!(!html.contains("<script"), "markup only");
        assert_eq!(text_of(&html, "notices").as_deref(), Some(""));
    }

    #[test]
    fn steps_and_slopes_become_few_pieces_that_reproduce_every_sample() {
        let samples: Vec<(u32, f64)> = (200..=400)
            .map(|w| {
                let h = if w < 300 {
                    100.0 + 0.5 * f64::from(w)
                } else if w < 350 {
                    240.0
                } else {
                    200.0
                };
                (w, h.round())
            })
            .collect();
        let pieces = affine_pieces(&samples);
        assert_eq!(pieces.len(), 3, "{pieces:?}");
        assert_eq!(
            pieces[2],
            Piece {
                from: 350,
                to: 400,
                slope: 0.0,
                offset: 200.0
            }
        );
        for (w, h) in samples {
            let piece = pieces
                .iter()
                .find(|p| p.from <= w && w <= p.to)
                .expect("covered");
            assert!(
                (piece.slope * f64::from(w) + piece.offset - h).abs() <= TOLERANCE_PX,
                "{w}"
            );
        }
    }

    #[test]
    fn every_prerendered_chart_gets_its_height_at_every_plot_width() {
        let html = default_view();
        let css = charts_css();
        for (canvas, _) in html.match_indices("<canvas") {
            let at = canvas
                + html[canvas..]
                    .find("data-testid=\"chart-")
                    .expect("a chart");
            let id: String = html[at + 19..].chars().take_while(|c| *c != '"').collect();
            let rules: Vec<(u32, u32)> = css
                .match_indices(&format!("[data-testid=chart-{id}]"))
                .map(|(r, _)| {
                    let query = &css[..r];
                    let query = &query[query.rfind("@container").expect("in a query")..];
                    let px = |key: &str| -> u32 {
                        let from = query.find(key).expect(key) + key.len();
                        query[from..]
                            .chars()
                            .take_while(char::is_ascii_digit)
                            .collect::<String>()
                            .parse()
                            .expect("px")
                    };
                    (px("min-width:"), px("max-width:"))
                })
                .collect();
            assert_eq!(
                rules.first().map(|r| r.0),
                Some(*PLOT_WIDTHS.start()),
                "{id}: {rules:?}"
            );
            assert_eq!(rules.last().map(|r| r.1), Some(*PLOT_WIDTHS.end()), "{id}");
            assert!(
                rules.windows(2).all(|p| p[1].0 == p[0].1 + 1),
                "{id}: no gap: {rules:?}"
            );
        }
    }
}
