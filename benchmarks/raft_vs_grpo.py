"""halo-forge RAFT against TRL's GRPOTrainer on one training budget: held-out accuracy against training time and completions.

    python benchmarks/raft_vs_grpo.py [--budget 600] [--seeds 0 1 2] [--sweep-budget 300] [--parallel 2] [--raft-set key=value ...]
    python benchmarks/raft_vs_grpo.py --report          # rebuild table, JSON and plot from the runs already on disk

Both methods get the same model (the embedded SmolLM2-135M with the reasoning system prompt, as `halo-forge reasoning
train` loads it), the same 64 `arithmetic` training prompts, the same reward (`MathVerifier`; for TRL wrapped as a reward
function by `verifier_reward`), the same LoRA shape (r=16, alpha=32, dropout 0.05, all linear layers), the same sampling
(4 completions per prompt, 64 new tokens, T=0.8, top_p=0.95) and the same 100 held-out problems (greedy), measured by the
same code (`halo_forge.core.benchmark`).

The budget is training CPU seconds (process and children, user + system; one thread per run): on a machine shared with
other jobs, wall time measures the other jobs as much as the method. Wall seconds are recorded beside it. The clock counts
training only (rollouts, verification, updates); model loading, checkpoint writes (RAFT's and GRPO's alike, and RAFT's
reward plot) and every evaluation are outside it: each run saves its LoRA after every unit of work (a RAFT cycle of `--cycle-prompts` prompts; a GRPO optimizer
step, through a `TrainerCallback` that pauses the clock while it saves) and, after training, evaluates the last checkpoint
at or before each of `--marks` even marks of the budget. A run stops when its next unit, at the length of its longest so
far, would overrun the budget, so every checkpoint compared lies inside it.

Success, fixed before the runs: (1) training time to reach base accuracy + 0.10 on the held-out set, per seed;
(2) held-out accuracy of the last checkpoint inside the budget, RAFT minus GRPO, with a paired bootstrap interval over
(seed, problem) pairs, and the per-seed differences.

GRPO is tuned first on a validation split (32 more generated training-split problems, disjoint from the 64 and from the
held-out set): learning rate, completions per generation and `loss_type` (`SWEEP`), seed 0, `--sweep-budget` each; the
setting with the best validation accuracy is the one compared. RAFT runs the reasoning defaults, in cycles of 8 prompts
with the default learning-rate decay per prompt seen (`--raft-set` changes any `RAFTConfig` field, e.g. a selection
setting, to measure it). RAFT's rollouts use halo-forge's decode loop (`halo_forge.core.decode`, on the LoRA merged into
the base weights, one shared pre-fill per prompt; the campaign in the reasoning chapter ran before it, on transformers'
`generate`); GRPO uses TRL's own transformers generation. `--methods raft` runs only RAFT (and the base evaluations).

All runs of a phase run at once (`--parallel`), RAFT and GRPO of every seed side by side under the same load; rerunning
the campaign skips finished runs, and a run whose evaluation was cut off (e.g. killed for memory) only evaluates.
The default budgets (600 CPU seconds per compared run, 300 per sweep run) are those of the campaign in the reasoning
chapter: about 70 minutes on an idle 2-core machine with `--parallel 2`. At 120 seconds each run got one unit of work
and the comparison said nothing.
Everything is written as it happens under --work (default benchmarks/raft_vs_grpo_runs/, not committed);
the summary goes to benchmarks/raft_vs_grpo.json and nbs/images/raft_vs_grpo.png.
"""
import argparse, json, math, os, shutil, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODEL = "smollm2-135m"
N_TRAIN, N_VAL, N_HELD = 64, 32, 100
SAMPLING = dict(samples_per_prompt=4, temperature=0.8, top_p=0.95, max_new_tokens=64)
LORA = dict(r=16, alpha=32, dropout=0.05, target_modules="all-linear")
GRPO_DEFAULT = dict(lr=5e-4, gen_batch=16, loss_type="dapo")
TARGET_GAIN = 0.10

# ---------------------------------------------------------------- shared pieces
def data():
    "Training prompts (the default run's 64), the validation split (32 more training-split problems) and the 100 held-out."
    from halo_forge.reasoning import arithmetic_problems
    pool = arithmetic_problems("train", N_TRAIN + N_VAL)   # the first 64 are exactly the default run's training set
    return pool[:N_TRAIN], pool[N_TRAIN:], arithmetic_problems("test", N_HELD)

def load_model():
    "The model `halo-forge reasoning train` loads by default: SmolLM2-135M with the arithmetic system prompt."
    from halo_forge.models import load_causal_lm
    from halo_forge.reasoning import REASONING_SYSTEM
    return load_causal_lm(MODEL, system_prompt=REASONING_SYSTEM)

def verifier_reward(verifier, samples, counter=None):
    "A TRL reward function: `verifier`'s reward for each completion against `samples[i]` (the dataset's `i` column)."
    def math_reward(prompts, completions, i, **kw):
        texts = [c if isinstance(c, str) else c[-1]["content"] for c in completions]   # conversational: the assistant turn
        if counter is not None: counter["completions"] += len(texts)
        return [verifier.safe_verify(t, samples[k]).reward for t, k in zip(texts, i)]
    return math_reward

def cpu_seconds():
    "CPU seconds of this process and its finished children (RAFT's verification pool), user + system."
    t = os.times(); return t.user + t.system + t.children_user + t.children_system

class Clock:
    "Training seconds since start, less the paused stretches: CPU seconds (the budget) and wall seconds (recorded)."
    def __init__(self): self.t0, self.w0, self.paused, self.wpaused, self.p0 = cpu_seconds(), time.perf_counter(), 0.0, 0.0, None
    def pause(self): self.p0 = (cpu_seconds(), time.perf_counter())
    def resume(self):
        self.paused += cpu_seconds() - self.p0[0]; self.wpaused += time.perf_counter() - self.p0[1]; self.p0 = None
    def elapsed(self): return (self.p0[0] if self.p0 else cpu_seconds()) - self.t0 - self.paused
    def wall(self): return (self.p0[1] if self.p0 else time.perf_counter()) - self.w0 - self.wpaused

def parse_sets(pairs, types:dict) -> dict:
    "key=value overrides, each value converted to the type of its field; an unknown key is one clear error."
    out = {}
    for p in pairs or []:
        k, sep, v = p.partition("=")
        k = k.strip().replace("-", "_")
        if not sep or k not in types: sys.exit(f"raft_vs_grpo: {p!r}: expected key=value with key one of {', '.join(sorted(types))}")
        t = types[k]
        out[k] = (v.lower() in ("1", "true", "yes")) if t is bool else t(v)
    return out

OWNED = ".raft_vs_grpo"   # marks a folder this benchmark made (and may delete)

def fresh_folder(path:Path):
    "Empty `path` for a new run: only a folder this benchmark made (it holds `OWNED`) is ever deleted."
    if path.exists():
        if not (path/OWNED).exists(): sys.exit(f"raft_vs_grpo: {path} exists and was not made by this benchmark; move it or choose another --work")
        shutil.rmtree(path)
    path.mkdir(parents=True); (path/OWNED).write_text("made by benchmarks/raft_vs_grpo.py; deleted when its run restarts\n")

def paused(clock, f):
    "`f`, with `clock` paused while it runs."
    def g(*a, **kw):
        clock.pause()
        try: return f(*a, **kw)
        finally: clock.resume()
    return g

def write_json(path, obj):
    tmp = Path(str(path) + ".tmp"); tmp.write_text(json.dumps(obj, indent=1)); os.replace(tmp, path)

# ---------------------------------------------------------------- one run (a worker process)
def train_raft(a, out, train, record):
    from halo_forge.core import RAFTConfig, LoraSettings
    from halo_forge.reasoning import ReasoningRAFTTrainer, REASONING_DEFAULTS
    over = parse_sets(a.raft_set, RAFTConfig.field_types())
    if over.get("replay"):   # the replay pool is indexed by prompt position, and each cycle here has a different window
        sys.exit("--raft-set replay is not supported here: each cycle trains on a different window of prompts")
    per_prompt_decay = REASONING_DEFAULTS["lr_decay"] ** (a.cycle_prompts / N_TRAIN)   # the default's lr schedule per prompt seen
    cfg = RAFTConfig(**{**REASONING_DEFAULTS, "lr_decay": per_prompt_decay, "top_p": SAMPLING["top_p"], **over,
                        "cycles": 1000, "seed": a.seed, "output": str(out/"raft"), "progress": False,
                        "lora_r": LORA["r"], "lora_alpha": LORA["alpha"], "lora_dropout": LORA["dropout"]})
    fresh_folder(out/"raft")   # a rerun must not reuse rollouts on disk: they would cost no CPU
    ad = load_model()
    tr = ReasoningRAFTTrainer(ad, train, cfg)
    ad.enable_lora(LoraSettings(cfg.lora_r, cfg.lora_alpha, cfg.lora_dropout))
    clock, longest, sampled, cycle = Clock(), 0.0, 0, 0
    # RAFT's checkpoint save and reward plot are bookkeeping, as GRPO's checkpoint saves are: both outside the clock
    import halo_forge.core as hc
    tr.adapter.save = paused(clock, tr.adapter.save)
    hc.plot_rewards = paused(clock, hc.plot_rewards)
    while True:
        tr.samples = [train[(cycle * a.cycle_prompts + j) % len(train)] for j in range(a.cycle_prompts)]
        t = clock.elapsed()
        m = tr.run_cycle(cycle)   # generate, verify, select, train, save the checkpoint
        longest = max(longest, clock.elapsed() - t)
        sampled += a.cycle_prompts * cfg.samples_per_prompt
        clock.pause()
        record(clock, sampled, out/"raft"/f"cycle_{cycle:03d}"/"checkpoint",
               {**{k: m.get(k) for k in ("reward_mean", "pass_rate", "kept", "train_loss", "gen_s", "verify_s", "lr", "entropy")},
                "update_s": m.get("train_s")})
        clock.resume()
        cycle += 1
        if clock.elapsed() + longest > a.budget: break
    return {"config": {k: getattr(cfg, k) for k in RAFTConfig.field_names()}, "overrides": over, "cycle_prompts": a.cycle_prompts,
            "generator": "halo-forge decode loop (halo_forge.core.decode, LoRA merged into the base weights)"}

def train_grpo(a, out, train, record):
    import torch
    from datasets import Dataset
    from peft import LoraConfig
    from transformers import TrainerCallback
    from trl import GRPOConfig, GRPOTrainer
    from halo_forge.reasoning import MathVerifier
    g = {**GRPO_DEFAULT, **parse_sets(a.grpo_set, {"lr": float, "gen_batch": int, "loss_type": str, "batch_size": int})}
    ad = load_model()
    rows = [{"prompt": ad.messages(s), "i": i} for i, s in enumerate(train)]
    rendered = ad.tokenizer.apply_chat_template(rows[0]["prompt"], tokenize=False, add_generation_prompt=True)
    assert rendered == ad.format(train[0]), "TRL would see another prompt text than RAFT"
    counter = {"completions": 0}
    args = GRPOConfig(output_dir=str(out/"trl"), learning_rate=g["lr"], lr_scheduler_type="constant", warmup_steps=0,
                      weight_decay=0.0, per_device_train_batch_size=g.get("batch_size", 8), gradient_accumulation_steps=1,
                      generation_batch_size=g["gen_batch"], num_generations=SAMPLING["samples_per_prompt"],
                      max_completion_length=SAMPLING["max_new_tokens"], temperature=SAMPLING["temperature"],
                      top_p=SAMPLING["top_p"], loss_type=g["loss_type"], max_steps=100_000, logging_steps=1,
                      save_strategy="no", report_to=[], seed=a.seed, data_seed=a.seed, use_cpu=True, bf16=False,
                      disable_tqdm=True, dataloader_num_workers=0,
                      gradient_checkpointing=False)   # TRL turns it on by default; RAFT runs without it (its default)
    class Budget(TrainerCallback):   # a checkpoint after every optimizer step; saving is outside the clock
        def on_train_begin(self, args, state, control, **kw): self.clock, self.last, self.longest = Clock(), 0.0, 0.0
        def on_step_end(self, args, state, control, model=None, **kw):
            t = self.clock.elapsed(); self.longest = max(self.longest, t - self.last)
            self.clock.pause()
            ck = out/"grpo"/f"step_{state.global_step:05d}"; model.save_pretrained(ck)
            hist = [h for h in state.log_history if "reward" in h]
            record(self.clock, counter["completions"], ck, {"step": state.global_step, "reward_mean": hist[-1]["reward"] if hist else None,
                                                   "entropy": hist[-1].get("entropy") if hist else None})
            self.clock.resume(); self.last = self.clock.elapsed()
            if t + self.longest > a.budget: control.should_training_stop = True
    peft = LoraConfig(r=LORA["r"], lora_alpha=LORA["alpha"], lora_dropout=LORA["dropout"], target_modules=LORA["target_modules"],
                      task_type="CAUSAL_LM")
    trainer = GRPOTrainer(model=ad.model, reward_funcs=verifier_reward(MathVerifier(), train, counter), args=args,
                          train_dataset=Dataset.from_list(rows), processing_class=ad.tokenizer, peft_config=peft, callbacks=[Budget()])
    trainer.train()
    del trainer
    return {"config": g, "per_device_train_batch_size": args.per_device_train_batch_size, "steps_per_generation": args.steps_per_generation,
            "trl": __import__("trl").__version__, "generator": "TRL (transformers generate on the unmerged LoRA model)"}

def chosen(points, budget, marks):
    "For each of `marks` even marks of the budget, the last checkpoint at or before it (the points evaluated)."
    out = []
    for k in range(1, marks + 1):
        p = [q for q in points if q["train_s"] <= budget * k / marks + 1e-9]
        if p and p[-1] not in out: out.append(p[-1])
    return out

def worker(a):
    import torch
    torch.set_num_threads(1)
    from halo_forge.core import benchmark
    from halo_forge.reasoning import MathVerifier
    train, val, held = data()
    evals = {"heldout": held, "val": val}[a.eval_set][:a.eval_limit or None]
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    res = {"method": a.method, "seed": a.seed, "budget_s": a.budget, "eval_set": a.eval_set, "points": [], "status": "training"}
    path = out/"result.json"
    def record(clock, sampled, ckpt, stats):   # called with the clock paused
        res["points"].append({"train_s": round(clock.elapsed(), 1), "wall_s": round(clock.wall(), 1),
                              "completions": sampled, "checkpoint": str(ckpt), **stats}); write_json(path, res)
    old = json.loads(path.read_text()) if path.exists() else {}
    if old.get("status") == "evaluating": res = old   # training finished, evaluation was cut off (e.g. out of memory): evaluate only
    elif a.method == "base": res["points"].append({"train_s": 0.0, "wall_s": 0.0, "completions": 0, "checkpoint": None})
    else: res.update((train_raft if a.method == "raft" else train_grpo)(a, out, train, record))
    res["status"] = "evaluating"; write_json(path, res)
    import gc; gc.collect()   # the training model and optimizer go before the evaluation model loads
    ad = load_model()
    for p in (res["points"] if a.method == "base" else chosen(res["points"], a.budget, a.marks)[::-1]):   # the end of the budget first
        if "accuracy" in p: continue
        if p["checkpoint"]: ad.load_adapter(p["checkpoint"])
        t = time.perf_counter()
        r = benchmark(ad, MathVerifier(), evals, max_new_tokens=SAMPLING["max_new_tokens"], batch_size=a.eval_batch, progress=False, workers=1)
        p.update(accuracy=r["accuracy"], correct=[int(x["correct"]) for x in r["results"]], eval_s=round(time.perf_counter() - t, 1))
        write_json(path, res)
    res["status"] = "done"; write_json(path, res)

# ---------------------------------------------------------------- the campaign
def run_workers(specs, a):
    "Run worker processes, `--parallel` at once, one thread each; skip any whose result is already complete."
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false", "HF_HUB_OFFLINE": "1",
           "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    todo = [s for s in specs if not done(s["out"])]
    for k in range(0, len(todo), a.parallel):
        procs = []
        for s in todo[k:k+a.parallel]:
            Path(s["out"]).mkdir(parents=True, exist_ok=True)
            cmd = [sys.executable, __file__, "--worker", "--method", s["method"], "--seed", str(s["seed"]), "--budget", str(s["budget"]),
                   "--eval-set", s["eval_set"], "--out", str(s["out"]), "--marks", str(s.get("marks", a.marks)),
                   "--cycle-prompts", str(a.cycle_prompts), "--eval-batch", str(a.eval_batch), "--eval-limit", str(a.eval_limit)]
            cmd += [x for kv in s.get("grpo_set", []) for x in ("--grpo-set", kv)] + [x for kv in s.get("raft_set", []) for x in ("--raft-set", kv)]
            log = open(Path(s["out"])/"log.txt", "w")
            print(time.strftime("%H:%M:%S"), "start", s["name"], flush=True)
            procs.append((s, subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)))
        for s, p in procs:
            rc = p.wait(); print(time.strftime("%H:%M:%S"), "end", s["name"], "rc", rc, flush=True)

def done(out):
    p = Path(out)/"result.json"
    return p.exists() and json.loads(p.read_text()).get("status") == "done"

def load(out):
    p = Path(out)/"result.json"
    return json.loads(p.read_text()) if p.exists() else None

def grpo_name(g): return f"lr={g['lr']:g},gen_batch={g['gen_batch']},loss_type={g['loss_type']}"
def grpo_sets(g): return [f"lr={g['lr']}", f"gen_batch={g['gen_batch']}", f"loss_type={g['loss_type']}"]

SWEEP = [dict(lr=lr, gen_batch=16, loss_type="dapo") for lr in (1e-4, 5e-4, 1e-3)] + [
         dict(lr=1e-3, gen_batch=8, loss_type="dapo"), dict(lr=1e-3, gen_batch=16, loss_type="grpo")]

def sweep_settings(a) -> list[dict]:
    "The GRPO settings swept: `--sweep` (each lr=...,gen_batch=...,loss_type=...) or `SWEEP`."
    if not a.sweep: return SWEEP
    return [{**GRPO_DEFAULT, **parse_sets(x.split(","), {"lr": float, "gen_batch": int, "loss_type": str})} for x in a.sweep]

def final_acc(r):
    "The last evaluated checkpoint inside the budget."
    pts = [p for p in r["points"] if "accuracy" in p and p["train_s"] <= r["budget_s"]]
    return pts[-1] if pts else None

def campaign(a):
    work = Path(a.work); work.mkdir(parents=True, exist_ok=True)
    print(f"work folder {work}; budget {a.budget}s per run, sweep {a.sweep_budget}s, seeds {a.seeds}; machine: {os.cpu_count()} cores, shared", flush=True)
    base = [dict(name="base heldout", method="base", seed=0, budget=0, eval_set="heldout", out=work/"base_heldout"),
            dict(name="base val", method="base", seed=0, budget=0, eval_set="val", out=work/"base_val")]
    sweep = [dict(name=f"sweep {grpo_name(g)}", method="grpo", seed=0, budget=a.sweep_budget, eval_set="val", marks=1,
                  grpo_set=grpo_sets(g), out=work/"sweep"/grpo_name(g)) for g in sweep_settings(a)] if a.sweep_budget > 0 else []
    sweep = sweep if "grpo" in a.methods else []
    run_workers(base + sweep, a)   # phase 1: the GRPO sweep and the base model on the validation and held-out sets
    best = pick_grpo(work)
    if "grpo" in a.methods: print("GRPO setting compared:", grpo_name(best), flush=True)
    runs = [dict(name=f"{m} seed {seed}", method=m, seed=seed, budget=a.budget, eval_set="heldout", raft_set=a.raft_set or [],
                 grpo_set=grpo_sets(best), out=work/f"{m}_{seed}") for seed in a.seeds for m in a.methods]
    run_workers(runs, a)    # phase 2: RAFT and the chosen GRPO setting, every seed, side by side
    report(a)

def pick_grpo(work):
    rows = []
    for d in sorted((work/"sweep").glob("*")) if (work/"sweep").exists() else []:
        r = load(d); f = final_acc(r) if r else None
        if f: rows.append((f["accuracy"], r["config"]))
    if not rows: return dict(GRPO_DEFAULT)
    best = max(a for a, _ in rows)
    return min((c for acc, c in rows if acc == best), key=lambda c: (c["lr"] != GRPO_DEFAULT["lr"], c["lr"]))   # ties: the default lr, then the smaller

# ---------------------------------------------------------------- report
def report(a):
    from halo_forge.core import paired_difference, bootstrap_interval
    work = Path(a.work)
    base = load(work/"base_heldout"); base_val = load(work/"base_val")
    base_acc = base["points"][0]["accuracy"] if base and "accuracy" in base["points"][0] else None
    sweep = []
    for d in sorted((work/"sweep").glob("*")) if (work/"sweep").exists() else []:
        r = load(d); f = final_acc(r) if r else None
        if r and f: sweep.append({"setting": r["config"], "val_accuracy": f["accuracy"], "train_s": f["train_s"], "completions": f["completions"],
                                  "steps": f.get("step")})
    runs = {m: {} for m in ("raft", "grpo")}
    for m in runs:
        for d in sorted(work.glob(f"{m}_*")):
            r = load(d)
            if r and final_acc(r): runs[m][r["seed"]] = r   # a run still evaluating its earlier marks counts once its end is measured
    target = None if base_acc is None else round(base_acc + TARGET_GAIN, 4)
    per = []
    for m, rs in runs.items():
        for seed, r in sorted(rs.items()):
            f = final_acc(r)
            hit = next((p for p in r["points"] if "accuracy" in p and target is not None and p["accuracy"] >= target - 1e-9), None)
            per.append({"method": m, "seed": seed, "end_accuracy": f["accuracy"] if f else None, "end_train_s": f["train_s"] if f else None, "end_wall_s": f.get("wall_s") if f else None,
                        "end_completions": f["completions"] if f else None,
                        "time_to_target_s": hit["train_s"] if hit else None, "completions_to_target": hit["completions"] if hit else None,
                        "curve": [{k: p.get(k) for k in ("train_s", "wall_s", "completions", "accuracy", "reward_mean", "pass_rate", "kept", "step", "entropy")}
                                  for p in r["points"] if "accuracy" in p]})
    seeds = sorted(set(runs["raft"]) & set(runs["grpo"]))
    comp = None
    if seeds:
        x = [c for s in seeds for c in final_acc(runs["grpo"][s])["correct"]]
        y = [c for s in seeds for c in final_acc(runs["raft"][s])["correct"]]
        per_seed = [final_acc(runs["raft"][s])["accuracy"] - final_acc(runs["grpo"][s])["accuracy"] for s in seeds]
        comp = {"seeds": seeds, "raft_minus_grpo": paired_difference(x, y),
                "per_seed_differences": [round(v, 4) for v in per_seed],
                "per_seed_interval": [round(v, 4) for v in bootstrap_interval(per_seed)] if len(seeds) > 1 else None}
    out = {"settings": {"model": MODEL, "dataset": "arithmetic", "train_prompts": N_TRAIN, "val_prompts": N_VAL, "held_out": N_HELD,
                        "sampling": SAMPLING, "lora": LORA, "budget_s": a.budget, "sweep_budget_s": a.sweep_budget, "marks": a.marks,
                        "cycle_prompts": a.cycle_prompts, "raft_set": a.raft_set or [], "target_gain": TARGET_GAIN,
                        "clock": "training CPU seconds (process + children), evaluation and loading excluded; wall seconds recorded",
                        "machine": f"{os.cpu_count()} CPU cores shared with other jobs; one thread per run, all runs of a phase at the same time"},
           "base_accuracy": base_acc, "base_val_accuracy": base_val["points"][0].get("accuracy") if base_val else None, "target": target,
           "grpo_sweep": sweep, "grpo_setting": pick_grpo(work) if sweep else None,
           "raft": next(({k: r[k] for k in ("config", "overrides", "cycle_prompts", "generator") if k in r} for r in runs["raft"].values()), None),
           "grpo": next(({k: r[k] for k in ("config", "per_device_train_batch_size", "steps_per_generation", "trl", "generator") if k in r}
                         for r in runs["grpo"].values()), None),
           "runs": per, "comparison": comp, "notes": a.note}
    write_json(Path(a.json), out)
    print(table(out), flush=True)
    plot(out, Path(a.plot))
    return out

def table(o):
    f = lambda v, d=3: "-" if v is None else (f"{v:.{d}f}" if isinstance(v, float) else str(v))
    lines = [f"base held-out accuracy {f(o['base_accuracy'])}, target {f(o['target'])}; budget {o['settings']['budget_s']:g} training CPU seconds per run", "",
             "| method | seed | end accuracy | at CPU s (wall s) | completions | CPU s to target | completions to target |", "|---|---|---|---|---|---|---|"]
    for r in o["runs"]:
        lines.append(f"| {r['method']} | {r['seed']} | {f(r['end_accuracy'])} | {f(r['end_train_s'], 0)} ({f(r['end_wall_s'], 0)}) | {f(r['end_completions'])} | "
                     f"{f(r['time_to_target_s'], 0) if r['time_to_target_s'] is not None else 'not reached'} | {f(r['completions_to_target'])} |")
    c = o["comparison"]
    if c:
        d = c["raft_minus_grpo"]
        lines += ["", f"RAFT - GRPO at the end of the budget, seeds {c['seeds']}: {d['difference']:+.3f} "
                      f"(95% paired bootstrap over {d['items']} (seed, problem) pairs: {d['interval'][0]:+.3f} to {d['interval'][1]:+.3f}); "
                      f"per seed {c['per_seed_differences']}"]
    if o["grpo_sweep"]:
        lines += ["", "| GRPO sweep setting (seed 0) | validation accuracy | CPU s | completions |", "|---|---|---|---|"]
        lines += [f"| lr {s['setting']['lr']:g}, {s['setting']['gen_batch']} completions per generation, {s['setting']['loss_type']} | "
                  f"{f(s['val_accuracy'])} | {f(s['train_s'], 0)} | {s['completions']} |" for s in o["grpo_sweep"]]
    return "\n".join(lines)

def plot(o, path):
    if not o["runs"]: return
    import matplotlib; matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), sharey=True)
    colors = {"raft": "tab:blue", "grpo": "tab:orange"}
    for r in o["runs"]:
        xs = [[0] + [p[k] for p in r["curve"]] for k in ("train_s", "completions")]
        ys = [o["base_accuracy"] or 0] + [p["accuracy"] for p in r["curve"]]
        for ax, x in zip(axes, xs):
            ax.plot(x, ys, "o-", color=colors[r["method"]], alpha=0.75, ms=3,
                    label=f"{'RAFT' if r['method'] == 'raft' else 'GRPO'}" if r["seed"] == min(q["seed"] for q in o["runs"] if q["method"] == r["method"]) else None)
    for ax, xl in zip(axes, ("training CPU seconds", "completions sampled")):
        if o["target"] is not None: ax.axhline(o["target"], ls="--", c="gray", lw=1)
        ax.set_xlabel(xl); ax.grid(alpha=0.3)
    axes[0].axvline(o["settings"]["budget_s"], ls=":", c="k", lw=1)
    axes[0].set_ylabel("held-out accuracy (100, greedy)"); axes[0].legend()
    fig.suptitle("RAFT (halo-forge) vs GRPO (TRL): one line per seed; dashed: base + 0.10", fontsize=10)
    fig.tight_layout(); path.parent.mkdir(parents=True, exist_ok=True); fig.savefig(path, dpi=110); plt.close(fig)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--budget", type=float, default=600, help="training CPU seconds per run (compared runs)")
    ap.add_argument("--sweep-budget", type=float, default=300, help="training CPU seconds per GRPO sweep run (0: no sweep, GRPO defaults)")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--methods", nargs="+", choices=["raft", "grpo"], default=["raft", "grpo"], help="methods to run (raft alone: no GRPO sweep)")
    ap.add_argument("--sweep", nargs="+", help="GRPO settings to sweep, each lr=...,gen_batch=...,loss_type=... (default: SWEEP)")
    ap.add_argument("--parallel", type=int, default=os.cpu_count() or 1, help="runs at once (one thread each; default: one per core)")
    ap.add_argument("--marks", type=int, default=2, help="evaluated points per run: the last checkpoint at or before each k/marks of the budget")
    ap.add_argument("--cycle-prompts", type=int, default=8, help="prompts per RAFT cycle")
    ap.add_argument("--eval-batch", type=int, default=25, help="prompts per generate call when evaluating")
    ap.add_argument("--eval-limit", type=int, default=0, help="(worker) evaluate only the first N problems, for a quick check")
    ap.add_argument("--raft-set", action="append", default=[], help="a RAFTConfig field for RAFT, key=value (repeatable)")
    ap.add_argument("--grpo-set", action="append", default=[], help="(worker) lr=, gen_batch=, loss_type=, batch_size=")
    ap.add_argument("--work", default=str(HERE/"raft_vs_grpo_runs"))
    ap.add_argument("--json", default=str(HERE/"raft_vs_grpo.json"))
    ap.add_argument("--plot", default=str(ROOT/"nbs"/"images"/"raft_vs_grpo.png"))
    ap.add_argument("--note", action="append", default=[], help="a line of context stored in the JSON (repeatable)")
    ap.add_argument("--report", action="store_true", help="only rebuild table, JSON and plot from --work")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--method", choices=["raft", "grpo", "base"]); ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval-set", choices=["heldout", "val"], default="heldout"); ap.add_argument("--out")
    a = ap.parse_args()
    from halo_forge.core import RAFTConfig
    parse_sets(a.raft_set, RAFTConfig.field_types())   # a bad override fails here, before any run
    if a.worker: worker(a)
    elif a.report: report(a)
    else: campaign(a)

if __name__ == "__main__": main()
