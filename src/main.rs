//! Browser entry point: mounts the widget.

fn main() {}
