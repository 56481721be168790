"""Which warm-up data teaches SmolLM2-135M *when* to call a tool: the SFT warm-up alone on three data sets, then the 50-row
BFCL guard, greedy, and how well the model's own first-token odds of `<tool_call>` tell BFCL's call rows from its
*irrelevance* rows (ROC AUC over the 40 x 10 pairs; 0.5 is chance).

    python benchmarks/agentic_pairs.py NAME one_tool|all_categories|mix N LR EPOCHS

one_tool N: N requests, each twice with one tool offered, its own (a call) and one other library tool (no call);
all_categories N: N tasks, half call tasks cycling simple, multiple, simple, parallel, simple, parallel_multiple and half their twins
  (the same tools with the needed ones swapped for others, no call);
mix N: the `toolcalls` train split as it was before pairs (the five categories, irrelevance twice).
Appends one JSON line to benchmarks/agentic_pairs.jsonl. The agentic chapter's runs: `B one_tool 48 3e-4 1`,
`C all_categories 48 3e-4 2`, `A mix 32 3e-4 2`.
"""
import json, os, random, sys, time
from pathlib import Path
USAGE = "usage: python benchmarks/agentic_pairs.py NAME one_tool|all_categories|mix N LR EPOCHS"
try:
    name, mode, n, lr, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    assert mode in ("one_tool", "all_categories", "mix")
except (IndexError, ValueError, AssertionError): sys.exit(USAGE)
import torch
import halo_forge.agentic as A
from halo_forge.core import load_domain, sft, LoraSettings, draw_split
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
r, names = random.Random(5), list(A.TOOL_LIBRARY)

def swapped(tools, calls):   # the same number of tools, the needed ones replaced by others
    need = {c["name"] for c in calls}; keep = [t for t in tools if t["name"] not in need]
    pool = [x for x in names if x not in need and x not in {t["name"] for t in keep}]
    return keep + [A.TOOL_LIBRARY[x][0] for x in r.sample(pool, len(tools) - len(keep))]

if mode == "one_tool":
    train = []
    for j in range(n):
        main = names[j % len(names)]; (c, call), = A._draw(r, main, 1); q = A._sentence(r, [c])
        train += [A.tool_sample(q, [A.TOOL_LIBRARY[main][0]], [call], category="simple"),
                  A.tool_sample(q, [A.TOOL_LIBRARY[r.choice([x for x in names if x != main])][0]], [], category="irrelevance")]
    r.shuffle(train)
elif mode == "all_categories":
    cats = ["simple", "multiple", "simple", "parallel", "simple", "parallel_multiple"]
    def make(k):
        q, tools, calls = A._toolcalls_task(r, cats[k % len(cats)])
        return q, (A.tool_sample(q, tools, calls), A.tool_sample(q, swapped(tools, calls), []))
    train = [s for p in draw_split(make, (n + 1) // 2, "train", 100 * n + 1000) for s in p][:n]
else:
    cats = A.CATEGORIES + ["irrelevance"]
    def make(k):
        q, tools, calls = A._toolcalls_task(r, cats[k % len(cats)])
        return q, A.tool_sample(q, tools, calls, category=cats[k % len(cats)])
    train = draw_split(make, n, "train", 100 * n + 1000)
dom = load_domain("agentic")
guard = dom.samples("bfcl", "test", 50, {})
ad = dom.load_model("smollm2-135m", {})
t0 = time.time()
st = sft(ad, train, lr=lr, epochs=epochs, batch_size=4, lora=LoraSettings(16, 32, 0.05), progress=False)
out = {"name": name, "mode": mode, "n_train": len(train), "no_call": sum(not s.answer for s in train), "lr": lr, "epochs": epochs,
       "sft_s": round(time.time() - t0), "loss": st["train_loss"]}
tok = ad.tokenizer; pre = tok("<tool_call>", add_special_tokens=False).input_ids
lp = []
with torch.no_grad():
    for s in guard:
        ids = tok(ad.format(s), add_special_tokens=False).input_ids
        lo = torch.log_softmax(ad.model(input_ids=torch.tensor([ids + pre])).logits[0].float(), -1)
        lp.append(sum(lo[len(ids) - 1 + i, t].item() for i, t in enumerate(pre)))
pos = [x for x, s in zip(lp, guard) if s.meta["category"] != "irrelevance"]; neg = [x for x, s in zip(lp, guard) if s.meta["category"] == "irrelevance"]
out["auc_call"] = round(sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg)), 3)
res = dom.benchmark(ad, A.ToolCallingVerifier(), guard, max_new_tokens=80, batch_size=16, progress=False, workers=1)
out["bfcl"] = {c: round(x["accuracy"], 3) for c, x in res["categories"].items()} | {"overall": round(res["accuracy"], 3)}
print(json.dumps(out), flush=True)
open(Path(__file__).with_suffix(".jsonl"), "a").write(json.dumps(out) + "\n")
