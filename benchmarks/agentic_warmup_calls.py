"""Does the agentic warm-up leave SmolLM2-135M calling tools? The default's SFT warm-up alone (48 `toolcalls` training
tasks of a seed, lr 3e-4, batch 4), then the model's own probability of opening `<tool_call>` on those tasks and on the
100 held-out tasks of the same seed: how often it is above 1/2 on call tasks and on no-call tasks, and how well it ranks
them (ROC AUC; 0.5 is chance). No generation, so a configuration takes the warm-up's time plus a minute.

    python benchmarks/agentic_warmup_calls.py SEED,EPOCHS[,TASKS[,LR]] [...]

TASKS training tasks (default 48), SFT learning rate LR (default 3e-4). Also scored: 20 BFCL v4 rows, the first 10 of
*simple* (call) and of *irrelevance* (no call). Appends one JSON line per configuration to
benchmarks/agentic_warmup_calls.jsonl. The agentic chapter's runs: `1,2 1,3` (before BFCL was scored), `2,1.5,96 2,3,48,8e-4 2,4`.
"""
import json, math, os, sys, time, torch
from pathlib import Path
import halo_forge.agentic as A
from halo_forge.core import load_domain, sft, LoraSettings
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
def config(a):
    f = a.split(",")
    if not 2 <= len(f) <= 4: raise ValueError(a)
    return int(f[0]), float(f[1]), int(f[2]) if len(f) > 2 else 48, float(f[3]) if len(f) > 3 else 3e-4
try: configs = [config(a) for a in sys.argv[1:]]
except ValueError: configs = []
if not configs: sys.exit("usage: python benchmarks/agentic_warmup_calls.py SEED,EPOCHS[,TASKS[,LR]] [...]")
dom = load_domain("agentic")
bfcl = A.load_bfcl("simple", 10) + A.load_bfcl("irrelevance", 10)
for seed, epochs, tasks, lr in configs:
    torch.manual_seed(seed)
    train = dom.samples("toolcalls", "train", tasks, {"seed": seed})
    held = dom.samples("toolcalls", "test", 100, {"seed": seed})
    ad = dom.load_model("smollm2-135m", {})
    t0 = time.time()
    st = sft(ad, train, lr=lr, epochs=epochs, batch_size=4, seed=seed, lora=LoraSettings(16, 32, 0.05), progress=False)
    tok = ad.tokenizer; pre = tok("<tool_call>", add_special_tokens=False).input_ids
    def p_call(s):
        ids = tok(ad.format(s), add_special_tokens=False).input_ids
        lo = torch.log_softmax(ad.model(input_ids=torch.tensor([ids + pre])).logits[0].float(), -1)
        return math.exp(sum(lo[len(ids) - 1 + i, t].item() for i, t in enumerate(pre)))
    out = {"seed": seed, "epochs": epochs, "tasks": tasks, "lr": lr, "loss": round(st["train_loss"], 4), "sft_s": round(time.time() - t0)}
    ad.model.eval()
    with torch.no_grad():
        for name, ss in (("train", train), ("held", held), ("bfcl", bfcl)):
            ps = [(p_call(s), bool(s.answer)) for s in ss]
            pos = [p for p, c in ps if c]; neg = [p for p, c in ps if not c]
            out[name] = {"call_rate_on_call": round(sum(p > .5 for p in pos) / len(pos), 2), "call_rate_on_nocall": round(sum(p > .5 for p in neg) / len(neg), 2),
                         "mean_p_call": round(sum(pos) / len(pos), 2), "mean_p_nocall": round(sum(neg) / len(neg), 2),
                         "auc": round(sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg)), 3)}
    print(json.dumps(out), flush=True)
    open(Path(__file__).with_suffix(".jsonl"), "a").write(json.dumps(out) + "\n")
