"""Would a model that calls less often reach BFCL's *irrelevance* bar? For a trained agentic model folder: its own
probability of opening `<tool_call>` (no generation) on the 100 held-out `toolcalls` tasks of SEED, the first 100 BFCL v4
*irrelevance* rows and the first 30 *simple* and 30 *multiple* rows; then, for thresholds t, the share of each set whose
probability is above t (a call) or not (no call), and the ROC AUC of BFCL's call rows against its *irrelevance* rows.

    python benchmarks/agentic_call_odds.py MODEL_FOLDER SEED

Appends one JSON line to benchmarks/agentic_call_odds.jsonl.
"""
import json, math, os, sys, torch
from pathlib import Path
if len(sys.argv) != 3 or not sys.argv[2].isdigit(): sys.exit("usage: python benchmarks/agentic_call_odds.py MODEL_FOLDER SEED")
import halo_forge.agentic as A
from halo_forge.core import load_domain, HaloForgeError
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
dom = load_domain("agentic")
try:
    ad = dom.load_model(sys.argv[1], {})
    held = dom.samples("toolcalls", "test", 100, {"seed": int(sys.argv[2])})
    sets = {"held": held, "bfcl_irrelevance": A.load_bfcl("irrelevance", 100), "bfcl_call": A.load_bfcl("simple", 30) + A.load_bfcl("multiple", 30)}
except HaloForgeError as e: sys.exit(f"agentic_call_odds.py: {e}")
tok = ad.tokenizer; pre = tok("<tool_call>", add_special_tokens=False).input_ids
ad.model.eval()
def p_call(s):
    ids = tok(ad.format(s), add_special_tokens=False).input_ids
    lo = torch.log_softmax(ad.model(input_ids=torch.tensor([ids + pre])).logits[0].float(), -1)
    return math.exp(sum(lo[len(ids) - 1 + i, t].item() for i, t in enumerate(pre)))
with torch.no_grad(): p = {k: [(p_call(s), bool(s.answer)) for s in ss] for k, ss in sets.items()}
irr, call = [x for x, _ in p["bfcl_irrelevance"]], [x for x, _ in p["bfcl_call"]]
hc, hn = [x for x, c in p["held"] if c], [x for x, c in p["held"] if not c]
share = lambda xs, f: round(sum(map(f, xs)) / len(xs), 2)
out = {"model": sys.argv[1], "seed": int(sys.argv[2]),
       "bfcl_auc": round(sum((a > b) + 0.5 * (a == b) for a in call for b in irr) / (len(call) * len(irr)), 3),
       "thresholds": {str(t): {"bfcl_irrelevance_no_call": share(irr, lambda x: x <= t), "bfcl_call_rows_call": share(call, lambda x: x > t),
                               "held_call_tasks_call": share(hc, lambda x: x > t), "held_no_call_tasks_no_call": share(hn, lambda x: x <= t)}
                      for t in (0.5, 0.9, 0.95, 0.98, 0.99)}}
print(json.dumps(out))
with open(Path(__file__).with_suffix(".jsonl"), "a") as f: f.write(json.dumps(out) + "\n")
