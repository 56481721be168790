"""How many prompts a greedy held-out measurement should take per generate call: the untrained SmolLM2-135M-Instruct
on the agentic default's 100 held-out `toolcalls` tasks (seed 0), 80 tokens, greedy, with each batch size given.
Prints each size's seconds, its ratio to the first size's, and on how many tasks its answer equals the first size's.

    python benchmarks/eval_batch.py [SIZES ...]     # default: 16 32 64

Appends one JSON line to benchmarks/eval_batch.jsonl.
"""
import json, os, sys, time, torch
from pathlib import Path
from halo_forge.core import load_domain
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
sizes = [int(a) for a in sys.argv[1:]] or [16, 32, 64]
dom = load_domain("agentic")
ad = dom.load_model("smollm2-135m", {})
held = dom.samples("toolcalls", "test", 100, {"seed": 0})
ad.generate(held[:2], n=1, temperature=0.0, max_new_tokens=4)   # warm-up
secs, answers = {}, {}
for bs in sizes:
    t = time.perf_counter()
    answers[bs] = ad.generate(held, n=1, temperature=0.0, max_new_tokens=80, batch_size=bs)
    secs[bs] = round(time.perf_counter() - t, 1)
    same = sum(a == b for a, b in zip(answers[sizes[0]], answers[bs]))
    print(f"batch {bs:>3}: {secs[bs]:7.1f} s  {secs[sizes[0]] / secs[bs]:.2f}x batch {sizes[0]}'s speed  "
          f"same answers on {same} of {len(held)}", flush=True)
line = {"tasks": len(held), "max_new_tokens": 80, "seconds": secs,
        "same_answers": {bs: sum(a == b for a, b in zip(answers[sizes[0]], answers[bs])) for bs in sizes}}
with open(Path(__file__).parent/"eval_batch.jsonl", "a") as f: f.write(json.dumps(line) + "\n")
