"""Sentence splitting keeps offsets and does not break at abbreviations."""

import pytest

from dashboard.extract.sentences import split_sentences

EXAMPLES = [
    # Plain sentence ends.
    ("Five died. Ten were hurt.", ["Five died.", "Ten were hurt."]),
    ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
    # Abbreviations and initials do not end a sentence.
    ("The U.S. Army said 5 died. Mr. Lee agreed.", ["The U.S. Army said 5 died.", "Mr. Lee agreed."]),
    ("On Dec. 19 the toll rose. It was 12.", ["On Dec. 19 the toll rose.", "It was 12."]),
    ("Gen. J. Smith spoke.", ["Gen. J. Smith spoke."]),
    # Decimal numbers are not sentence ends.
    ("Inflation hit 3.5 percent. Prices rose.", ["Inflation hit 3.5 percent.", "Prices rose."]),
    # Closing quotes stay with their sentence; an opening quote starts the next.
    ("'At least 100 died,' Lee said. \"Ten more.\" He left.", ["'At least 100 died,' Lee said.", "\"Ten more.\"", "He left."]),
    ("He said: “It was 5.” Then he left.", ["He said: “It was 5.”", "Then he left."]),
    # A sentence may start with a digit.
    ("It ended. 300 troops left.", ["It ended.", "300 troops left."]),
    # Lines are paragraphs; blank lines and padding are dropped.
    ("Headline\n\n  First para.  \nSecond para", ["Headline", "First para.", "Second para"]),
    # Lower-case continuation is not a new sentence.
    ("It cost $5 vs. $10 a day.", ["It cost $5 vs. $10 a day."]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", EXAMPLES)
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


def test_spans_are_ordered_and_disjoint():
    text = "A. B c. D!\nE? F"
    spans = split_sentences(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
