//! Entry point of the web app: mounts [`parallax::app::App`]. Everything else lives in the library.

fn main() {
    parallax::app::start();
}
