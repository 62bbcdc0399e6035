"""Who claims each figure: passage + figure → speaker, role, cue, quote type and hedging.

Each row gives a short passage written for the project, the figure as written (its first
occurrence is used), and the expected `Attribution` fields. The spans are passed explicitly, so
these tests do not depend on the quantities finder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.extract.attribution import Attribution, attribute
from dashboard.extract.sentences import split_sentences
from dashboard.models import QuoteKind

D, I, N = QuoteKind.direct, QuoteKind.indirect, QuoteKind.none


@dataclass(frozen=True)
class Example:
    text: str
    figure: str
    attributed_to: str | None
    speaker_role: str | None = None
    cue: str | None = None
    quote: QuoteKind = N
    hedged: bool = False


# Reporting verbs in several tenses, source before the cue.
CUES = [
    Example("Maria Lopez said 40 people were hurt.", "40", "Maria Lopez", None, "said", I),
    Example("Maria Lopez says 40 people were hurt.", "40", "Maria Lopez", None, "says", I),
    Example("Port officials have told reporters that 12 ships were stuck.", "12", "Port officials",
            None, "told", I),
    Example("The mayor warned that 300 homes could flood.", "300", "The mayor", None, "warned", I,
            True),
    Example("Ahmed Karimi disclosed that 7 staff had resigned.", "7", "Ahmed Karimi", None,
            "disclosed", I),
    Example("The ministry has also noted that 55 schools reopened.", "55", "The ministry", None,
            "noted", I),
    Example("Health officials estimated that 2,000 people fell ill.", "2,000", "Health officials",
            None, "estimated", I, True),
    Example("The mayor hailed the 14 new buses.", "14", "The mayor", None, "hailed", I),
]

# Source after the cue: "according to X", inverted "…, said X", "was quoted as saying".
INVERTED = [
    Example("Exports fell 8 percent, according to the Trade Ministry.", "8 percent",
            "the Trade Ministry", None, "according to", I),
    Example("According to a Reuters tally, 61 boats sank.", "61", "a Reuters tally", None,
            "according to", I),
    # "according to" in brackets governs the brackets only
    Example("Turnout was high in Iowa (93 percent, according to exit polls), Ohio (79 percent) "
            "and Utah.", "93 percent", "exit polls", None, "according to", I),
    Example("Turnout was high in Iowa (93 percent, according to exit polls), Ohio (79 percent) "
            "and Utah.", "79 percent", None),
    Example("Prices rose 3 percent last year, said Anna Berg, an economist at Nordbank.",
            "3 percent", "Anna Berg", "economist at Nordbank", "said", I),
    Example("Tom Reyes was quoted as saying that 90 jobs would go.", "90", "Tom Reyes", None,
            "quoted as saying", I, True),
]

# Documents and possessives as sources: reports, polls, "X's estimate", "in a statement".
DOCUMENTS = [
    Example("A U.N. report found that 4 million children lacked food.", "4 million",
            "A U.N. report", None, "found", I),
    Example("A poll released Sunday shows the mayor at 41 percent.", "41 percent",
            "A poll released Sunday", None, "shows", I),
    Example("A Harbor Institute poll last week showed the mayor at 41 percent.", "41 percent",
            "A Harbor Institute poll last week", None, "showed", I),
    Example("A Gallup survey of mayors, who run most cities, found that 60 percent agreed.",
            "60 percent", "A Gallup survey of mayors", None, "found", I),
    Example("A 2014 study that appeared in the Royal Medical Journal found that half of the "
            "claims were false.", "half", "A 2014 study", None, "found", I),
    Example("By the Red Cross's estimate, 900 families lost their homes.", "900", "Red Cross",
            None, "estimate", I, True),
    Example("In a statement, the airline said 14 flights were cancelled.", "14", "the airline",
            None, "said", I),
    Example("In a statement, Gov. Rick Scott blasted the council and said 26 schools had "
            "closed.", "26", "Rick Scott", "Gov.", "said", I),
    Example("In a Gallup poll, 38 percent backed the plan.", "38 percent", "Gallup poll", None,
            "in", I),
    Example("The latest Gallup poll has the mayor at 41 percent.", "41 percent",
            "The latest Gallup poll", None, "has", I),
    Example("The mayor has 41 staff.", "41", None),
    # "in a poll" inside a noun phrase frames nothing
    Example("Forty percent of the people in the poll blamed the council for the floods.",
            "Forty percent", None),
]

# Whole source spans as written, with roles from titles and appositives.
SPANS_AND_ROLES = [
    Example("U.S. military officials said 20 drones were shot down.", "20",
            "U.S. military officials", None, "said", I),
    Example("A spokesperson for Chile's foreign ministry said 6 envoys were recalled.", "6",
            "A spokesperson for Chile's foreign ministry", None, "said", I),
    Example("Veteran Danish pollster Karen Holm predicted a 5-point swing.", "5",
            "Karen Holm", "Veteran Danish pollster", "predicted", I, True),
    Example("Jon Park, a fire captain in Busan, said 18 firefighters were hurt.", "18", "Jon Park",
            "fire captain in Busan", "said", I),
    Example("Gov. Ellen Marsh said the state hired 250 nurses.", "250", "Ellen Marsh", "Gov.",
            "said", I),
    Example("After the fire, the Smiths' lawyer said 3 houses burned.", "3",
            "the Smiths' lawyer", None, "said", I),
    Example("Harry Bond, 30, of Raleigh, who was polled, said 5 friends agreed.", "5",
            "Harry Bond", None, "said", I),
    Example("And on Friday, Ana Ruiz, the head of the port, said 9 cranes were idle.", "9",
            "Ana Ruiz", "head of the port", "said", I),
    # a conjunction before a name is no role
    Example("Police arrived, and Mr. Tom Reyes said 4 cars burned.", "4", "Tom Reyes", None,
            "said", I),
]

# Canonical speakers: surname → fullest name, acronym → expansion, pronoun → earlier speaker.
CANONICAL = [
    Example("Finance minister Rosa Ferreira said talks went on. Later, Ferreira said 3 banks "
            "would merge.", "3", "Rosa Ferreira", "Finance minister", "said", I, True),
    Example("The Federal Aviation Office (FAO) grounded the fleet. The FAO said 17 jets had "
            "cracks.", "17", "Federal Aviation Office (FAO)", None, "said", I),
    Example("Paul Okafor, the coach, said he was proud. He said 11 players were injured.",
            "11", "Paul Okafor", "coach", "said", I),
    Example("Ms. Dana Whitfield met the press. She said 8 suspects were held.", "8",
            "Dana Whitfield", None, "said", I),
    # a pronoun with no speaker in its paragraph or the two before stays as written
    Example("Ana Ruiz spoke first.\nThe port is old.\nIt has cranes.\nShips wait.\nHe said 6 "
            "ships sank.", "6", "He", None, "said", I),
    Example("Union leaders warned of a walkout. They said 600 workers would strike.", "600",
            "Union leaders", None, "said", I, True),
    # a pronoun with no named speaker before it takes the subject of an earlier sentence
    Example("Tom Reyes spoke about Ana Ruiz.\n“We lost 30 boats,” he said.", "30", "Tom Reyes",
            None, "said", D),
    # and a person of the pronoun's gender, from an honorific or a common first name
    Example("Tom Reyes spoke first. Anna Berg said the port was busy.\n“We lost 30 boats,” he "
            "said.", "30", "Tom Reyes", None, "said", D),
    # a single name is the surname of a full name before it is the first name of another
    Example("Ted Cruz spoke first. Fans of Cruz Control cheered. Cruz said 40 buses came.", "40",
            "Ted Cruz", None, "said", I),
    # the antecedent and the role may be in sentences that hold no figure, before or after
    Example("Mayor Ana Ruiz said the port was old.\nCranes rusted.\nShe said 6 ships sank.",
            "6", "Ana Ruiz", "Mayor", "said", I),
    Example("Ferreira said 3 banks would merge. Rosa Ferreira, the finance minister, said talks "
            "went on.", "3", "Rosa Ferreira", "finance minister", "said", I, True),
]

# Quotations: straight and curly, double and single, over paragraphs, mixed, neighbouring cue.
QUOTES = [
    Example('"We lost 30 trucks," said Omar Haddad.', "30", "Omar Haddad", None, "said", D),
    Example("“We lost 30 trucks,” Omar Haddad said.", "30", "Omar Haddad", None, "said", D),
    Example("“Taxes go up. We lost 30 trucks,” says a narrator.", "30", "a narrator", None,
            "says", D),
    Example("'We lost 30 trucks,' Haddad told the BBC.", "30", "Haddad", None, "told", D),
    Example("‘We lost 30 trucks,’ Haddad told the BBC.", "30", "Haddad", None, "told", D),
    Example("Omar Haddad said the convoy lost “at least 30 trucks” on the road.", "at least 30",
            "Omar Haddad", None, "said", D),
    Example("Omar Haddad told reporters: \n“We lost 30 trucks in one night.",
            "30", "Omar Haddad", None, "told", D),
    Example("Lina Sato described the storm.\n“The first wave hit at dawn,” she said. “By noon "
            "it had destroyed 70 houses.”", "70", "Lina Sato", None, "said", D),
    Example("“The river rose fast,” said Lina Sato.\n“We saw 12 cars swept away.\n“Nobody "
            "expected it,” she added.", "12", "Lina Sato", None, "added", D),
]

# Speaker labels and colon introductions: transcripts, "Name: “…”", a label after a headline.
LABELS = [
    Example("WALLACE: Where were you?\nPENCE: I was home.\nWALLACE: Were there 40 guests at "
            "the dinner that night?", "40", "WALLACE", None, ":", I),
    Example("More from Ana Ruiz: “We counted 40 boats in the harbour.”", "40", "Ana Ruiz", None,
            ":", D),
    Example("TURNOUT WAS LOW - Ana Ruiz: “Only 12 voters came before noon.”", "12", "Ana Ruiz",
            None, ":", D),
    Example("Q: How many came?\nA: About 300 came, and more waited outside.", "About 300", None),
    # a sentence that ends in a colon introduces the quotation after it: its subject speaks
    Example("On Monday, Ana Ruiz made the following comment:\n“We lost 30 boats in one night.”",
            "30", "Ana Ruiz", None, ":", D),
    Example("Among the votes:\n“We lost 30 boats in one night.”", "30", None),
    Example("Ruiz: 547.\nLopez: 46.", "547", None),
]

# Which part of a sentence a cue governs: listeners of "told", time phrases, shares of people.
CONTENT = [
    Example("Ana Ruiz told 300 supporters in Lima that the port would reopen.", "300", None),
    Example("Ana Ruiz told reporters that 12 boats sank.", "12", "Ana Ruiz", None, "told", I),
    Example("Ana Ruiz told the Daily Post she had counted 40 boats.", "40", "Ana Ruiz", None,
            "told", I),
    Example("Ana Ruiz said on Friday 12 boats sank.", "12", "Ana Ruiz", None, "said", I),
    Example("The budget office said about half of the cuts were made.", "about half",
            "The budget office", None, "said", I),
    Example("Tom Reyes earlier Thursday said 75 witnesses testified.", "75", "Tom Reyes", None,
            "said", I),
    Example("“We won,” Ana Ruiz said, emphasizing those last 2 words.", "2", None),
    Example("In a Gallup poll, 38 percent of voters said they backed the plan.", "38 percent",
            "Gallup poll", None, "in", I),
    Example("As Ana Ruiz said, the 2 parties must talk.", "2", "Ana Ruiz", None, "said", I),
    # nested reports belong to the outer source
    Example("The watchdog noted that the agency said 40 files were lost.", "40", "The watchdog",
            None, "noted", I),
]

# Several speakers, and a person writing for an outlet.
SEVERAL = [
    Example("Blumenthal and Cohen said 6 polls were wrong.", "6", "Blumenthal and Cohen", None,
            "said", I),
    Example("“Only 9 percent changed their minds,” wrote Cameron Easley for Morning Consult.",
            "9 percent", "Cameron Easley", None, "wrote", D),
]

# Cross-sentence attribution: the next sentence points back at the figure.
CROSS_SENTENCE = [
    Example("More than 200 miners are trapped. Senator Ana Ruiz delivered this grim figure "
            "on Friday.", "More than 200", "Ana Ruiz", "Senator", "delivered", I),
    Example("Some 40 villages were evacuated. Regional governor Ivan Petrov gave these numbers "
            "to reporters.", "40", "Ivan Petrov", "Regional governor", "gave", I),
]

# The article's own voice stays unattributed, including numbers inside the source phrase
# and ages in appositives.
OWN_VOICE = [
    Example("The bridge, built in 1931, carries 40,000 cars a day.", "40,000", None),
    Example("Three economists said the bank would cut rates.", "Three", None),
    Example("Rescuers reached the village after 6 hours.", "6", None),
    Example("“It was chaos,” said Ms. Samour, 56, who runs a bakery.", "56", None),
    Example("Harry Bond, 30, of Raleigh, who was polled, said 5 friends agreed.", "30", None),
    Example("The company, which employs 500 people, said profits fell.", "500", None),
    Example("The strike lasted 3 weeks. Workers returned on Monday.", "3", None),
    # when a source spoke is the reporter's ("said two days after the storm")
    Example("“We will rebuild,” she said two days after the storm.", "two", None),
    # a clause after the cue is no inverted source
    Example("Three in five insiders — and half of the donors — said that despite the surge in "
            "Iowa, Reyes would win.", "half", None),
]

# Hedging: forecasts, estimates, possibilities, conditionals, unverified figures; not plans,
# pledges or targets, and not "about" alone.
HEDGING = [
    Example("Deaths may soar to 500, the agency said.", "500", "the agency", None, "said", I,
            True),
    Example("The harvest could fall by 20 percent.", "20 percent", None, hedged=True),
    Example("Sales are expected to reach $4 billion.", "$4 billion", None, hedged=True),
    Example("If the dam breaks, 9,000 people would be at risk.", "9,000", None, hedged=True),
    Example("Officials said 80 people died, a figure that could not be independently verified.",
            "80", "Officials", None, "said", I, True),
    Example("Analysts projected growth of 5% next year.", "5%", "Analysts", None, "projected", I,
            True),
    Example("The ministry estimated that 2,000 homes were damaged.", "2,000", "The ministry", None,
            "estimated", I, True),
    Example("The toll is projected to reach 400, officials said.", "400", "officials", None,
            "said", I, True),
    Example("About 300 people attended the rally.", "About 300", None, hedged=False),
    Example("The city plans to plant 10,000 trees.", "10,000", "The city", None, "plans", I),
]

ALL = CUES + INVERTED + DOCUMENTS + SPANS_AND_ROLES + CANONICAL + QUOTES + LABELS + CONTENT
ALL += SEVERAL + CROSS_SENTENCE + OWN_VOICE + HEDGING


@pytest.mark.parametrize("example", ALL, ids=lambda e: f"{e.figure}|{e.text[:40]}")
def test_attribution(example: Example) -> None:
    start = example.text.index(example.figure)
    [got] = attribute(example.text, [(start, start + len(example.figure))])
    expected = Attribution(example.attributed_to, example.speaker_role, example.cue,
                           example.quote, example.hedged)
    assert got == expected


ARTICLE = (
    Path(__file__).resolve().parent.parent / "data/articles/north-korean-troops-2024-12-19.txt"
)

# The bundled article's five acceptance figures (issue 3), by their text in the article.
ARTICLE_FIGURES = [
    ("over 100", Attribution("Lee Sung-kwon", "South Korean legislator", "delivered", I, False)),
    ("thousands of troops", Attribution()),
    ("at least 100", Attribution("Lee Sung-kwon", "South Korean legislator", "emphasized", D)),
    ("nearly 1,000", Attribution("South Korea’s National Intelligence Service (NIS)", None,
                                 "predicted", I, True)),
    ("several hundred", Attribution("U.S. military officials", None, "noted", D)),
]


def test_bundled_article() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    spans = [(text.index(f), text.index(f) + len(f)) for f, _ in ARTICLE_FIGURES]
    assert attribute(text, spans) == [expected for _, expected in ARTICLE_FIGURES]


def test_one_attribution_per_span_in_order() -> None:
    text = "Ana Ruiz said 5 boats and 6 planes were lost. The port has 40 cranes."
    spans = [(text.index(f), text.index(f) + len(f)) for f in ("5", "6", "40")]
    got = attribute(text, spans)
    assert [a.attributed_to for a in got] == ["Ana Ruiz", "Ana Ruiz", None]
    assert attribute(text, []) == []
    assert attribute(text, spans, split_sentences(text)) == got
