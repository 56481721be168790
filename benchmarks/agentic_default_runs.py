"""One line of a finished `halo-forge agentic train` run folder for benchmarks/agentic_default_runs.jsonl:

    python benchmarks/agentic_default_runs.py RUN_FOLDER RECIPE WALL_TIME >> benchmarks/agentic_default_runs.jsonl

The held-out and guard accuracies before and after, their paired intervals, per-category accuracy after, and per-cycle stats."""
import json, sys
def summ(folder, recipe, wall):
    ev = json.load(open(f"{folder}/eval.json"))
    g = ev["guards"]["bfcl"]
    met = [json.loads(l) for l in open(f"{folder}/metrics.jsonl")]
    cat = lambda r: {c: round(x["accuracy"], 3) for c, x in r["categories"].items()}
    return {"recipe": recipe, "wall": wall, "held_out": {"before": ev["before"]["accuracy"], "after": ev["after"]["accuracy"],
            "difference": ev["difference"]["difference"], "interval": ev["difference"]["interval"], "after_categories": cat(ev["after"])},
            "guard_bfcl": {"before": g["before"]["accuracy"], "after": g["after"]["accuracy"], "after_categories": cat(g["after"]),
                           "difference": g["report"]["difference"]["difference"], "interval": g["report"]["difference"]["interval"]},
            "cycles": [{k: m.get(k) for k in ("cycle", "reward_mean", "pass_rate", "kept", "gen_s", "train_s")} for m in met]}
if len(sys.argv) != 4: sys.exit("usage: python benchmarks/agentic_default_runs.py RUN_FOLDER RECIPE WALL_TIME")
try: print(json.dumps(summ(sys.argv[1], sys.argv[2], sys.argv[3])))
except (OSError, KeyError, ValueError) as e: sys.exit(f"{sys.argv[1]} is not a finished agentic train folder with a BFCL guard ({e!r})")
