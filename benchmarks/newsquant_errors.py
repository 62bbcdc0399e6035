"""NewsQuant errors by class: what our extractor misses, adds, or labels differently from gold.

    python benchmarks/newsquant_errors.py DATA_PATH [--class PREFIX] [--limit N]

DATA_PATH is the NewsQuant folder (or its JSON file), as for `benchmarks/newsquant.py`. Each
gold quantity is matched to our predictions by value (the scorer's tolerance and range rules);
then its unit and its change label are compared. Prints the count of each error class, then the
sentences of each class (for reading on screen only: never copy them into the repository).

Classes: `missed` (no prediction has the gold value), `spurious` (a prediction matching no gold
value), `unit:*` (the value matches, the unit does not: `counted wording` when both name a
counted noun, `gold counted, ours none`, …), `change:GOLD->OURS` (the value matches, the change
label does not).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.adapters import UNIT_NAMES, newsquant  # noqa: E402
from benchmarks.newsquant import _scorer  # noqa: E402

_KNOWN_UNITS = {u.lower() for u in UNIT_NAMES.values()} | {"-"}


def _unit_class(gold: str, ours: str) -> str:
    gold_counted, ours_counted = gold not in _KNOWN_UNITS, ours not in _KNOWN_UNITS
    if gold == "-":
        return "unit: gold none, ours counted" if ours_counted else "unit: gold none, ours unit"
    if ours == "-":
        return "unit: gold counted, ours none" if gold_counted else "unit: gold unit, ours none"
    if gold_counted and ours_counted:
        return "unit: counted wording"
    return "unit: measure"


def classify(scorer, sentence: dict, preds: list[dict]) -> list[tuple[str, str]]:
    """(class, detail) for every error in one sentence."""
    gold = [scorer._norm_gold(q, "tuple") for q in sentence["quantities"]]
    ours = [scorer._norm_pred(p, "tuple") for p in preds]
    used: set[int] = set()
    errors = []
    for g in gold:
        hits = [j for j, p in enumerate(ours) if scorer.values_match(g["value"], p["value"])]
        if not hits:
            errors.append(("missed", f"{g['value']} {g['unit']} {g['change']}"))
            continue
        same_unit = [j for j in hits if ours[j]["unit"] == g["unit"] and j not in used]
        j = (same_unit or [k for k in hits if k not in used] or hits)[0]
        used.add(j)
        p = ours[j]
        if not same_unit:
            errors.append((_unit_class(g["unit"], p["unit"]),
                           f"{g['value']}: gold {g['unit']!r} ours {p['unit']!r}"))
        if p["change"] != g["change"]:
            errors.append((f"change: {g['change']}->{p['change']}", f"{g['value']} {g['unit']}"))
    for j, p in enumerate(ours):
        if j not in used and not any(scorer.values_match(g["value"], p["value"]) for g in gold):
            errors.append(("spurious", f"{p['value']} {p['unit']} {p['change']}"))
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_path", type=Path)
    parser.add_argument("--class", dest="prefix", default=None,
                        help="print the sentences of classes starting with this prefix only")
    parser.add_argument("--limit", type=int, default=1000, help="sentences shown per class")
    args = parser.parse_args(argv)
    data = args.data_path / "dev.json" if args.data_path.is_dir() else args.data_path
    scorer = _scorer(data.parent)
    by_class: dict[str, list[str]] = defaultdict(list)
    for sentence in scorer.load_sentences(str(data)):
        for name, detail in classify(scorer, sentence, newsquant(sentence["text"])):
            by_class[name].append(f"  [{detail}] {sentence['text']}")
    for name in sorted(by_class, key=lambda n: (-len(by_class[n]), n)):
        print(f"{len(by_class[name]):4d}  {name}")
    for name in sorted(by_class):
        if args.prefix is None or name.startswith(args.prefix):
            print(f"\n== {name} ({len(by_class[name])})")
            print("\n".join(by_class[name][: args.limit]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
