"""The agentic default's SFT warm-up alone (no RAFT), then the 50-row BFCL guard and the 20 held-out `toolcalls` tasks, greedy.

    python benchmarks/agentic_warmup.py NAME N_TRAIN LR EPOCHS [pairs | pairs:K | science:N]

N_TRAIN `toolcalls` training tasks (the default run takes 32) and `sft` at LR for EPOCHS, batch 4, LoRA r=16 (the
default's warm-up). `pairs` adds a twin of every call task (its request with the tools it needs taken away, a no-call
target); `pairs:K` a twin of every K-th; `science:N` N maths and science questions (the kind BFCL's irrelevance rows
ask) offered 1-3 unrelated library tools, with a no-call target. Appends one JSON line per run to benchmarks/agentic_warmup.jsonl. The agentic
chapter's warm-up table: `v0 32 3e-4 2`, `v2 32 3e-4 2 pairs:3`, `v1 32 3e-4 2 pairs`, `v3_science16 32 3e-4 2 science:16`.
"""
import json, os, random, sys, time
from pathlib import Path
USAGE = "usage: python benchmarks/agentic_warmup.py NAME N_TRAIN LR EPOCHS [pairs | pairs:K | science:N]"
try:
    name, n_train, lr, epochs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    extra = sys.argv[5] if len(sys.argv) > 5 else ""
    every = int(extra.split(":")[1]) if ":" in extra else 1
    assert extra in ("", "pairs") or extra.startswith(("pairs:", "science:")) and every >= 1
except (IndexError, ValueError, AssertionError): sys.exit(USAGE)
import torch
from halo_forge.core import load_domain, sft, LoraSettings
from halo_forge.agentic import ToolCallingVerifier, TOOL_LIBRARY, tool_sample
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
dom = load_domain("agentic")
train = list(dom.samples("toolcalls", "train", n_train, {}))
SCIENCE = ["What is the derivative of {a}x^3 + {b}x?", "Integrate {a}x^2 from 0 to {b}.", "What is the area of a circle of radius {a} cm?",
           "Is {p} a prime number?", "How many moles are in {a}0 grams of water?", "What is the kinetic energy of a {a} kg ball moving at {b} m/s?",
           "Solve {a}x + {b} = 0 for x.", "What is the sum of the interior angles of a polygon with {b} sides?",
           "Find the greatest common divisor of {a}2 and {b}8.", "What is the half-life of a substance that decays {a}0% per hour?",
           "Calculate the standard deviation of {a}, {b}, {p}.", "What force accelerates a {a} kg mass at {b} m/s^2?"]
if extra.startswith("science:"):   # maths and science questions no library tool answers -> no call
    r, unrelated = random.Random(2), [n for n in TOOL_LIBRARY if n not in ("convert_units", "calculate_tip", "convert_currency")]
    for j in range(every):
        q = SCIENCE[j % len(SCIENCE)].format(a=r.randint(2, 9), b=r.randint(3, 9), p=r.choice([91, 97, 51, 53, 87, 89]))
        train.append(tool_sample(q, [TOOL_LIBRARY[n][0] for n in r.sample(unrelated, r.randint(1, 3))], [], category="irrelevance"))
elif extra:   # each call task's twin (or every k-th's, "pairs:k"): the same request with the tools it needs taken away -> no call
    r, twins = random.Random(1), []
    for j, s in enumerate([x for x in train if x.answer]):
        if j % every: continue
        need = {c["name"] for c in s.answer}
        others = [n for n in TOOL_LIBRARY if n not in need]
        twins.append(tool_sample(s.prompt, [TOOL_LIBRARY[n][0] for n in r.sample(others, r.randint(1, 3))], [], category="irrelevance"))
    train += twins
guard = dom.samples("bfcl", "test", 50, {})
held = dom.samples("toolcalls", "test", 20, {})
ad = dom.load_model("smollm2-135m", {})
t0 = time.time()
st = sft(ad, train, lr=lr, epochs=epochs, batch_size=4, lora=LoraSettings(16, 32, 0.05), progress=False) if epochs > 0 else {}
t1 = time.time()
v = ToolCallingVerifier()
out = {"name": name, "n_train": len(train), "lr": lr, "epochs": epochs, "sft_s": round(t1 - t0), "loss": st.get("train_loss")}
for label, smp in (("bfcl", guard), ("held", held)):
    r = dom.benchmark(ad, v, smp, max_new_tokens=80, batch_size=16, progress=False, workers=1)
    out[label] = {c: round(x["accuracy"], 3) for c, x in r["categories"].items()} | {"overall": round(r["accuracy"], 3)}
out["eval_s"] = round(time.time() - t1)
print(json.dumps(out), flush=True)
open(Path(__file__).with_suffix(".jsonl"), "a").write(json.dumps(out) + "\n")
