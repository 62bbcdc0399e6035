"""Articles in, claims out: the extraction step of the pipeline.

`extract_claims(article)` is pure: sentence spans, the figures of each sentence, who claims them
and what kind of figure each is, assembled into `Claim` rows with stable ids.
"""

from __future__ import annotations

from dashboard.extract.attribution import attribute
from dashboard.extract.categories import categorize
from dashboard.extract.quantities import Quantity, find_quantities
from dashboard.extract.sentences import split_sentences
from dashboard.models import Article, Claim, make_claim_id

__all__ = ["extract_claims"]


def _figures(
    text: str, sentences: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], Quantity]]:
    """Each sentence span with the quantities found in it (offsets still sentence-relative)."""
    found = []
    for span in sentences:
        for quantity in find_quantities(text[span[0] : span[1]]):
            found.append((span, quantity))
    return found


def extract_claims(article: Article) -> list[Claim]:
    """Return one Claim per figure in the article, in reading order."""
    text = article.text
    sentences = split_sentences(text)
    figures = _figures(text, sentences)
    spans = [(s + q.start, s + q.end) for (s, _), q in figures]
    attributions = attribute(text, spans, sentences)
    article_id = article.article_id
    claims = []
    for ((sent_start, sent_end), quantity), (start, end), who in zip(
        figures, spans, attributions, strict=True
    ):
        sentence = text[sent_start:sent_end]
        claims.append(
            Claim(
                claim_id=make_claim_id(article_id, start, end),
                article_id=article_id,
                outlet=article.outlet,
                published=article.published,
                title=article.title,
                url=article.url,
                author=article.author,
                mention=quantity.mention,
                value=quantity.value,
                low=quantity.low,
                high=quantity.high,
                qualifier=quantity.qualifier,
                qualifier_text=quantity.qualifier_text,
                unit=quantity.unit,
                counted=quantity.counted,
                category=categorize(
                    quantity.unit, quantity.counted, sentence, quantity.start, quantity.end
                ),
                change=quantity.change,
                attributed_to=who.attributed_to,
                speaker_role=who.speaker_role,
                attribution_cue=who.cue,
                quote=who.quote,
                hedged=who.hedged,
                sentence=sentence,
                char_start=start,
                char_end=end,
            )
        )
    return claims
