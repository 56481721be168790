"""The agentic default's RAFT cycle with other settings, from a finished default run's SFT warm-up (its `warmup/` folder),
so that one cycle setting costs the cycle and the two measurements, not the whole run: the cycle on the run's 48
training tasks, then greedy accuracy on the 100 held-out `toolcalls` tasks and on the 50-row BFCL guard (10 per category),
per category. Before training every seed scores 0.20 on both (it never calls a tool; the no-call tasks are the 0.20).

    python benchmarks/agentic_cycle_settings.py WARMUP_FOLDER SEED OUTPUT [setting=value ...]

e.g. `... runs/agentic_s2/warmup 2 /tmp/cyc lr=1e-4` or `... replay=1 replay_from=targets`. Two settings are not the
cycle's: `twins=swap,explain` builds the training tasks with those twins (`--twins`, as the run whose warm-up it is
did), and `guard=irr100` scores the first 100 BFCL *irrelevance* rows instead of the 50-row mix. Appends one JSON
line to benchmarks/agentic_cycle_settings.jsonl, with `settings`: every RAFT setting of the cycle that differs from
`RAFTConfig`'s own default. Lines without `settings` were written before the agentic default changed (2026-12-04): their
settings are relative to the default of then, one cycle at lr 1e-4, batch 4 (no accumulation), balanced selection.
"""
import json, os, sys, time, torch
from pathlib import Path
if len(sys.argv) < 4 or not sys.argv[2].isdigit(): sys.exit("usage: python benchmarks/agentic_cycle_settings.py WARMUP_FOLDER SEED OUTPUT [setting=value ...]")
import halo_forge.agentic as A
from halo_forge.core import load_domain, RAFTConfig, HaloForgeError
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
wu, seed, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def value(k, v):
    if k in ("selection", "guard", "replay_from"): return v
    if k == "twins": return v.split(",")
    try: return int(v)
    except ValueError: return float(v)
try: over = {k: value(k, v) for k, v in (a.split("=", 1) for a in sys.argv[4:])}
except ValueError: sys.exit("settings are name=number (or selection=, guard=, twins=NAMES), e.g. lr=1e-4")
twins, guard = over.pop("twins", None), over.pop("guard", "mix")
if guard not in ("mix", "irr100"): sys.exit("guard is mix (the 50-row BFCL guard) or irr100 (the first 100 irrelevance rows)")
try: A.twin_kinds(twins)   # the package's check and its one-line message
except HaloForgeError as e: sys.exit(str(e))
dom = load_domain("agentic")
train = dom.samples("toolcalls", "train", 48, {"seed": seed, "twins": twins})
held = dom.samples("toolcalls", "test", 100, {"seed": seed})
bfcl = A.load_bfcl_mix(50) if guard == "mix" else A.load_bfcl("irrelevance", 100)
try:
    ad = dom.load_model("smollm2-135m", {}); ad.load_adapter(wu)
    cfg = RAFTConfig(**{**A.AGENTIC_DEFAULTS, "seed": seed, "output": out, "progress": False, **over})
    t0 = time.time()
    tr = A.AgenticRAFTTrainer(ad, train, cfg)
    m = tr.run()   # refuses an OUTPUT that is not a halo-forge run folder of these settings
except (HaloForgeError, TypeError) as e: sys.exit(f"agentic_cycle_settings.py: {e}")
base = RAFTConfig()
settings = {k: v for k, v in vars(cfg).items() if k not in ("seed", "output", "progress") and v != getattr(base, k)}
res = {"warmup": wu, "seed": seed, **({"twins": twins} if twins else {}), **over, "settings": settings,
       "cycle_s": round(time.time() - t0), "kept": [x["kept"] for x in m]}
for name, ss in (("held", held), ("bfcl" if guard == "mix" else "irr100", bfcl)):
    r = A.agentic_benchmark(tr.adapter, tr.verifier, ss, max_new_tokens=80, progress=False)
    res[name] = {"acc": r["accuracy"], "ci": r["accuracy_ci"], **{c: round(v["accuracy"], 2) for c, v in r["categories"].items()}}
print(json.dumps(res), flush=True)
open(Path(__file__).with_suffix(".jsonl"), "a").write(json.dumps(res) + "\n")
