//! The rendered preview: Markdown to HTML, then sanitized, because a draft
//! is untrusted input. Scripts, event handlers, `javascript:` links, frames,
//! forms and styles never survive; remote images are not loaded (their `src`
//! is dropped and the alt text shown instead).

use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;

pub fn render_preview(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    sanitizer().clean(&raw).to_string()
}

fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            // Only images embedded in the draft itself may load.
            ("img", "src") if !value.starts_with("data:image/") => None,
            _ => Some(value.into()),
        });
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown() {
        let html = render_preview("# Title\n\nSome *emphasis* and a [link](https://example.com).\n");
        assert!(html.contains("<h1>Title</h1>"));
        assert!(html.contains("<em>emphasis</em>"));
        assert!(html.contains(r#"href="https://example.com""#));
        assert!(html.contains("noopener"));
    }

    #[test]
    fn strips_every_way_of_running_or_loading_something() {
        let hostile = concat!(
            "<script>window.canary = 1</script>\n\n",
            "<img src=x onerror=\"window.canary = 2\">\n\n",
            "[click](javascript:window.canary=3)\n\n",
            "<iframe src=\"https://evil.example\"></iframe>\n\n",
            "<a href=\"#\" onclick=\"window.canary=4\">x</a>\n\n",
            "![remote](https://tracker.example/pixel.png)\n\n",
            "<svg onload=\"window.canary=5\"></svg>\n\n",
            "<form action=\"https://evil.example\"><input></form>\n\n",
            "<style>body{display:none}</style>\n\n",
            "<object data=\"x\"></object><embed src=\"x\">\n",
        );
        let html = render_preview(hostile).to_lowercase();
        for banned in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "onclick",
            "tracker.example",
            "onload",
            "<form",
            "<style",
            "<object",
            "<embed",
            "canary",
        ] {
            assert!(!html.contains(banned), "{banned} survived in {html}");
        }
        assert!(html.contains("alt=\"remote\""));
    }
}
