"""Answer-equivalence benchmark: halo_forge.reasoning.MathVerifier vs math-verify.

Runs both checkers on every labelled pair in `math_equivalence.jsonl` (next to this script) and
prints agreement with the labels, verifications per second (same run, several repeats) and the
pairs where each one disagrees with the label.

    python benchmarks/math_equivalence.py [--repeats 5] [--json out.json]

How each checker is called, per pair:

- halo-forge: `kind == "completion"` pairs go through `MathVerifier().verify(pred, Sample(answer=gold))`
  (answer extraction included); `kind == "answer"` pairs through `math_equal(pred, gold)`.
- math-verify: `verify(parse(gold), parse(pred))`. Bare answers (the gold always, and `pred` when
  `kind == "answer"`) are wrapped in `$...$` unless they already contain `$` or `\\boxed`, as
  math-verify's README recommends for LaTeX gold answers. Its small LRU parse caches are cleared
  before each repeat so that repeats measure parsing too.
"""
import argparse, json, logging, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from halo_forge.core import Sample
from halo_forge.reasoning import MathVerifier, math_equal


def load(path):
    return [json.loads(l) for l in Path(path).read_text().splitlines() if l.strip()]


def halo_check(verifier):
    def check(row):
        if row.get("kind", "answer") == "completion":
            return verifier.verify(row["pred"], Sample("", answer=row["gold"])).correct
        return math_equal(row["pred"], row["gold"])
    return check


def _wrap(s):
    return s if ("$" in s or "\\boxed" in s) else f"${s}$"


def math_verify_check():
    logging.getLogger("math_verify").setLevel(logging.CRITICAL)
    from math_verify import parse, verify
    def check(row):
        pred = row["pred"] if row.get("kind", "answer") == "completion" else _wrap(row["pred"])
        try: return bool(verify(parse(_wrap(row["gold"])), parse(pred)))
        except Exception: return False
    return check


def clear_math_verify_caches():
    from math_verify import parser
    for name in ("parse_latex_cached", "parse_expr_cached", "extract_latex"):
        f = getattr(parser, name, None)
        if hasattr(f, "cache_clear"): f.cache_clear()


def run(name, check, rows, repeats, before_repeat=None):
    preds, times = None, []
    for _ in range(repeats):
        if before_repeat: before_repeat()
        t = time.perf_counter()
        out = [check(r) for r in rows]
        times.append(time.perf_counter() - t)
        preds = preds or out
    agree = sum(p == r["equal"] for p, r in zip(preds, rows))
    best = min(times)
    return {"name": name, "agree": agree, "n": len(rows), "pct": 100 * agree / len(rows),
            "per_s": len(rows) / best, "seconds_best": best, "seconds_all": times,
            "wrong": [dict(r, got=p) for p, r in zip(preds, rows) if p != r["equal"]]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(HERE / "math_equivalence.jsonl"))
    ap.add_argument("--repeats", type=int, default=5, help="timing repeats (best one is reported)")
    ap.add_argument("--json", help="write the results to this file")
    args = ap.parse_args(argv)
    rows = load(args.data)
    halo = run("halo-forge MathVerifier", halo_check(MathVerifier()), rows, args.repeats)
    mv = run("math-verify 0.9", math_verify_check(), rows, args.repeats, clear_math_verify_caches)

    print(f"{len(rows)} labelled pairs ({sum(r['equal'] for r in rows)} equal), best of {args.repeats} repeats\n")
    print(f"{'checker':<26}{'agree':>10}{'%':>8}{'verif/s':>10}")
    for r in (halo, mv):
        print(f"{r['name']:<26}{r['agree']:>6}/{r['n']:<3}{r['pct']:>8.1f}{r['per_s']:>10.0f}")
    print(f"\nspeed ratio halo-forge / math-verify: {halo['per_s'] / mv['per_s']:.1f}x")
    for r in (halo, mv):
        print(f"\n{r['name']} disagrees with the label on {len(r['wrong'])} pairs:")
        for w in r["wrong"]:
            print(f"  label={w['equal']!s:<5} got={w['got']!s:<5} gold={w['gold']!r} pred={w['pred'][:70]!r}  ({w['note']})")
    if args.json:
        Path(args.json).write_text(json.dumps({"pairs": len(rows), "repeats": args.repeats, "results": [halo, mv],
                                               "ratio": halo["per_s"] / mv["per_s"]}, indent=1))
    return halo, mv


if __name__ == "__main__":
    main()
