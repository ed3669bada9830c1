//! Dragging the years slider changes figures, not the page's layout: a reader watching the
//! charts while moving the slider end to end sees them stay where they are (a result card that
//! grows by a line as the years' words change would move every chart below it).

use e2e::{open_widget, wait_chart_drawn, with_widget, BrowserOptions, Page, Result};
use serde_json::Value;
use thirtyfour::Key;

/// Every figure's top edge, in page coordinates.
async fn figure_tops(page: &Page) -> Result<Vec<f64>> {
    let tops: Value = page
        .eval(
            "return [...document.querySelectorAll('.cpw-live .cpw-figure, .cpw-live .cpw-section')]\
               .map((f) => f.getBoundingClientRect().top + scrollY);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(tops)?)
}

async fn years_never_move_the_charts(options: BrowserOptions) {
    with_widget(&options, |page, server| async move {
        open_widget(&page, server, "?place=NJ&years=0").await?;
        wait_chart_drawn(&page).await?;
        let before = figure_tops(&page).await?;
        assert!(before.len() >= 7, "{before:?}");
        let years = page.find("[data-testid=input-years]").await?;
        for step in 1..=30 {
            page.press(&years, Key::Right).await?;
            let now = figure_tops(&page).await?;
            let moved: Vec<f64> = now.iter().zip(&before).map(|(a, b)| a - b).collect();
            assert!(
                moved.iter().all(|d| d.abs() < 0.5),
                "at {step} years the charts moved by {moved:?} px"
            );
        }
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn the_years_slider_moves_no_chart_on_a_desktop() {
    years_never_move_the_charts(BrowserOptions::default()).await;
}

#[tokio::test]
async fn the_years_slider_moves_no_chart_on_a_phone() {
    years_never_move_the_charts(BrowserOptions::default().size(360, 740)).await;
}
