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
    /// US English without the browser; the app replaces it with the reader's locale.
    fn default() -> Self {
        Ui {
            lang: Lang::En,
            fmt: Rc::new(crate::format::EnUs),
        }
    }
}

/// The [`Ui`] from the nearest context, or the default outside one.
#[yew::hook]
pub fn use_ui() -> Ui {
    yew::use_context::<Ui>().unwrap_or_default()
}

impl Ui {
    pub fn t(&self, id: Msg) -> &'static str {
        self.lang.text(id)
    }

    pub fn f(&self, id: Msg, args: &[&str]) -> String {
        self.lang.fill(id, args)
    }
}
