"""Padded batches against one example at a time, the same training: the agentic default's SFT warm-up (48 `toolcalls`
training tasks of seed 0, lr 3e-4) for EPOCHS epochs, once with `batch_size 4` (each batch left-padded to its longest
example) and once with `batch_size 1, grad_accum 4` (the same four examples a step, no padding). Prints each side's
seconds, optimizer steps and loss, the ratio of the times, and how far apart the two trained LoRA weights end up.

    python benchmarks/train_padding.py [EPOCHS]

Appends one JSON line to benchmarks/train_padding.jsonl.
"""
import json, os, sys, time, torch
from pathlib import Path
from halo_forge.core import load_domain, sft, LoraSettings
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
epochs = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
dom = load_domain("agentic")
train = dom.samples("toolcalls", "train", 48, {"seed": 0})
out, weights = {"epochs": epochs, "tasks": len(train)}, {}
for name, bs, ga in [("padded", 4, 1), ("one_at_a_time", 1, 4)]:
    torch.manual_seed(0)
    ad = dom.load_model("smollm2-135m", {})
    t = time.perf_counter()
    st = sft(ad, train, lr=3e-4, epochs=epochs, batch_size=bs, grad_accum=ga, seed=0, lora=LoraSettings(), progress=False)
    out[name] = {"seconds": round(time.perf_counter() - t, 1), "steps": st["steps"], "loss": round(st["train_loss"], 4)}
    weights[name] = {k: p.detach().clone() for k, p in ad.model.named_parameters() if p.requires_grad}
    print(name, out[name], flush=True)
a, b = weights["padded"], weights["one_at_a_time"]
out["ratio"] = round(out["padded"]["seconds"] / out["one_at_a_time"]["seconds"], 2)
out["max_weight_difference"] = float(max((a[k] - b[k]).abs().max() for k in a))
out["max_weight"] = float(max(a[k].abs().max() for k in a))
print(f"padded / one at a time: {out['ratio']}x   largest LoRA weight difference {out['max_weight_difference']:.2e} "
      f"(largest weight {out['max_weight']:.2e})")
with open(Path(__file__).parent/"train_padding.jsonl", "a") as f: f.write(json.dumps(out) + "\n")
