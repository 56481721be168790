"""The agentic default run with other no-call twins: `halo-forge agentic train --seed SEED --output OUTPUT --twins KINDS`
in-process (KINDS comma-separated, taken in turn), then greedy accuracy on the first 100
`bfcl_irrelevance` rows (80 tokens, as the run measures).

KINDS are the package's (`_no_call_twin`: swap, explain, missing) and *near*, which here is this script's own (the
package's `--twins near`, seven topic families in `TOOL_FAMILIES`, came later and is replaced here): a near-miss swap twin, whose
swapped-in tool is of the family of the tool it replaces (everyday tools for everyday ones, maths and science for maths
and science), the way BFCL's *irrelevance* rows offer a tool close to the request but not right for it. *swap* draws
from the whole library. A near twin makes the same random draws as a swap twin would, so the tasks differ only there.

    python benchmarks/agentic_twins.py SEED OUTPUT KINDS [TRAIN_OPTION ...]   # e.g. 0 /tmp/tw swap,explain --cycles 2

(the default: swap); any TRAIN_OPTION goes to `agentic train` as it is.

Appends one JSON line to benchmarks/agentic_twins.jsonl.
"""
import json, sys, time
from pathlib import Path
KINDS = {"swap", "explain", "missing", "near"}
if len(sys.argv) < 4 or not sys.argv[1].isdigit() or not set(sys.argv[3].split(",")) <= KINDS:
    sys.exit("usage: python benchmarks/agentic_twins.py SEED OUTPUT KINDS [TRAIN_OPTION ...] (KINDS: comma-separated swap, explain, missing, near)")
seed, out, kinds, options = sys.argv[1], Path(sys.argv[2]), sys.argv[3].split(","), sys.argv[4:]
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
        m = r.choice([m for m in names if FAMILY[m] == FAMILY[n] and m not in taken])
        taken.add(m); out_.append(A.TOOL_LIBRARY[m][0])
    r.shuffle(out_); return out_

package_twin = A._no_call_twin
A._no_call_twin = lambda r, kind, query, tools, calls: ((query, near_twin(r, tools, calls)) if kind == "near"
                                                        else package_twin(r, kind, query, tools, calls))
A.TWIN_KINDS = (*A.TWIN_KINDS, "near")
t = time.time()
try: main(["agentic", "train", "--seed", seed, "--output", str(out), "--twins", ",".join(kinds), *options])
except SystemExit as e:
    if e.code not in (0, None): raise
wall = round(time.time() - t)
irr = out.with_name(out.name + "_bfcl_irrelevance.json")
main(["agentic", "benchmark", "--model", str(out/"final"), "--dataset", "bfcl_irrelevance", "--limit", "100",
      "--max-new-tokens", "80", "--output", str(irr), "--no-progress"])
ev, b = json.loads((out/"eval.json").read_text()), json.loads(irr.read_text())
g = ev["guards"]["bfcl"]
row = {"twins": kinds, **({"options": options} if options else {}), "seed": int(seed), "wall_s": wall,
       "held_out": {"before": ev["before"]["accuracy"], "after": ev["after"]["accuracy"], "difference": ev["difference"]["difference"],
                    "interval": ev["difference"]["interval"],
                    "after_categories": {c: round(x["accuracy"], 3) for c, x in ev["after"]["categories"].items()}},
       "guard_bfcl": {"before": g["before"]["accuracy"], "after": g["after"]["accuracy"],
                      "after_categories": {c: round(x["accuracy"], 3) for c, x in g["after"]["categories"].items()}},
       "bfcl_irrelevance_100": {"accuracy": b["accuracy"], "interval": b["accuracy_ci"]}}
print(json.dumps(row))
with open(Path(__file__).with_name("agentic_twins.jsonl"), "a") as f: f.write(json.dumps(row) + "\n")
