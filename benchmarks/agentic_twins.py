"""The agentic default run with other no-call twins: `halo-forge agentic train --seed SEED --output OUTPUT` in-process
with `agentic.TRAIN_TWINS` set to KINDS (comma-separated, taken in turn: swap, explain, missing; see `_no_call_twin`),
then greedy accuracy on the first 100 `bfcl_irrelevance` rows (80 tokens, as the run measures).

    python benchmarks/agentic_twins.py SEED OUTPUT KINDS      # e.g. 0 /tmp/tw swap,explain (the default)

Appends one JSON line to benchmarks/agentic_twins.jsonl.
"""
import json, sys, time
from pathlib import Path
KINDS = {"swap", "explain", "missing"}
if len(sys.argv) != 4 or not sys.argv[1].isdigit() or not set(sys.argv[3].split(",")) <= KINDS:
    sys.exit("usage: python benchmarks/agentic_twins.py SEED OUTPUT KINDS (KINDS: comma-separated swap, explain, missing)")
seed, out, kinds = sys.argv[1], Path(sys.argv[2]), sys.argv[3].split(",")
import halo_forge.agentic as A
from halo_forge.cli import main

A.TRAIN_TWINS = kinds
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
row = {"twins": kinds, "seed": int(seed), "wall_s": wall,
       "held_out": {"before": ev["before"]["accuracy"], "after": ev["after"]["accuracy"], "difference": ev["difference"]["difference"],
                    "interval": ev["difference"]["interval"],
                    "after_categories": {c: round(x["accuracy"], 3) for c, x in ev["after"]["categories"].items()}},
       "guard_bfcl": {"before": g["before"]["accuracy"], "after": g["after"]["accuracy"],
                      "after_categories": {c: round(x["accuracy"], 3) for c, x in g["after"]["categories"].items()}},
       "bfcl_irrelevance_100": {"accuracy": b["accuracy"], "interval": b["accuracy_ci"]}}
print(json.dumps(row))
with open(Path(__file__).with_name("agentic_twins.jsonl"), "a") as f: f.write(json.dumps(row) + "\n")
