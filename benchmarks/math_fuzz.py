"""A long fuzzing campaign for MathVerifier's grading: the grammar of the Maths answers chapter, for longer, with a seed.

    python benchmarks/math_fuzz.py [--examples 20000] [--seed 1]

The grammar, the exact values and the check are the notebook cells that start with
`# math answer grammar` in nbs/31_mathparse.ipynb (executed here, so both always fuzz the same thing).
It grades with `halo_forge.mathparse.grade_answer`, all that `MathVerifier.verify` decides correctness with.
Prints the number of examples, verifications per second, the outcomes per gold mode, and every
finding (a non-equivalent pair, or an answer nested deeper than MAX_DEPTH, scored correct).
Exit status 1 on a finding.
"""
import argparse, json, sys, time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def grammar_namespace():
    import sympy
    from sympy import Integer, Rational
    import halo_forge.mathparse as M
    ns = {**{k: getattr(M, k) for k in M.__all__}, "sympy": sympy, "Integer": Integer, "Rational": Rational}   # public names only
    nb = json.loads((ROOT/"nbs"/"31_mathparse.ipynb").read_text())
    src = "\n\n".join("".join(c["source"]) for c in nb["cells"] if "".join(c["source"]).startswith("# math answer grammar"))
    exec(compile(src, "31_mathparse.ipynb:math answer grammar", "exec"), ns)
    return ns


def main(examples=20_000, seed=1):
    ns = grammar_namespace()
    from hypothesis import given, settings, seed as hseed, assume, HealthCheck, strategies as st
    stats, findings, n, seconds = Counter(), [], [0], [0.0]

    @hseed(seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(pred=ns["fz_expr"], gold=ns["fz_expr"], mode=st.sampled_from(["other", "near", "same"]),
           kinds=st.one_of(st.just([]), st.lists(st.integers(0, len(ns["FZ_WRAPS"]) - 1), max_size=80)),
           text=st.sampled_from(ns["FZ_TEXTS"]))
    def run(pred, gold, mode, kinds, text):
        sympy = ns["sympy"]
        assume(all(abs(sympy.N(v, 15)) < 1e12 for v in (pred[1], gold[1])))
        t = time.perf_counter()
        try: ns["fz_check"](pred, gold, mode, kinds, text, stats)
        except AssertionError as e: findings.append(repr(e.args[0] if e.args else e)[:400])
        seconds[0] += time.perf_counter() - t; n[0] += 1

    t0 = time.perf_counter()
    run()
    wall = time.perf_counter() - t0
    print(f"{n[0]:,} examples in {wall:.0f} s wall ({n[0] / wall:.0f} examples/s with generation); "
          f"verification alone {n[0] / seconds[0]:.0f}/s")
    modes = sorted({m for m, _, _ in stats})
    for m in modes:
        rows = {(c, r): k for (mm, c, r), k in stats.items() if mm == m}
        print(f"  gold {m}: " + ", ".join(f"{'correct' if c else r}: {k}" for (c, r), k in sorted(rows.items(), key=lambda x: -x[1])))
    print(f"findings: {len(findings)}")
    for f in findings[:50]: print("  " + f)
    return 1 if findings else 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    sys.exit(main(a.examples, a.seed))
