//! What every component needs to speak to the reader: the language and the number formatter.

use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use std::rc::Rc;

/// Shared through a Yew context.
#[derive(Clone)]
pub struct Ui {
    pub lang: Lang,
    pub fmt: Rc<dyn NumberFormat>,
}

impl PartialEq for Ui {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && Rc::ptr_eq(&self.fmt, &other.fmt)
    }
}

impl Default for Ui {
    fn default() -> Self {
        Ui::for_lang(Lang::En)
    }
}

/// The [`Ui`] from the nearest context, or the default outside one.
#[yew::hook]
pub fn use_ui() -> Ui {
    yew::use_context::<Ui>().unwrap_or_default()
}

impl Ui {
    /// The page's language and numbers formatted for it: US English by the widget's own rules,
    /// whatever the browser's locale (an English page with German digit grouping would mix two
    /// languages). Not `Intl.NumberFormat`: building the first one initialises the browser's ICU
    /// data, measured at 35 ms of the first view's longest task (140 ms on a 4× slower CPU).
    pub fn for_lang(lang: Lang) -> Ui {
        let fmt: Rc<dyn NumberFormat> = match lang {
            Lang::En => Rc::new(crate::format::EnUs),
            Lang::Es => Rc::new(crate::format::EsUs),
        };
        Ui { lang, fmt }
    }

    pub fn t(&self, id: Msg) -> &'static str {
        self.lang.text(id)
    }

    pub fn f(&self, id: Msg, args: &[&str]) -> String {
        self.lang.fill(id, args)
    }
}
