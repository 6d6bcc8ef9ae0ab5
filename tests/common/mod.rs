//! What the integration tests share.

/// Asserts that `actual` equals the snapshot committed at `path`, `what` it holds.
/// With `PARALLAX_BLESS` set it first writes `actual` there: after a deliberate
/// change, `PARALLAX_BLESS=1 cargo test --test <test>` regenerates it for review.
pub fn assert_snapshot(path: &str, actual: &str, what: &str, test: &str) {
    if std::env::var_os("PARALLAX_BLESS").is_some() {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("write {path}: {e}"));
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path} exists: {e}"));
    assert!(actual == expected, "{what} changed: review it, then run PARALLAX_BLESS=1 cargo test --test {test}");
}
