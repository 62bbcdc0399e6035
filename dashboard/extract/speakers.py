"""Speaker names as the article writes them: split off titles, resolve short forms.

`Speakers(text)` indexes the article once: the multi-word names it uses and the acronyms it
expands ("National Intelligence Service (NIS)"). `canonical(phrase)` then turns a source phrase
into (name, role): "Lee" → "Lee Sung-kwon", "the NIS" → "National Intelligence Service (NIS)",
"South Korean legislator Lee Sung-kwon" → ("Lee Sung-kwon", "South Korean legislator").
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from dashboard.extract.lexicon import load_words

_TITLES = load_words("titles.txt")
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"})
_ORG_WORDS = load_words("org_words.txt") | load_words("places.txt")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_NAME_STOPWORDS = load_words("name_stopwords.txt")
_LINKS = frozenset({"for", "of", "at", "from", "with"})
_CONJUNCTIONS = frozenset({"and", "but", "or"})
_PHRASE_END = frozenset(",;:()\"“”‘’—–")  # marks that end a word at a phrase boundary
_PHRASE_START = frozenset("(\"“‘'—–")

_CAP = r"[A-Z][\w’'.&-]*"  # a capitalised word or an initial ("J.")
_NAME_RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:de|van|von|al|bin|du|da|la|le)[ \t]+)?{_CAP})+")
_SENTENCE_END_WORD = re.compile(r"[a-z]{3,}\.$")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&.]{1,8})\)")
# the capitalised words before "(NIS)", linked by of/for/and/on/the, read right to left
_EXPANSION = re.compile(rf"((?:{_CAP}\s+(?:(?:of|for|and|on|the)\s+)*){{0,7}}{_CAP})$")
_PIECE_END = re.compile(r"(?<=[a-z]{3}\.)\s+")  # a sentence end inside a run of names
_SINGLE_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[a-z][\w’'-]*")  # at a word start


def _key(word: str) -> str:
    word = word.lower()
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    return word.strip(".,;:")


def is_organisation(name: str) -> bool:
    """True when a capitalised name names an organisation, a place or a document, not a
    person."""
    return any(_key(w) in _ORG_WORDS for w in name.split()) or "(" in name


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[0].isupper()).upper()


class Speakers:
    """The names and acronyms of one article, for resolving short forms to the fullest form."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.acronyms: dict[str, str] = {}
        for m in _ACRONYM.finditer(text):
            end = m.start()
            while end and text[end - 1].isspace():
                end -= 1
            before = _EXPANSION.search(text, max(0, end - 120), end)
            if not before:
                continue
            acronym = m.group(1)
            words = before.group(1).split()
            for i in range(len(words)):  # longest tail that spells the acronym
                if _initials(words[i:]) == acronym.replace(".", "").upper():
                    self.acronyms.setdefault(acronym, f"{' '.join(words[i:])} ({acronym})")
                    break
        self.full_names: dict[str, str] = {}  # one name → the fullest name, surnames first
        ranks: dict[str, tuple[bool, int]] = {}
        self.people: list[tuple[int, str]] = []  # (offset, name) of each full person name
        self.person_names: set[str] = set()
        line_end = -1
        headline = False
        for m in _NAME_RUN.finditer(text):  # (a run never crosses a line break)
            if m.start() > line_end:  # the first run of a line: is the line a headline?
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.start())
                line_end = len(text) if line_end < 0 else line_end
                headline = _is_headline(text[line_start:line_end])
            if not headline:
                for name in _person_names(m.group()):
                    self.people.append((m.start(), name))
                    self.person_names.add(name)
                    parts = name.split()
                    for part in (parts[0], parts[-1]):  # "Cruz": "Ted Cruz", not "Cruz Control"
                        rank = (part == parts[-1], len(name))
                        if part not in ranks or ranks[part] < rank:
                            ranks[part], self.full_names[part] = rank, name

    @cached_property
    def mentions(self) -> list[tuple[int, str]]:
        """Every mention of a known person, also by one name ("Lee", "Mr. Rubio"), in order."""
        return sorted(
            self.people
            + [(m.start(), self.full_names[m.group()]) for m in _SINGLE_NAME.finditer(self.text)
               if m.group() in self.full_names]
        )

    def canonical(self, phrase: str) -> tuple[str, str | None]:
        """The fullest form of a source phrase, and the role words written before a name."""
        phrase = phrase.strip(" ,")
        words = phrase.split()
        acronym = self._acronym(words)
        if acronym:
            return acronym, None
        if " and " in phrase:  # "Blumenthal and Cohen": several speakers, as written
            return phrase, None
        link = next((i for i, w in enumerate(words) if w in _LINKS), None)
        if link and all(w.lower() in _NAME_STOPWORDS for w in words[:link]):
            words = words[link + 1 :]  # "More from Ana Ruiz": Ana Ruiz
        elif link and all(_is_name_word(w) for w in words[:link]) and not is_organisation(phrase):
            words = words[:link]  # "Cameron Easley for Morning Consult": the person
        phrase = " ".join(words)
        # a person named at the end of the phrase: "South Korean legislator Lee Sung-kwon"
        name_start = len(words)
        while name_start > 0 and _is_name_word(words[name_start - 1]):
            name_start -= 1
        if name_start == len(words) or is_organisation(phrase):
            return phrase, None
        titled = [i for i in range(name_start, len(words) - 1) if words[i].lower() in _TITLES]
        if titled:
            name_start = titled[-1] + 1
        name = " ".join(words[name_start:])
        role_words = [w for w in words[:name_start] if w.lower() not in _DETERMINERS]
        role_words = [w for w in role_words if w.lower() not in _HONORIFICS]
        while role_words and role_words[0].lower() in _CONJUNCTIONS:
            role_words = role_words[1:]  # "and Mr. Trump": no role
        role = " ".join(role_words) or None
        if len(words) - name_start == 1:
            name = self.full_names.get(words[-1], name)
        return name, role

    def _acronym(self, words: list[str]) -> str | None:
        content = [w for w in words if w.lower() not in _DETERMINERS]
        if len(content) == 1:
            bare = _key(content[0]).upper()
            for acronym, full in self.acronyms.items():
                if acronym.upper() == bare:
                    return full
        return None


def may_carry_role(words_before: list[str], ends_phrase: frozenset[str]) -> bool:
    """Whether a source phrase holding a name can give it a role from the words before it
    (nearest first): a title ("Gov."), or a word of the phrase that is no determiner,
    honorific or name ("legislator Lee"). Punctuation and `ends_phrase` words (cues) end the
    phrase."""
    titled = False
    for word in words_before:
        low = word.lower()
        if word[-1] in _PHRASE_END or word[0] in _PHRASE_START or low in ends_phrase:
            return False
        if low in _TITLES and low not in _HONORIFICS:
            return True
        titled = titled or low in _TITLES
        if low in _DETERMINERS or low in _CONJUNCTIONS:
            continue
        if not word[0].isupper() or titled and low not in _TITLES:
            return True  # "legislator Lee", "What Mr. Obama"
    return False


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and not word.endswith(("’s", "'s"))


@lru_cache(maxsize=8192)
def _person_names(run: str) -> tuple[str, ...]:
    """The person names in a run of capitalised words: cut at sentence ends, drop openers,
    titles and shouting; keep names of two or more words that are not organisations. Cached:
    an article repeats its names, and a batch its newsmakers."""
    names = []
    for piece in _PIECE_END.split(run) if "." in run else (run,):
        words = [w for w in piece.split() if not (w.isupper() and len(w) > 2)]
        while words and (words[0].lower() in _NAME_STOPWORDS or words[0].lower() in _TITLES):
            words = words[1:]
        while words and words[-1].lower().rstrip(".") in _NAME_STOPWORDS:
            words = words[:-1]
        words = [w.rstrip(".") if _SENTENCE_END_WORD.search(w) else w for w in words]
        titled = [i for i, w in enumerate(words[:-1]) if w.lower() in _TITLES]
        if titled:
            words = words[titled[-1] + 1 :]
        name = " ".join(words)
        possessive = "’s" in name or "'s" in name
        if len(words) >= 2 and not is_organisation(name) and not possessive:
            names.append(name)
    return tuple(names)


def _is_headline(line: str) -> bool:
    """True for a title-case line ("Trump Says Museum Will Tell"): its runs are no names."""
    words = line.split(None, 12)[:12]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and capitalised >= 0.7 * len(words)
