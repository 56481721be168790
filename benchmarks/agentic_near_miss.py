"""The agentic default run with near-miss twins: each training pair's no-call twin swaps the tool its call needs for
another tool *of the same family* (everyday tools for everyday ones, maths and science for maths and science), the
way BFCL's *irrelevance* rows offer a tool close to the request but not right for it. The code's *swap* twins draw the
swap from the whole library. Measured (seed 0) when every twin was a swap twin; with today's `TRAIN_TWINS` the change
reaches only the swap twins. Runs `halo-forge agentic train --seed SEED --output OUTPUT` in-process with that one change,
then greedy accuracy on the first 100 `bfcl_irrelevance` rows (80 tokens, as the run measures).

    python benchmarks/agentic_near_miss.py SEED OUTPUT

Appends one JSON line to benchmarks/agentic_near_miss.jsonl.
"""
import json, sys, time
from pathlib import Path
if len(sys.argv) != 3 or not sys.argv[1].isdigit(): sys.exit("usage: python benchmarks/agentic_near_miss.py SEED OUTPUT")
seed, out = sys.argv[1], Path(sys.argv[2])
import halo_forge.agentic as A
from halo_forge.cli import main

names = list(A.TOOL_LIBRARY)
FAMILY = {n: "everyday" if i < names.index("triangle_area") else "maths" for i, n in enumerate(names)}

def near_twin(r, tools, calls):
    "As `agentic._twin`, but each swapped-in tool is of the family of the tool it replaces."
    need = [c["name"] for c in calls]
    keep = [t for t in tools if t["name"] not in set(need)]
    taken = set(need) | {t["name"] for t in keep}
    out_ = list(keep)
    for n in [t["name"] for t in tools if t["name"] in set(need)]:
        pool = [m for m in names if FAMILY[m] == FAMILY[n] and m not in taken]
        m = r.choice(pool); taken.add(m); out_.append(A.TOOL_LIBRARY[m][0])
    r.shuffle(out_); return out_

A._twin = near_twin
t = time.time()
try: main(["agentic", "train", "--seed", seed, "--output", str(out)])
except SystemExit as e:
    if e.code not in (0, None): raise
wall = round(time.time() - t)
irr = out.with_name(out.name + "_bfcl_irrelevance.json")
main(["agentic", "benchmark", "--model", str(out/"final"), "--dataset", "bfcl_irrelevance", "--limit", "100",
      "--max-new-tokens", "80", "--output", str(irr), "--no-progress"])
ev, b = json.loads((out/"eval.json").read_text()), json.loads(irr.read_text())
g = ev["guards"]["bfcl"]
row = {"recipe": "the default with near-miss twins (same-family swap)", "seed": int(seed), "wall_s": wall,
       "held_out": {"before": ev["before"]["accuracy"], "after": ev["after"]["accuracy"], "difference": ev["difference"]["difference"],
                    "interval": ev["difference"]["interval"],
                    "after_categories": {c: round(x["accuracy"], 3) for c, x in ev["after"]["categories"].items()}},
       "guard_bfcl": {"before": g["before"]["accuracy"], "after": g["after"]["accuracy"],
                      "after_categories": {c: round(x["accuracy"], 3) for c, x in g["after"]["categories"].items()}},
       "bfcl_irrelevance_100": {"accuracy": b["accuracy"], "interval": b["accuracy_ci"]}}
print(json.dumps(row))
with open(Path(__file__).with_name("agentic_near_miss.jsonl"), "a") as f: f.write(json.dumps(row) + "\n")
