"""Attribution benchmark: the project's pipeline against the nearest-verb baseline, same run.

    python benchmarks/attribution.py DATA_PATH [--limit N]

DATA_PATH is the attribution eval folder (holding attr_eval.py, baseline_verb.py and dev.jsonl)
or its dev.jsonl. Prints the scorer's headline metrics for both systems, their articles per
second and the ratio of the two speeds.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.adapters import attribution  # noqa: E402

HEADLINE = (
    "a_attribution_accuracy",
    "b_false_attribution_rate",
    "c_figure_recall",
    "a_acc_direct_quote",
    "a_acc_not_direct_quote",
    "a_acc_pronoun_gold",
    "overall_accuracy",
    "articles_per_s",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_path", type=Path, help="eval folder or its dev.jsonl")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    args = parser.parse_args()
    folder = args.data_path if args.data_path.is_dir() else args.data_path.parent
    jsonl = args.data_path if args.data_path.is_file() else folder / "dev.jsonl"
    sys.path.insert(0, str(folder))
    scorer = importlib.import_module("attr_eval")
    baseline = importlib.import_module("baseline_verb")
    records = scorer.load("dev", str(jsonl))[: args.limit]
    attribution(records[0]["text"])  # warm up lexicons and regexes before timing
    baseline.predict(records[0]["text"])
    results = {
        "reported-figures": scorer.score(attribution, records),
        "baseline_verb": scorer.score(baseline.predict, records),
    }
    print(f"{'metric':28} " + " ".join(f"{name:>17}" for name in results))
    for key in HEADLINE:
        print(f"{key:28} " + " ".join(f"{json.dumps(r[key]):>17}" for r in results.values()))
    ours, theirs = (r["articles_per_s"] for r in results.values())
    print(f"articles: {len(records)}; speed ratio (ours / baseline): {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
