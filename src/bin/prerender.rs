//! Prints the widget's default view as HTML (`cargo run --bin prerender`): what a page shows
//! before its wasm has loaded. See `career_pay_widget::prerender`.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    print!("{}", career_pay_widget::prerender::default_view());
}
