//! Prints the widget's default view as HTML (`cargo run --bin prerender`), or with `--css` the
//! stylesheet that gives its charts their heights: what a page shows before its wasm has loaded.
//! `cargo xtask post-build` writes both into release builds. See `career_pay_widget::prerender`.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use career_pay_widget::prerender;
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args.as_slice() {
            [] => print!("{}", prerender::default_view()),
            [flag] if flag == "--css" => print!("{}", prerender::charts_css()),
            _ => {
                eprintln!("usage: prerender [--css]");
                std::process::exit(2);
            }
        }
    }
}
