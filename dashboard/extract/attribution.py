"""Who claims each figure: speaker, role, cue, quote type and hedging.

`attribute(text, spans)` is the one public function: given the article body and the character
spans of its figures, it returns one `Attribution` per span, in the same order. Pure and
model-free: cues, source nouns, titles, hedges and function words come from lexicon files.

How it reads an article:

1. Each sentence's *frames*: a cue ("said", "according to", "a report found") with its source
   phrase, found left of the cue ("Lee emphasized"), right of it ("…, said Lee", "according to
   the NIS"), before an appositive or relative clause ("Lee, a legislator, said", "officials,
   who noted"), or a document framing the sentence ("In a CNN poll, …", "the NIS's estimate").
   Each frame knows which part of the sentence it governs ("As Lee said, …", "…, Lee said.",
   "Lee told 300 supporters that …"). Figures inside the source phrase are the reporter's own
   voice ("three economists said", "Ms. Samour, 56, said").
2. Quotations (`quotes.find_quotes`) belong to a speaker label ("WALLACE: …", "Carl Bialik:
   “…”"), else to the frame next to them: in the same sentence, the sentence after or before in
   the paragraph, or the previous paragraph for a quotation that runs on; the figure is then a
   `direct` quote, or to the subject of a sentence ending in a colon just before it ("Sanders
   made the following comment:").
3. Figures outside quotes belong to the frame of their sentence whose content holds them (a
   poll over its respondents), to the subject of the next sentence when it points back at them
   ("X delivered this statistic"), or to an introduction ending in a colon before them.
4. Names are canonical (`speakers.Speakers`): surname → fullest name, acronym → expansion,
   pronoun → nearest earlier speaker of a compatible kind and gender (from an honorific or a
   common first name) within two paragraphs, else the nearest person who opens a sentence
   there (else the pronoun as written: no guessing); the role is the first one the article
   gives the speaker.
5. `hedged` comes from hedge words in the figure's clause, a hedging cue ("predicted") or a
   sentence that flags its figures as unverified.

Frames are read lazily, sentence by sentence: most sentences hold no figure, and the others'
frames matter only as a pronoun's antecedents (the sentences in its reach) or a speaker's role
(the sentences where its name may get one), which are read when a figure needs them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from dashboard.extract.lexicon import load_json, load_words
from dashboard.extract.quotes import Quote, find_quotes
from dashboard.extract.sentences import split_sentences
from dashboard.extract.speakers import Speakers, is_organisation, may_carry_role
from dashboard.extract.wordtrie import trie_pattern
from dashboard.models import QuoteKind


@dataclass(frozen=True)
class Attribution:
    """Who the article says claims a figure; `attributed_to` None is the article's own voice."""

    attributed_to: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    quote: QuoteKind = QuoteKind.none
    hedged: bool = False


def _alternation(words: frozenset[str]) -> str:
    """A regex alternation of the words, longest first, any whitespace inside a phrase."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return "|".join(escaped)


def _any_of(words: frozenset[str]) -> str:
    """The same words as `_alternation`, shaped as a trie: much faster to scan for, but which
    of two overlapping phrases matches may differ ("may" or "may be"), so only for yes/no tests
    and for single whole words (where at most one can match)."""
    return trie_pattern(words).replace(r"\ ", r"\s+")


_CUES = load_words("cues.txt")
_HEDGES = load_words("hedges.txt")
_SOURCE_NOUNS = load_words("source_nouns.txt")
_DOCUMENTS = load_words("documents.txt")
_MODIFIERS = load_words("speech_modifiers.txt")
_TIMES = frozenset(w for w in load_words("time_words.txt") if not w.startswith("after:"))
_TIME_INTROS = frozenset(w[6:] for w in load_words("time_words.txt") if w.startswith("after:"))
_ANAPHORIC = load_words("anaphoric_figures.txt")
_NAME_STOPWORDS = load_words("name_stopwords.txt")
_PRONOUNS = dict(line.split() for line in load_words("pronouns.txt"))
_FIRST_NAMES = dict(line.split() for line in load_words("first_names.txt"))
_WORDS = load_json("attribution_words.json")


def _words(key: str) -> str:
    """A regex alternation of one word list of attribution_words.json."""
    return _alternation(frozenset(_WORDS[key]))


_CUE_WORD = re.compile(rf"\b(?:{trie_pattern({c.split()[0] for c in _CUES})}|According)\b")
# cue phrases by first word, longest first: "pointed" → ["pointed out", "pointed to"]
_CUE_PHRASES: dict[str, list[re.Pattern[str]]] = {}
for _cue in sorted(_CUES, key=len, reverse=True):
    _CUE_PHRASES.setdefault(_cue.split()[0], []).append(
        re.compile(r"\s+".join(map(re.escape, _cue.split())) + r"\b", re.IGNORECASE)
    )
_HEDGE_RE = re.compile(rf"\b(?:{_any_of(_HEDGES)})\b")
_UNVERIFIED_RE = re.compile(
    rf"\b(?:{_any_of(load_words('unverified.txt'))})\b", re.IGNORECASE
)
_HEDGING_CUES = frozenset(w for w in _CUES if _HEDGE_RE.fullmatch(w))
# verbs that put the source after them in inverted order: "…, said Lee." / "…, says the report."
_INVERTING = re.compile(rf"(?:{_words('inverting_cues')})$", re.IGNORECASE)
_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "hers": "she"}
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms)\.?\s+$")
_CARRY_SENTENCES = 6  # sentences that a frame ending in a colon carries on over
_NOT_CONTENT = re.compile(
    r"\s*(?:[,;:—–-]|(?:in|at|on|during|after|before|with|from|into|of|while|as|when)\b)"
)
_LABEL = re.compile(r"[\"“]?\s*([A-Z][A-Za-z.’'-]*(?: [A-Z][A-Za-z.’'-]*){0,3}):\s")
_PARTY = re.compile(r"\s*\([A-Z][A-Za-z.-]{0,12}\)\s*$")
_LABEL_START = re.compile(r"(?m)(?:^\s*|[-–—]\s*)$")
_COLON_BEFORE = re.compile(r"(:)\s*$")
_COMMA_CLAUSE = re.compile(r"\s*,\s+(?![a-z]+ing\b|and\b|but\b|who\b|which\b)[\w“\"‘']")
# a full stop that ends a sentence, not an initial or a title ("J.", "Mr.", "St.")
_FULL_STOP = (
    r"(?:\.(?<![A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!Mrs\.)(?<!\bJr\.)|[!?])"
)
_INNER_END = re.compile(rf"{_FULL_STOP}['\"’”]*\s+(?=['\"‘“]*[A-Z])")
_SHARE = re.compile(
    rf"\d\s*(?:%|percent|per cent|in\s+\d)|\b(?i:{_words('share_nouns')})\s+of\b|"
    r"\bin\s+(?:10|ten|five)\b"
)
_OPENER = re.compile(rf"(?:{_words('sentence_openers')})\s+")
_TIME_PHRASE = rf"(?:{'|'.join(sorted(_TIME_INTROS))})\s+(?i:{'|'.join(sorted(_TIMES))})\b"
_TIME_AFTER = re.compile(rf"\s+{_TIME_PHRASE}(?!\s*[,.;])")
_DOC_TIME = re.compile(rf"\s+(?:out\s+)?{_TIME_PHRASE}")
_WHEN_AFTER = re.compile(
    r"\s+[\w-]+\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:after|later|ago|before|earlier)\b"
)
_TELL = re.compile(rf"(?:{_words('tell_cues')})$", re.IGNORECASE)
_HEDGE_STOP = re.compile(r"[,;:.]|\b(?:that|who|which)\b")  # a hedge beyond is another clause's
_VERB_BEFORE = re.compile(r"(\S+)\s+$")
_THAT = re.compile(r"\bthat\b")
_SUBJECT_PRONOUN = re.compile(r"(?<=[a-z0-9] )(?:he|she|they|it|we|I|there)(?:[’']\w+)?\s+[a-z]")
_TO = re.compile(r"\s*to\b")
_PRONOUN_PARAGRAPHS = 2  # paragraphs back that a pronoun may reach for its antecedent
_BE = frozenset(_WORDS["be"])
_DOCUMENT_VERB = re.compile(rf"\b(?:{_words('document_verbs')})\b")
_DOC_IN = re.compile(rf"\b(?i:{_any_of(_DOCUMENTS)})\b")  # (yes/no tests only)
_DOC_NOUN_RE = re.compile(rf"(?:{_any_of(_DOCUMENTS)})$", re.IGNORECASE)  # (yes/no tests only)
# "X's estimate": a possessive source before a document noun
_POSSESSIVE_DOC = re.compile(
    rf"((?:[A-Z][\w.&-]*\s+){{0,5}}[A-Z][\w.&-]*)[’']s\s+(?:(?:latest|new|own|final|initial|"
    rf"official|preliminary|recent|first|updated)\s+)?({_alternation(_DOCUMENTS)})\b"
)
# "In a statement, …" / "In a CNN poll, …": the document frames the sentence
_IN_DOC = re.compile(
    rf"\b[Ii]n\s+(?:an?|the|this|these|its|his|her|their|our)\s+"
    rf"((?:[\w.’'&/-]+\s+){{0,5}}?(?i:{_alternation(_DOCUMENTS)}))\b"
)
_ANAPHORA = re.compile(
    rf"\b(?:this|these|those)\s+(?:[a-z-]+\s+){{0,2}}?(?:{_alternation(_ANAPHORIC)})\b"
)
# what ends a source phrase on its left: punctuation, quote marks, a clause opener, or an "and"
# that joins clauses (not names: "Blumenthal and Cohen")
_BOUNDARY = re.compile(
    r"[,;:()\[\]—–]|\s-{1,2}\s|(?<![A-Za-z])['’‘\"“”]|['’‘\"“”](?![A-Za-z])(?<!s'|s’)|"
    rf"\band\b(?!\s+[A-Z])|\b(?:{_any_of(frozenset(_WORDS['clause_openers']))})\b"
)
_RELATIVE = frozenset(_WORDS["relatives"])
_CLAUSE_OPENERS = frozenset(_WORDS["clause_openers"])
_WORD = re.compile(r"\S+")
_ACRONYM_PAREN = re.compile(r"\s*\([A-Z][A-Za-z.&]{1,8}\)")
_DETERMINER = re.compile(rf"(?:{_words('determiners')})$", re.IGNORECASE)
_NP_LINK = re.compile(rf"(?:{_words('np_links')})$")
# ", a fire captain in Busan," after a source: its role, without the article
_APPOSITIVE_ROLE = re.compile(r",\s*(?:an?|the)\s+([^,;:.“”\"()]{2,80}?)\s*(?=,|\.?$|;)")
# the rest of a name, then an appositive: "Lee Sung-kwon, a legislator,"
_APPOSITIVE_AFTER = re.compile(r"[^\s,]*(?:\s+[A-Z(][^\s,]*){0,4},\s*(?:an?|the)\s")
_POSSESSIVE_AFTER = re.compile(r"[^\s,]*[’']s?\s")
_ROLE_REACH = 120  # characters before a name that its source phrase may take
_CUE_WORDS = frozenset(c for c in _CUES if " " not in c)
_APPOSITIVE_START = re.compile(rf"\s*(?:{_words('appositive_starts')})\b", re.IGNORECASE)
_MAX_SOURCE_WORDS = 16
_PREPOSITIONS = frozenset(_WORDS["prepositions"])
_CLAUSE_END = re.compile(rf"[,;:(]|\s[-–—]|{_FULL_STOP}(?=\s|$)|\s(?:who|which|that|whose)\s")
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
_VERB_LIKE = re.compile(r"(?:ed|ing|ly)$")


@dataclass
class _Frame:
    """A source phrase and its cue in one sentence, and the spans of content they govern."""

    source: tuple[int, int]
    cue: tuple[int, int]
    cue_word: str
    speaker: str
    role: str | None
    zone: tuple[int, int]  # the source with its appositives and the cue: the reporter's words
    content: list[tuple[int, int]] = field(default_factory=list)
    pronoun: bool = False  # `speaker` is a pronoun as written, resolved when the frame is used

    def covers(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.content)

    def in_source(self, start: int, end: int) -> bool:
        return self.zone[0] <= start and end <= self.zone[1]


def _is_source_word(word: str) -> bool:
    """A word that can head a source phrase: a name, a pronoun or a source noun."""
    bare = word.rstrip(".,;:")
    if bare.endswith(("’s", "'s")):
        bare = bare[:-2]
    if not bare:
        return False
    if bare.lower() in _PRONOUNS and bare.lower() not in ("her", "him"):
        return True
    if bare.lower() in _SOURCE_NOUNS:
        return True
    return bare[0].isupper() and not bare.isdigit() or bool(_ACRONYM_PAREN.fullmatch(" " + bare))


def _valid_source(phrase: str) -> bool:
    """A phrase that can be a source: ends in a name, pronoun or source noun ("her friend" too),
    holds no verb-like or cue word, and does not start with a preposition. A document ("a poll
    released Wednesday", "a survey conducted by X") may carry participles and end in a date."""
    words = (_ACRONYM_PAREN.sub("", phrase) if "(" in phrase else phrase).split()
    lowered = [w.lower().strip(",") for w in words]
    document = any(w in _DOCUMENTS for w in lowered)
    longest = 3 * _MAX_SOURCE_WORDS // 2 if document else _MAX_SOURCE_WORDS
    if not words or len(words) > longest or words[-1].endswith(("’s", "'s")):
        return False
    if len(words) == 1 and lowered[0] in _NAME_STOPWORDS and lowered[0] not in _PRONOUNS:
        return False  # "The said …", "But said …"
    if len(words) == 1 and lowered[0].endswith("ing"):
        return False  # "Arriving in Ohio, …": a participle, not a name
    if len(words) > 1:
        if lowered[0] in _PREPOSITIONS or lowered[0] in _MODIFIERS or (
            lowered[0] in _CLAUSE_OPENERS
        ):
            return False  # "in Iowa …", "have run the numbers", "that despite the surge"
        # participles may modify a document, a name or a source noun ("leading economists")
        modified = document or lowered[-1] in _SOURCE_NOUNS or (
            words[-1][0].isupper() and len(words) <= 6
        )
        if words[0].islower() and _VERB_LIKE.search(words[0]) and (
            not modified or lowered[1] in _PREPOSITIONS
        ):
            return False  # "appeared in the Journal", "appeared in the British Medical Journal"
        for w, low in zip(words, lowered):
            if low in _PRONOUNS and low not in _POSSESSIVE_PRONOUNS:
                return False
            if low in _SOURCE_NOUNS:
                continue
            participle = _VERB_LIKE.search(w)  # "a poll released Sunday" may hold a cue word
            if w.islower() and (low in _CUES and not (document and participle) or
                                not modified and participle):
                return False
    if _is_source_word(words[-1]) or document and words[-1].isalnum():
        return True
    head = 1 if _DETERMINER.match(words[0]) else 0
    if len(words) > head + 1 and lowered[head] in _SOURCE_NOUNS and len(words) <= 8:
        return True  # the head noun first: "people familiar with the talks"
    # "her friend said", "the fund predicted": a determiner and a few lower-case words
    determined = _DETERMINER.match(words[0]) or words[0].endswith(("’s", "'s", "s'", "s’"))
    return (len(words) <= 4 and bool(determined) and words[-1].isalpha()
            and words[-1].islower() and not _VERB_LIKE.search(words[-1]))


class _Reader:
    """One article's sentences, quotations, names and frames."""

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.sentences = split_sentences(text) if sentences is None else sentences
        self.sentence_starts = [s for s, _ in self.sentences]
        self.quotes = find_quotes(text)
        self.quote_starts = [q.start for q in self.quotes]
        self.quote_groups: dict[int, list[Quote]] = {}  # a quotation's pieces over paragraphs
        for quote in self.quotes:
            self.quote_groups.setdefault(quote.group, []).append(quote)
        self.roles: dict[str, tuple[int, str]] = {}  # speaker → (offset, role) of its first role
        self.roles_complete: set[str] = set()  # speakers whose every sentence has its frames
        self.history: list[tuple[int, str, str]] = []  # (offset, speaker, kind), by offset
        self.genders: dict[str, str | None] = {}
        self.pointers: dict[int, _Frame | None] = {}
        self.labels: dict[int, _Frame | None] = {}
        self.unverified: dict[int, bool] = {}
        self._cues: dict[int, list[tuple[int, int]]] = {}
        self._frames: dict[int, list[_Frame]] = {}

    @cached_property
    def speakers(self) -> Speakers:
        return Speakers(self.text)

    def cues(self, i: int) -> list[tuple[int, int]]:
        """The cue spans of sentence `i`."""
        if i not in self._cues:
            self._cues[i] = _find_cues(self.text, *self.sentences[i])
        return self._cues[i]

    def frames(self, i: int) -> list[_Frame]:
        """The frames of sentence `i`, read on first use."""
        if i not in self._frames:
            self._frames[i] = self._sentence_frames(i)
        return self._frames[i]

    # -- positions ---------------------------------------------------------------------------

    def quote_at(self, pos: int) -> Quote | None:
        i = bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sentence_starts, pos) - 1)

    def paragraph_of(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    # -- frames ------------------------------------------------------------------------------

    def _sentence_frames(self, i: int) -> list[_Frame]:
        start, end = self.sentences[i]
        frames = []
        cues = self.cues(i)
        for k, (c_start, c_end) in enumerate(cues):
            if self.quote_at(c_start):
                continue
            if k + 1 < len(cues) and not self.text[c_end : cues[k + 1][0]].strip():
                continue  # a noun before the verb: "the report said", "estimates show"
            frame = self._frame_for_cue(start, end, c_start, c_end)
            if frame:
                frames.append(frame)
        # a cue inside another frame's source is a modifier: "a poll [released] Sunday shows"
        frames = [f for f in frames if not any(g.source[0] < f.cue[0] < g.source[1] for g in frames)]
        frames.extend(self._document_frames(start, end, frames))
        for m in _DOCUMENT_VERB.finditer(self.text, start, end) if not frames else ():
            frame = self._frame_for_cue(start, end, m.start(), m.end())
            if frame and _DOC_IN.search(self.text, frame.source[0], frame.source[1]):
                frames.append(frame)  # "Wednesday's Quinnipiac poll has Clinton at 46 percent"
                break
        return frames

    def _frame_for_cue(self, s_start: int, s_end: int, c_start: int, c_end: int) -> _Frame | None:
        text = self.text
        cue = " ".join(text[c_start:c_end].split())
        if cue.lower().startswith("according"):
            paren = text.rfind("(", s_start, c_start)
            if paren >= 0 and text.find(")", paren, c_start) < 0:  # "(93 percent, according to
                close = text.find(")", c_end, s_end)                # exit polls)": its brackets
                src = self._whole_phrase(c_end, close if close >= 0 else s_end)
                content = [(paren + 1, c_start)]
            else:
                src = self._whole_phrase(c_end, s_end)
                content = [(s_start, c_start), (src[1], s_end)] if src else []
            if not src:
                return None
            return self._make_frame(src, (c_start, c_end), cue, content, (c_start, src[1]))
        left_end, passive = self._skip_modifiers(s_start, c_start)
        if passive and not cue.lower().startswith("quoted") and not cue.endswith("ing"):
            return None
        word_before = text[s_start:left_end].rsplit(None, 1)[-1:] or [""]
        if _DETERMINER.fullmatch(word_before[0]) or word_before[0].endswith(("’s", "'s")):
            return None  # a noun: "the report", "Trump's plan"
        if cue.endswith("ing") and text[s_start:c_start].rstrip().endswith(","):
            src = self._right_source(s_start, c_start)  # "He …, saying …": the subject
        else:
            src = self._left_source(s_start, left_end)
            time = _DOC_TIME.match(text, src[1], c_start) if src else None
            if time and _DOC_NOUN_RE.search(text, src[0], src[1]):
                src = (src[0], time.end())  # "a WBUR poll last week showed": the poll's date
        if src:
            content = []
            after = _content_after(text, cue, c_end, s_end)
            if after < s_end:
                content.append((after, s_end))
            if after == s_end or _is_clause_final(text[c_end:s_end]):
                content.append((_content_before(text, s_start, src[0]), src[0]))
            role = _APPOSITIVE_ROLE.match(text, src[1], c_start)
            return self._make_frame(src, (c_start, c_end), cue, content, (src[0], c_end), role)
        if _INVERTING.search(cue) and self._inversion_allowed(s_start, c_start):
            src = self._right_source(c_end, s_end)
            if src:
                zone_end = _appositive_end(text, src[1], s_end)
                role = _APPOSITIVE_ROLE.match(text, src[1], s_end)
                content = [(_content_before(text, s_start, c_start), c_start)]
                return self._make_frame(src, (c_start, c_end), cue, content,
                                        (c_start, zone_end), role)
        return None

    def _skip_modifiers(self, lo: int, end: int) -> tuple[int, bool]:
        """Move left over auxiliaries and adverbs ("has also", "was quoted as"); flag passives."""
        passive = False
        while True:
            head = self.text[lo:end].rstrip()
            word = head[head.rfind(" ") + 1 :].lower()
            if word and (word in _MODIFIERS or word.endswith("ly") and word.isalpha()):
                passive = passive or word in _BE
                end = lo + len(head) - len(word)
                continue
            words = head.rsplit(None, 2)[-2:]
            if len(words) == 2 and words[1].lower() in _TIMES and words[0].lower() in _TIME_INTROS:
                end = lo + len(head) - len(words[1])  # "earlier Thursday": skip both words
                end = lo + len(self.text[lo:end].rstrip()) - len(words[0])
                continue
            return end, passive

    def _left_source(self, lo: int, end: int) -> tuple[int, int] | None:
        """The source phrase that ends at `end`: back to the previous clause boundary, or past
        an appositive or relative clause to the phrase it describes."""
        text = self.text
        end = lo + len(text[lo:end].rstrip())
        masked = text[lo:end]  # an acronym's brackets are no boundary: "Service (NIS)"
        if "(" in masked:  # (a quick test: the pattern starts with \s*, slow to scan for)
            masked = _ACRONYM_PAREN.sub(lambda m: "_" * len(m.group()), masked)
        last = None
        for last in _BOUNDARY.finditer(masked):
            pass
        if last is None:
            return self._checked(lo, end)
        mark = last.group().lower()
        if last.end() == end - lo:  # "…officials, who noted" / "Lee, a legislator, said"
            if mark in _RELATIVE or mark == ",":
                return self._appositive_head(lo, lo + last.start(), mark in _RELATIVE)
            if mark in ("and", "but"):  # "TheBlaze did the math, and found": the subject
                subject = self._subject_start(lo, lo + last.start()) or lo
                return self._right_source(subject, lo + last.start())
            return None
        found = self._checked(lo + last.end(), end)
        if found:
            return found
        if mark in _RELATIVE or mark == "that":  # "A study that appeared in X found"
            return self._appositive_head(lo, lo + last.start(), True)
        if mark in ("and", "but"):  # "Scott … and on Monday announced": the sentence's subject
            subject = self._subject_start(lo, lo + last.start()) or lo
            return self._right_source(subject, lo + last.start())
        return None

    def _checked(self, start: int, end: int) -> tuple[int, int] | None:
        while start < end and self.text[start].isspace():
            start += 1
        opener = _OPENER.match(self.text, start, end)  # "And surveys of …"
        if opener:
            start = opener.end()
        return (start, end) if _valid_source(self.text[start:end]) else None

    def _appositive_head(self, lo: int, end: int, relative: bool) -> tuple[int, int] | None:
        """For "Lee, a legislator, said" / "officials, who noted": the phrase before the
        appositive(s) or relative clause that ends at `end`."""
        segment = self.text[lo:end].rstrip(" ,")
        for _ in range(5):
            comma = segment.rfind(",")
            if comma < 0 or not (
                _APPOSITIVE_START.match(segment, comma + 1)
                or _short_appositive(segment[comma + 1 :], segment[:comma])
            ):
                break
            segment = segment[:comma].rstrip()
            relative = True
        if not relative:
            return None
        return self._trailing_noun_phrase(lo, lo + len(segment.rstrip()))

    def _trailing_noun_phrase(self, lo: int, end: int) -> tuple[int, int] | None:
        """The noun phrase that ends at `end`: capitalised words, source nouns, determiners and
        linking words ("a spokesperson for North Korea's foreign ministry")."""
        text = self.text
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, end)]
        start = None
        for i in range(len(words) - 1, -1, -1):
            s, _, w = words[i]
            bare = w.strip("“”\"‘’()")
            if w != bare or re.search(r"[,;:]$", w) and i != len(words) - 1:
                break
            if _is_source_word(w) or _DETERMINER.match(w) or re.fullmatch(r"[A-Z][\w.]*", w):
                start = s
                continue
            if _NP_LINK.match(w) and i > 0 and _is_source_word(words[i - 1][2]):
                start = s
                continue
            if w.islower() and re.fullmatch(r"[a-z-]+", w) and i == len(words) - 1:
                start = s  # the head noun last: "a survey of superdelegates"
                continue
            if (w.islower() and re.fullmatch(r"[a-z-]+", w) or w.isdigit()) and i > 0 and (
                _DETERMINER.match(words[i - 1][2]) or _is_source_word(words[i - 1][2])
            ):
                start = s  # a modifier: "U.S. military officials", "the foreign ministry"
                continue  # or a year: "a 2014 study"
            break
        if start is None:
            return None
        while start < end and _NP_LINK.match(text[start:end].split()[0]):
            start = text.index(" ", start) + 1
        phrase = text[start:end]
        return (start, end) if _valid_source(phrase) else None

    def _right_source(self, start: int, s_end: int) -> tuple[int, int] | None:
        """The source phrase right after a cue ("according to the NIS", "said Lee")."""
        text = self.text
        end = start
        last_ok = None
        count = 0
        for m in _WORD.finditer(text, start, s_end):
            w = m.group()
            core = w.rstrip(".,;:!?”\"’)")
            if not core:
                break
            if count == 0 and w.startswith(("“", '"', "‘")):
                break
            stop = core != w and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", w)
            acronym = _ACRONYM_PAREN.fullmatch(" " + core)
            if _is_source_word(core) or _DETERMINER.match(core) or acronym:
                end = m.start() + len(core)
                if _is_source_word(core):
                    last_ok = end
            elif _NP_LINK.match(core) and count and not stop:
                end = m.end()
            elif re.fullmatch(r"[a-z0-9/-]+", core) and (count == 0 or not _VERB_LIKE.search(core)
                                                         or _is_source_word(_peek(text, m.end()))):
                end = m.end()  # a modifier inside the phrase: "the foreign ministry"
            else:
                break
            count += 1
            if stop or count > _MAX_SOURCE_WORDS:
                if stop and last_ok is None and core.isalpha() and core.islower():
                    last_ok = m.start() + len(core)  # "…,” says a narrator.": checked below
                break
        if last_ok is None:
            return None
        while start < last_ok and text[start].isspace():
            start += 1
        end = last_ok
        paren = _ACRONYM_PAREN.match(text, end)
        if paren:
            end = paren.end()
        return (start, end) if _valid_source(text[start:end]) else None

    def _whole_phrase(self, start: int, s_end: int) -> tuple[int, int] | None:
        """The source after "according to", as written, to the end of its clause ("a national
        Gallup Poll taken last week")."""
        m = _CLAUSE_END.search(self.text, start, s_end)
        end = m.start() if m else s_end
        end = start + len(self.text[start:end].rstrip(" .!?"))
        while start < end and self.text[start].isspace():
            start += 1
        words = self.text[start:end].split()
        if not words or len(words) > 2 * _MAX_SOURCE_WORDS:
            return self._right_source(start, s_end)
        return (start, end)

    def _inversion_allowed(self, lo: int, c_start: int) -> bool:
        """"…, said X" / "“…,” said X": the cue follows a comma or a quote, or opens the
        sentence."""
        before = self.text[lo:c_start].rstrip()
        return not before or before[-1] in ",”\"’'—–:"

    def _document_frames(self, start: int, end: int, found: list[_Frame]) -> list[_Frame]:
        """Documents framing a sentence: "X's estimate", "in a statement", "In a CNN poll"."""
        frames = []
        taken = [(f.source[0], f.cue[1]) for f in found]
        sentence = self.text[start:end]
        possessive = "’s " in sentence or "'s " in sentence
        for m in _POSSESSIVE_DOC.finditer(self.text, start, end) if possessive else ():
            if any(a <= m.start() < b for a, b in taken) or self.quote_at(m.start()):
                continue
            content = [(start, m.start()), (m.end(), end)]
            source = m.span(1)
            if m.group(1).split()[-1].lower() in _NAME_STOPWORDS:  # "Monday's poll"
                source = (m.start(1), m.end(2))
            frames.append(self._make_frame(source, m.span(2), m.group(2), content))
        # "X said in a statement": the speaker is the source; "In a poll, 8 percent said": the poll
        speakers = [f for f in found if not self._counts(f)]
        for m in _IN_DOC.finditer(self.text, start, end) if not speakers and not frames else ():
            if any(a <= m.start() < b for a, b in taken) or self.quote_at(m.start()):
                continue
            if not self._framing(start, m.start(), m.end(1), end):
                continue  # "people in the poll held …": a noun's modifier, not a frame
            source = self._whole_phrase(m.start(1), end) or m.span(1)
            if source[1] < m.end(1):
                source = m.span(1)
            content = [(start, m.start()), (source[1], end)]
            frames.append(self._make_frame(source, (m.start(), m.start(1)), "in", content))
            break
        return frames

    def _framing(self, s_start: int, start: int, end: int, s_end: int) -> bool:
        """Whether a phrase "in a poll" between `start` and `end` frames its sentence: it opens
        the sentence or a clause, or closes one."""
        before = self.text[s_start:start].rstrip()
        after = self.text[end:s_end].lstrip()
        return not before or before[-1] in ",;:—–(" or not after or after[0] in ",.;:)—–"

    def _make_frame(self, source: tuple[int, int], cue: tuple[int, int], cue_word: str,
                    content: list[tuple[int, int]], zone: tuple[int, int] | None = None,
                    appositive: re.Match[str] | None = None) -> _Frame:
        phrase = self.text[source[0] : source[1]].strip()
        zone = zone or (min(source[0], cue[0]), max(source[1], cue[1]))
        cue_word = " ".join(cue_word.lower().split())
        if phrase.lower() in _PRONOUNS:
            return _Frame(source, cue, cue_word, phrase, None, zone, content, pronoun=True)
        role = appositive.group(1) if appositive else None
        speaker, role = self._resolve(phrase, source[0], role)
        return _Frame(source, cue, cue_word, speaker, role, zone, content)

    # -- names -------------------------------------------------------------------------------

    def _resolve(self, phrase: str, pos: int, role: str | None = None) -> tuple[str, str | None]:
        """Canonical speaker and role of a source phrase that is no pronoun (`role` from an
        appositive); remembers the speaker at `pos` for pronouns and its first role."""
        speaker, title = self.speakers.canonical(phrase)
        role = title or role
        if role and (speaker not in self.roles or pos < self.roles[speaker][0]):
            self.roles[speaker] = (pos, role)
        insort(self.history, (pos, speaker, self._kind(speaker)))
        return speaker, role

    def _speaker(self, frame: _Frame) -> tuple[str, str | None]:
        """The frame's speaker and role: a pronoun resolved to its antecedent (else kept as
        written); the role from the frame, else the first role the article gives the speaker."""
        if frame.pronoun:
            bare = frame.speaker.lower()
            found = self._antecedent(_PRONOUNS[bare], bare, frame.source[0])
            frame.speaker = found or frame.speaker
            frame.pronoun = False
        if frame.role or frame.speaker.lower() in _PRONOUNS:
            return frame.speaker, frame.role
        return frame.speaker, self._role(frame.speaker)

    def _role(self, speaker: str) -> str | None:
        """The first role the article gives `speaker`: reads, in order, the frames of the
        sentences that may name it until one gives it a role. A source phrase holds its speaker
        whole, or an acronym in its brackets, or one part of a person's full name."""
        if speaker not in self.roles_complete:
            self.roles_complete.add(speaker)
            words = speaker.split()
            keys = {words[-1].strip("()")}
            if speaker in self.speakers.person_names:
                keys.add(words[0])
            naming = set()
            for key in keys:
                at = self.text.find(key)
                while at >= 0:
                    if self._may_describe(at):
                        naming.add(self.sentence_index(at))
                    at = self.text.find(key, at + 1)
            for i in sorted(naming):
                self.frames(i)
                if self.roles.get(speaker, (len(self.text),))[0] < self.sentences[i][1]:
                    break  # no later sentence gives an earlier role
        found = self.roles.get(speaker)
        return found[1] if found else None

    def _may_describe(self, at: int) -> bool:
        """Whether the sentence of a name at `at` may give it a role: an appositive after it
        (", a legislator,") or a title or description before it in its phrase."""
        s_start, s_end = self.sentences[self.sentence_index(at)]
        if _APPOSITIVE_AFTER.match(self.text, at, s_end):
            return True
        if not self.text[at].isupper() or _POSSESSIVE_AFTER.match(self.text, at, s_end):
            return False  # a title makes a role for a name only, and a name ends no phrase in 's
        lo = max(s_start, at - _ROLE_REACH)
        words = self.text[lo:at].split()
        if lo > s_start and words:
            words = words[1:]  # a word cut in two
        return may_carry_role(words[::-1], _CUE_WORDS) or lo > s_start and not words

    def _antecedent(self, kind: str, pronoun: str, pos: int) -> str | None:
        """What a pronoun at `pos` refers to: for he/she a person named earlier in its sentence;
        else the nearest earlier speaker of its kind (and gender) in its paragraph or the two
        before; else, for he/she, the nearest person named there outside quotes. None: keep the
        pronoun as written."""
        gender = _GENDER.get(pronoun)
        reach = self.paragraph_of(pos)[0]
        for _ in range(_PRONOUN_PARAGRAPHS):  # back to the start of the paragraph(s) before
            reach = self.paragraph_of(reach - 2)[0] if reach > 1 else 0
        if kind == "person":
            named = self._person_before(pos, self.sentences[self.sentence_index(pos)][0], gender)
            if named:
                return named
        for i in range(self.sentence_index(reach), self.sentence_index(pos)):
            self.frames(i)  # the speakers named in reach
        for k in range(bisect_left(self.history, (pos,)) - 1, -1, -1):
            offset, name, name_kind = self.history[k]
            if offset < reach:
                break
            compatible = name_kind == kind or kind == "person" and name_kind == "name"
            if compatible and self._gender(name) in (None, gender):
                return name
        return self._person_before(pos, reach, gender) if kind == "person" else None

    def _person_before(self, pos: int, reach: int, gender: str | None) -> str | None:
        """The nearest person named between `reach` and `pos`, outside quotes, of the gender:
        the subject of a sentence first ("Groberg spoke about Clinton. “…,” he said": Groberg)."""
        mentions = self.speakers.mentions
        nearest = None
        for k in range(bisect_right(mentions, (pos, "")) - 1, -1, -1):
            offset, name = mentions[k]
            if offset < reach:
                break
            if not self.quote_at(offset) and self._gender(name) in (None, gender):
                if self._opens_sentence(offset):
                    return name
                nearest = nearest or name
        return nearest

    def _opens_sentence(self, pos: int) -> bool:
        """Whether only titles and names come before `pos` in its sentence."""
        start = self.sentences[self.sentence_index(pos)][0]
        return all(w[0].isupper() for w in self.text[start:pos].split())

    def _kind(self, speaker: str) -> str:
        """What a pronoun must be to refer to this speaker: person, group or thing; "name" for
        a capitalised name that may be a person (only a pronoun of its known gender takes it)."""
        words = speaker.split()
        if _DOC_NOUN_RE.search(speaker):
            return "thing"
        if not words[-1][0].isupper():
            plural = words[-1].lower().endswith("s") or words[-1].lower() in _SOURCE_NOUNS
            return "group" if plural else "thing"
        if is_organisation(speaker):
            return "thing"
        known = self.speakers.person_names
        if speaker in known or len(words) == 1 and words[0] in self.speakers.full_names:
            return "person"
        return "name"

    def _gender(self, name: str) -> str | None:
        """"he" or "she" when the article gives the person an honorific ("Mr. Rubio"), else
        from a common first name ("Hillary Clinton"); pronouns near a name are too often
        someone else's to tell."""
        if name not in self.genders:
            words = name.split()
            surname = words[-1]
            found = None
            at = self.text.find(surname)
            while at >= 0 and found is None:
                honorific = _HONORIFIC.search(self.text, max(0, at - 5), at)
                if honorific:
                    found = "he" if honorific.group(1) == "Mr" else "she"
                at = self.text.find(surname, at + 1)
            if found is None and len(words) > 1:
                found = _FIRST_NAMES.get(words[0].lower())
            self.genders[name] = found
        return self.genders[name]

    # -- figures -----------------------------------------------------------------------------

    def quote_frame(self, quote: Quote) -> _Frame | None:
        """The frame that a quotation belongs to (see the module docstring, step 2)."""
        pieces = self.quote_groups[quote.group]
        first, last = pieces[0], pieces[-1]
        inside = range(self.sentence_index(first.start), self.sentence_index(last.end - 1) + 1)
        label = self.label_frame(first.start + 1)  # "“WALLACE: Do you …"
        if label:
            return label
        para_start, para_end = self.paragraph_of(first.start)
        colon = self._colon_speaker(para_start, first.start)
        if colon and _LABEL_START.search(self.text, para_start, colon.source[0]):
            return colon  # "HEADLINE - Carl Bialik: “…”": a label before the quote wins
        candidates = [f for i in inside for f in self.frames(i) if not self.quote_at(f.cue[0])]
        if candidates:
            return min(candidates, key=lambda f: _distance(f, first.start, last.end))
        if colon:  # "More from Smith: “…”", "Rep. Ann Lee (D-Ohio):“…”"
            return colon
        _, last_para_end = self.paragraph_of(last.start)
        after, before = inside[-1] + 1, inside[0] - 1
        if after < len(self.sentences) and self.sentences[after][0] < last_para_end:
            if self.frames(after):
                return self.frames(after)[0]
        if before >= 0 and self.sentences[before][1] > para_start and self.frames(before):
            return self.frames(before)[0]  # the main clause's, not one in a subordinate clause
        if not self.text[para_start : first.start].strip() and before >= 0:
            prev = self.frames(before)
            if prev:
                return prev[-1]
            return self._introduction(before)
        return None

    def _subject_start(self, start: int, end: int) -> int | None:
        """Where the subject of a clause starts: after an opening prepositional phrase ("On July
        6, Sanders …", "In a statement, Gov. Rick Scott …"); None when that phrase runs on."""
        if _peek(self.text, start).lower() in _PREPOSITIONS:
            comma = self.text.find(",", start, end)
            return comma + 1 if comma >= 0 else None
        return start

    def _introduction(self, j: int) -> _Frame | None:
        """The subject of a sentence that ends in a colon without a cue of its own ("On July 6,
        Sanders made the following comment:"), as the speaker of what follows it."""
        s_start, s_end = self.sentences[j]
        if self.text[s_end - 1] != ":" or self.frames(j):
            return None
        start = self._subject_start(s_start, s_end)
        src = self._right_source(start, s_end) if start is not None else None
        if not src:
            return None
        head = self.text[src[0] : src[1]].split()[-1]
        verb = _WORD.search(self.text, src[1], s_end - 1)
        if not verb or not verb.group().islower() or _DETERMINER.fullmatch(verb.group()) or not (
            head[0].isupper() and head.lower() not in _NAME_STOPWORDS
            or head.lower() in _SOURCE_NOUNS or head.lower() in _DOCUMENTS
        ):
            return None  # "Among the votes:", "Name: …"
        return self._make_frame(src, (s_end - 1, s_end), ":", [])

    def _colon_speaker(self, para_start: int, quote_start: int) -> _Frame | None:
        """The phrase before a colon that introduces a quotation, as its speaker."""
        colon = _COLON_BEFORE.search(self.text, para_start, quote_start)
        if not colon:
            return None
        party = _PARTY.search(self.text, para_start, colon.start())
        src = self._trailing_noun_phrase(para_start, party.start() if party else colon.start())
        return self._make_frame(src, colon.span(1), ":", []) if src else None

    def label_frame(self, pos: int) -> _Frame | None:
        """A speaker label opening the paragraph or quotation at `pos` ("WALLACE: …", "Stone:
        …"): a name used as a label twice or more in the article, or a known person's name."""
        if pos not in self.labels:
            self.labels[pos] = self._find_label(pos)
        return self.labels[pos]

    def _find_label(self, pos: int) -> _Frame | None:
        m = _LABEL.match(self.text, pos)
        if not m:
            return None
        name = m.group(1)
        rest = self.text[m.end() : self.paragraph_of(m.end())[1]].split()
        if len(name) < 2 or len(rest) < 4:
            return None  # "Q:"/"A:" in interviews, "Clinton: 547." in a tally
        repeated = len(re.findall(rf"(?m)^\W*{re.escape(name)}:", self.text)) > 1
        if not repeated and name not in self.speakers.full_names:
            return None
        return self._make_frame(m.span(1), (m.end(1), m.end(1) + 1), ":", [])

    def figure(self, start: int, end: int) -> Attribution:
        i = self.sentence_index(start)
        hedged = self._hedged(i, start, end)
        frames = [f for f in self.frames(i) if not f.in_source(start, end)]
        in_source = len(frames) < len(self.frames(i))
        quote = self.quote_at(start)
        if quote and not in_source:
            frame = self.quote_frame(quote)
            if frame:
                return self._attribution(frame, QuoteKind.direct, hedged)
        pointer = None if in_source else self._pointing_back(i)
        if pointer:
            return self._attribution(pointer, QuoteKind.indirect, hedged)
        holding = [f for f in frames if f.covers(start) and not self._counts(f)]
        if holding:
            # the outermost frame before the figure ("Watch noted Comey said 5 …": Watch), else
            # the first one after it ("…, the group said")
            frame = min(holding, key=lambda f: (f.cue[0] > start, f.cue[0]))
            return self._attribution(frame, QuoteKind.indirect, hedged)
        kind = QuoteKind.direct if quote else QuoteKind.indirect
        label = None if in_source else self.label_frame(self.paragraph_of(start)[0])
        if label and label.source[1] < start:
            return self._attribution(label, kind, hedged)
        carried = None if in_source or frames else self._carried(i)
        if carried:
            return self._attribution(carried, kind, hedged)
        return Attribution(hedged=hedged)

    def _carried(self, i: int) -> _Frame | None:
        """A frame that carries on over the next sentences: an introduction ending in a colon
        ("Soerens argued that:") over the paragraphs that follow it."""
        para_start = self.paragraph_of(self.sentences[i][0])[0]
        before = []  # the sentences back to the paragraph before, and whether each ends in ":"
        for j in range(i - 1, max(i - _CARRY_SENTENCES, 0) - 1, -1):
            s_end = self.sentences[j][1]
            before.append((j, self.text[s_end - 1] == ":"))
            if s_end < para_start and not before[-1][1]:
                break
        if not any(colon for _, colon in before):
            return None  # (spares reading their frames)
        for j, colon in before:
            if self.frames(j):
                return self.frames(j)[-1] if colon else None
        return None

    def _counts(self, frame: _Frame) -> bool:
        """True for a source that is a share of people ("37 percent of voters say"): respondents
        of a poll speak for their share only, which is the reporter's (or the poll's) figure."""
        return bool(_SHARE.search(self.text, frame.source[0], frame.source[1]))

    def _attribution(self, frame: _Frame, quote: QuoteKind, hedged: bool) -> Attribution:
        hedged = hedged or frame.cue_word.lower() in _HEDGING_CUES
        speaker, role = self._speaker(frame)
        return Attribution(speaker, role, frame.cue_word, quote, hedged)

    def _pointing_back(self, i: int) -> _Frame | None:
        """The next sentence's subject when it points back at this one's figures."""
        if i not in self.pointers:
            self.pointers[i] = self._find_pointer(i)
        return self.pointers[i]

    def _find_pointer(self, i: int) -> _Frame | None:
        if i + 1 >= len(self.sentences):
            return None
        n_start, n_end = self.sentences[i + 1]
        m = _ANAPHORA.search(self.text, n_start, n_end)
        if not m:
            return None
        verb = _VERB_BEFORE.search(self.text, n_start, m.start())
        if not verb or not verb.group(1).islower():
            return None
        src = self._left_source(n_start, verb.start(1))
        return self._make_frame(src, verb.span(1), verb.group(1), []) if src else None

    def _hedged(self, i: int, start: int, end: int) -> bool:
        s_start, s_end = self.sentences[i]
        before = self.text[s_start:start]
        cut = max(before.rfind(";"), before.rfind(":"))
        # "Three economists said … would …": the hedge after the next cue is not this figure's
        next_cue = next((c for c, _ in self.cues(i) if c >= end), s_end)
        after = self.text[end:next_cue]
        stop = _HEDGE_STOP.search(after)
        window = before[cut + 1 :] + " " + (after[: stop.start()] if stop else after)
        return bool(_HEDGE_RE.search(window)) or self._unverified(i)

    def _unverified(self, i: int) -> bool:
        """Whether sentence `i` flags its figures as unverified (once per sentence)."""
        if i not in self.unverified:
            self.unverified[i] = bool(_UNVERIFIED_RE.search(self.text, *self.sentences[i]))
        return self.unverified[i]


def _find_cues(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the cue phrases between `start` and `end` (lower case, or "According to")."""
    found: list[tuple[int, int]] = []
    for m in _CUE_WORD.finditer(text, start, end):
        if found and m.start() < found[-1][1]:
            continue  # inside the previous phrase: "quoted as [saying]"
        for phrase in _CUE_PHRASES[m.group().lower()]:
            hit = phrase.match(text, m.start(), end)
            if hit:
                found.append(hit.span())
                break
    return found


def _appositive_end(text: str, end: int, limit: int) -> int:
    """End of an appositive after an inverted source ("said Ms. Samour, 56, who …")."""
    m = re.match(r",\s*(?:[^,.;]{1,60}?)(?=[,.;]|$)", text[end:limit])
    return end + m.end() if m else end


def _peek(text: str, pos: int) -> str:
    """The word that starts after `pos` (for looking one word ahead)."""
    m = _WORD.search(text, pos)
    return m.group().rstrip(".,;:") if m else ""


def _short_appositive(appositive: str, before: str) -> bool:
    """"Jeff Weaver, Sanders' campaign manager," / "Salceda, citing data from X," / "Harry
    Bond, 30, of Raleigh,": a short phrase after a name or an age, or a participle phrase."""
    words = appositive.split()
    before = before.rstrip()
    if not words or not before or not (before[-1].isalnum() or before.endswith(")")):
        return False
    if words[0].endswith(("ing", "ed")) and words[0].islower():
        return True  # "citing data from X", "conducted by the Institute"
    if appositive.strip().isdigit() or words[0] == "of" and len(words) <= 4:
        return True  # an age, a home town
    last = before.split()[-1]
    if last.lower() in _TIMES:
        return False  # "On Tuesday, Kevin Brady, …": a name after a time phrase is no appositive
    return last[0].isupper() and len(words) <= 8 and not any(_VERB_LIKE.search(w) for w in words)


def _content_before(text: str, s_start: int, pos: int) -> int:
    """Where the content before a clause-final cue starts: the sentence start, or a sentence
    end the splitter missed ("… priorities. ''I dumped the guy,'' she said")."""
    inner = None
    for inner in _INNER_END.finditer(text, s_start, pos):
        pass
    return inner.end() if inner else s_start


def _content_after(text: str, cue: str, c_end: int, s_end: int) -> int:
    """Where the content after a cue starts: right after it, unless a comma, a preposition or
    a participle follows ("said to a crowd of 500", "said, emphasizing …"); then after a
    "that" close by, else nowhere (`s_end`)."""
    # "said on Friday he met …", "said two days after the attack, …"
    time = _TIME_AFTER.match(text, c_end, s_end) or _WHEN_AFTER.match(text, c_end, s_end)
    if time:
        c_end = time.end()
    if _COMMA_CLAUSE.match(text, c_end, s_end):  # "As Crane said, the two …"
        return text.index(",", c_end) + 1
    if _TELL.match(cue):  # "told supporters in Ohio, while 475 …": the listeners, no content
        that = _THAT.search(text, c_end, min(s_end, c_end + 80))
        if not that:  # "told the Post he had received …": the clause after the listeners
            that = _SUBJECT_PRONOUN.search(text, c_end, min(s_end, c_end + 60))
            return that.start() if that else s_end
        return that.end()
    if not _NOT_CONTENT.match(text, c_end, s_end) and not (
        _INVERTING.search(cue) and _TO.match(text, c_end, s_end)
    ):
        return c_end
    that = _THAT.search(text, c_end, min(s_end, c_end + 60))
    return that.end() if that else s_end


def _is_clause_final(after: str) -> bool:
    """True when little follows the cue, so the content is what came before ("…, X said.")."""
    after = after.strip()
    if not after or after.startswith((",", "—", "–", ";")) and "that" not in after.split()[:3]:
        return True
    words = after.split()
    return len(words) <= 5 and "that" not in words and not re.search(r"\d", after)


def _distance(frame: _Frame, start: int, end: int) -> int:
    lo, hi = min(frame.source[0], frame.cue[0]), max(frame.source[1], frame.cue[1])
    return max(lo - end, start - hi, 0)


def attribute(
    text: str,
    spans: Sequence[tuple[int, int]],
    sentences: list[tuple[int, int]] | None = None,
) -> list[Attribution]:
    """Return one Attribution per (start, end) span of `text`, in order. `sentences` are the
    text's `split_sentences` spans when the caller has them already."""
    if not spans:
        return []
    reader = _Reader(text, sentences)
    return [reader.figure(start, end) for start, end in spans]
