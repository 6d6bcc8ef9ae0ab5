//! One article rendered for reading: its label, title, section headings and paragraphs.

use crate::analysis::clean::{self, BlockKind};
use crate::analysis::knowledge::Knowledge;
use crate::corpus::SourceText;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct ArticleViewProps {
    pub source: SourceText,
}

#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let source = &props.source;
    let known_title = (!source.title_derived).then_some(source.title.as_str());
    let cleaned = clean::clean(&source.text, known_title, &Knowledge::embedded().furniture);
    let heading_id = format!("title-{}", source.id);
    html! {
        <article class="article" aria-labelledby={heading_id.clone()} data-source={source.id.clone()}>
            <p class="source-label">{ &source.label }</p>
            <h2 id={heading_id}>
                { &source.title }
                if source.title_derived {
                    <span class="derived" title="The article has no title; this one was derived">{ " (derived title)" }</span>
                }
            </h2>
            for block in cleaned.blocks.iter() {
                if block.kind == BlockKind::Heading {
                    <h3>{ cleaned.block_text(block) }</h3>
                } else {
                    <p>{ cleaned.block_text(block) }</p>
                }
            }
        </article>
    }
}
