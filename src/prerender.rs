//! The widget's default view as HTML, rendered natively by Yew's server renderer, so a page can
//! be read before its wasm has loaded. Only the default view (no query): any other URL asks for
//! other figures, and a page must never show those wrong, even briefly.

/// The default view: the markup of the widget's first render in a browser with no query (the
/// charts as their sized, labelled canvases, painted once the wasm runs).
pub fn default_view() -> String {
    let renderer = yew::LocalServerRenderer::<crate::app::App>::new().hydratable(false);
    // Nothing in the widget suspends or waits, so the render completes in one poll.
    futures::executor::block_on(renderer.render())
}

#[cfg(test)]
mod tests {
    use super::default_view;
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
    fn the_default_view_has_no_script_and_no_notice() {
        let html = default_view();
        assert!(!html.contains("<script"), "markup only");
        assert_eq!(text_of(&html, "notices").as_deref(), Some(""));
    }
}
