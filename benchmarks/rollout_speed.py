"""Rollout speed on CPU: what the matmuls allow, where the time goes, and which generation options pay off.

    python benchmarks/rollout_speed.py [--prompts 64] [--agree 200] [--compile] [--json benchmarks/rollout_speed.json]

The workload is the default of `halo-forge reasoning train`: SmolLM2-135M (embedded), the `arithmetic` training
prompts with the reasoning system prompt, 4 samples per prompt, 64 new tokens, T=0.8, top_p=0.95, 32 prompts
per generate call. Every option generates on the same prompts in the same run, and each speed is printed as a
ratio to the old generator (transformers' `generate` with the prompt cache shared among the n samples: the
rollout code before the decode loop, copied below), measured at the start and again at the end of the run
(their spread is the noise of the machine; the load average at the start is recorded).

1. matmul throughput (GFLOP/s, fp32 and bf16) at the shapes of this model's linear layers, for 1..256 tokens
   per step, and the roofline it implies: tokens/s if a decode step cost only its matmuls at that throughput;
2. a torch.profiler breakdown of one rollout batch (matmul, attention, sampling, other ops, Python);
3. tokens/s of: the old generator in fp32 and bf16; halo-forge's decode loop (`halo_forge.core.decode`: top-k/top-p
   without sorting the vocabulary, finished rows dropped, chunked cache) in fp32 (entropy meter on) and bf16; gen
   batch 16/32/64; both at 2 threads; optionally transformers' continuous batching (`generate_batch`) and a static
   cache with `torch.compile`;
4. greedy agreement with the old fp32 generator on `--agree` training prompts (identical completions, verdicts
   and pass rates) of the decode loop in fp32 and in bf16.
"""
import argparse, json, os, platform, statistics, time
import torch
from halo_forge.models import load_causal_lm
from halo_forge.reasoning import arithmetic_problems, REASONING_SYSTEM, MathVerifier
from halo_forge.core import generation_dtype

N, T, TOP_P, NEW = 4, 0.8, 0.95, 64

def old_generate_batch(ad, texts, n, temperature, top_p, max_new_tokens):
    "The generator before this change (pre-fill once, share the cache among the n samples), for the baseline."
    tok = ad.tokenizer
    enc = tok(texts, return_tensors="pt", padding=True, add_special_tokens=False)
    ids, mask = enc["input_ids"], enc["attention_mask"]
    kw = dict(do_sample=True, temperature=temperature, top_p=top_p) if temperature > 0 else dict(do_sample=False)
    with torch.no_grad():
        pos = (mask.cumsum(-1) - 1).clamp(min=0)
        out = ad.model(input_ids=ids[:, :-1], attention_mask=mask[:, :-1], position_ids=pos[:, :-1], use_cache=True)
        cache = out.past_key_values
        cache.batch_repeat_interleave(n)
        gen = ad.model.generate(input_ids=ids.repeat_interleave(n, 0), attention_mask=mask.repeat_interleave(n, 0), cache=cache,
                                max_new_tokens=max_new_tokens, pad_token_id=ad.pad_token_id, **kw)
    dec = tok.batch_decode(gen[:, ids.shape[1]:], skip_special_tokens=True)
    return [dec[j*n:(j+1)*n] for j in range(len(texts))]

def batched(ad, fn, samples, batch_size, seed=0):
    "Run `fn(texts)` on length-sorted batches like `CausalLMAdapter.generate`; completions in the caller's order."
    texts = [ad.format(s) for s in samples]
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = [None]*len(texts)
    for k in range(0, len(order), batch_size):
        idx = order[k:k+batch_size]
        torch.manual_seed(seed*100_003 + idx[0])
        for i, r in zip(idx, fn([texts[i] for i in idx])): out[i] = r
    return out

def count_tokens(ad, outs):
    return sum(len(ad.tokenizer(c, add_special_tokens=False)["input_ids"]) for o in outs for c in o)

# --- 1. matmul throughput and roofline -------------------------------------------------------------
def linear_shapes(cfg):
    "(in, out, count) of every linear layer of a Llama-style decoder, the tied lm_head included."
    h, i, L = cfg.hidden_size, cfg.intermediate_size, cfg.num_hidden_layers
    hd = getattr(cfg, "head_dim", None) or h // cfg.num_attention_heads
    q, kv = cfg.num_attention_heads * hd, cfg.num_key_value_heads * hd
    return [(h, q, L), (h, kv, 2*L), (q, h, L), (h, i, 2*L), (i, h, L), (h, cfg.vocab_size, 1)]

def matmul_time(m, k, n, dtype, budget=0.15):
    a, w = torch.randn(m, k, dtype=dtype), torch.randn(n, k, dtype=dtype)
    for _ in range(2): torch.nn.functional.linear(a, w)
    reps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < budget or reps < 3:
        torch.nn.functional.linear(a, w); reps += 1
    return (time.perf_counter() - t0) / reps

def roofline(cfg, tokens=(1, 4, 16, 64, 128, 256)):
    shapes = linear_shapes(cfg)
    flops_tok = sum(2*k*n*c for k, n, c in shapes)
    res = {"flops_per_token": flops_tok, "rows": []}
    for dt in (torch.float32, torch.bfloat16):
        for m, threads in [(m, 1) for m in tokens] + [(128, 2)]:
            torch.set_num_threads(threads)
            times = {(k, n): matmul_time(m, k, n, dt) for k, n, _ in shapes}
            step = sum(times[k, n]*c for k, n, c in shapes)
            best = max(2*m*k*n/t for (k, n), t in times.items())
            torch.set_num_threads(1)
            res["rows"].append({"dtype": str(dt).split(".")[1], "tokens": m, "threads": threads, "gflops_model": round(flops_tok*m/step/1e9, 1),
                                "gflops_best_shape": round(best/1e9, 1), "roofline_tok_s": round(m/step, 1)})
    return res

# --- 2. profile ----------------------------------------------------------------------------------
def profile_batch(ad, samples, dtype):
    from torch.profiler import profile, ProfilerActivity
    cats = {"matmul": ("addmm", "aten::mm", "aten::bmm", "linear", "matmul"), "attention": ("scaled_dot_product", "softmax_backward", "_flash", "attention"),
            "sampling": ("sort", "multinomial", "cumsum", "topk", "softmax", "scatter", "div", "isin", "gather")}
    with torch.no_grad():
        ad.generate(samples[:2], n=N, temperature=T, top_p=TOP_P, max_new_tokens=4, dtype=dtype)   # warm-up
        t0 = time.perf_counter()
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            ad.generate(samples, n=N, temperature=T, top_p=TOP_P, max_new_tokens=NEW, batch_size=len(samples), seed=0, dtype=dtype)
        wall = time.perf_counter() - t0
    # self time of the leaf operators; what is left of the wall time is Python (generate, processors, model code)
    split = {k: 0.0 for k in cats}; split["other ops"] = 0.0
    for e in prof.key_averages():
        s = e.self_cpu_time_total / 1e6
        if s <= 0: continue
        k = next((c for c, keys in cats.items() if any(x in e.key for x in keys)), "other ops")
        split[k] += s
    ops = sum(split.values())
    top = sorted(prof.key_averages(), key=lambda e: -e.self_cpu_time_total)[:8]
    return {"dtype": dtype, "prompts": len(samples), "wall_s": round(wall, 2), "note": "profiler on: wall is inflated",
            "share": {k: round(v/wall, 3) for k, v in split.items()} | {"python and framework": round(max(0.0, wall-ops)/wall, 3)},
            "top_ops": [(e.key, round(e.self_cpu_time_total/1e6, 2)) for e in top]}

# --- 3. options ----------------------------------------------------------------------------------
def timed(ad, run, label, threads=1):
    torch.set_num_threads(threads); ad.last_entropy = None   # only halo-forge's generate measures it
    t0 = time.perf_counter(); outs = run(); s = time.perf_counter() - t0
    torch.set_num_threads(1)
    tok = count_tokens(ad, outs)
    r = {"option": label, "seconds": round(s, 2), "completions": sum(len(o) for o in outs), "tokens": tok,
         "tok_s": round(tok/s, 1), "entropy": getattr(ad, "last_entropy", None)}
    print(f"  {label:<44}{s:>8.1f}s{tok:>7} tok{tok/s:>8.1f} tok/s", flush=True)
    return r, outs

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="smollm2-135m")
    ap.add_argument("--prompts", type=int, default=64, help="training prompts for the speed runs (the default run has 64)")
    ap.add_argument("--agree", type=int, default=200, help="training prompts for greedy agreement bf16 vs fp32")
    ap.add_argument("--small", type=int, default=4, help="prompts for continuous batching (--cb)")
    ap.add_argument("--cb", action="store_true", help="also time transformers' continuous batching (slow on CPU)")
    ap.add_argument("--compile", action="store_true", help="also time a static cache with torch.compile (minutes of compiling)")
    ap.add_argument("--sections", default="1234", help="which parts to run (results are merged into an existing --json)")
    ap.add_argument("--json", default=os.path.join(os.path.dirname(__file__), "rollout_speed.json"))
    a = ap.parse_args()
    torch.set_num_threads(1)
    ad = load_causal_lm(a.model, system_prompt=REASONING_SYSTEM)
    samples = arithmetic_problems("train", a.prompts)
    old_res = json.load(open(a.json)) if os.path.exists(a.json) else {}
    res = old_res | {"machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores", "load_average_at_start": os.getloadavg(),
           "torch": torch.__version__, "threads": 1, "bf16_supported": torch.ops.mkldnn._is_mkldnn_bf16_supported(),
           "workload": dict(model=a.model, prompts=a.prompts, n=N, temperature=T, top_p=TOP_P, max_new_tokens=NEW)}
    if "1" in a.sections: section1(ad, res)
    if "2" in a.sections: section2(ad, res, samples, a)
    if "3" in a.sections: section3(ad, res, samples, a)
    if "4" in a.sections: section4(ad, res, a)

def section1(ad, res):
    print("1. matmul throughput and roofline (1 thread)", flush=True)
    res["roofline"] = roofline(ad.model.config)
    for r in res["roofline"]["rows"]: print("  ", r)

def section2(ad, res, samples, a):
    print("2. profile of one rollout batch (8 prompts x 4 samples x 64 tokens)", flush=True)
    res["profile"] = [profile_batch(ad, samples[:8], dt) for dt in ("float32", "bfloat16")]
    with open(a.json, "w") as f: json.dump(res, f, indent=1)
    for p in res["profile"]: print("  ", p["dtype"], p["wall_s"], p["share"], p["top_ops"][:4])

def section3(ad, res, samples, a):
    print("3. tokens/s per option", flush=True)
    gen = lambda bs, dt, smp=samples: (lambda: ad.generate(smp, n=N, temperature=T, top_p=TOP_P, max_new_tokens=NEW, batch_size=bs, seed=0, dtype=dt))
    def old(bs, dtype="float32", smp=samples):
        def run():
            with generation_dtype(ad.model, dtype): return batched(ad, lambda t: old_generate_batch(ad, t, N, T, TOP_P, NEW), smp, bs)
        return run
    runs = [timed(ad, old(32), "old generator, fp32, gen batch 32 (baseline)")[0]]
    runs.append(timed(ad, gen(32, "float32"), "decode loop, fp32 (+entropy meter), batch 32")[0])
    runs.append(timed(ad, old(32, "bfloat16"), "old generator, bf16 weights, batch 32")[0])
    runs.append(timed(ad, gen(32, "bfloat16"), "decode loop, bf16 weights, batch 32")[0])
    runs.append(timed(ad, gen(16, "bfloat16"), "decode loop, bf16 weights, batch 16")[0])
    if a.prompts > 32: runs.append(timed(ad, gen(64, "bfloat16"), "decode loop, bf16 weights, batch 64")[0])
    runs.append(timed(ad, old(32), "old generator, fp32, batch 32, 2 threads", threads=2)[0])
    runs.append(timed(ad, gen(32, "float32"), "decode loop, fp32, batch 32, 2 threads", threads=2)[0])
    runs.append(timed(ad, gen(32, "bfloat16"), "decode loop, bf16, batch 32, 2 threads", threads=2)[0])
    small = samples[:a.small]
    if a.cb or a.compile: runs.append(timed(ad, gen(32, "bfloat16", small), f"decode loop, bf16, {a.small} prompts (reference for the next)")[0])
    if a.cb: runs.append(timed(ad, continuous_batching(ad, small, "bfloat16"), f"continuous batching (generate_batch), bf16, {a.small} prompts")[0])
    if a.compile: runs.append(timed(ad, static_compiled(ad, small), f"static cache + torch.compile, bf16, {a.small} prompts")[0])
    runs.append(timed(ad, old(32), "old generator, fp32, gen batch 32 (baseline again)")[0])
    base = statistics.mean([runs[0]["tok_s"], runs[-1]["tok_s"]])
    two = next(r["tok_s"] for r in runs if r["option"] == "old generator, fp32, batch 32, 2 threads")
    for r in runs: r["ratio"] = round(r["tok_s"] / (two if "2 threads" in r["option"] else base), 2)
    res["baseline_tok_s"], res["baseline_spread"], res["baseline_2_threads_tok_s"] = round(base, 1), [runs[0]["tok_s"], runs[-1]["tok_s"]], two
    res["options"], res["options_note"] = runs, "ratios: 1-thread rows to the mean of the two 1-thread baselines, 2-thread rows to the 2-thread old generator"
    with open(a.json, "w") as f: json.dump(res, f, indent=1)
    print(f"  baseline {base:.1f} tok/s (start {runs[0]['tok_s']}, end {runs[-1]['tok_s']}), 2 threads {two}; ratios:")
    for r in runs: print(f"    {r['option']:<56}{r['ratio']:>6.2f}x")

def section4(ad, res, a):
    print(f"4. greedy agreement with the old fp32 generator on {a.agree} training prompts", flush=True)
    agree, v = arithmetic_problems("train", a.agree), MathVerifier()
    def greedy(dtype):
        return lambda: ad.generate(agree, n=1, temperature=0, max_new_tokens=NEW, batch_size=64, dtype=dtype)
    def old_greedy():
        return batched(ad, lambda t: old_generate_batch(ad, t, 1, 0, 1.0, NEW), agree, 64)
    ref, rref = timed(ad, old_greedy, "greedy, old generator, fp32, batch 64")[::-1]
    res["greedy"] = {"prompts": a.agree, "reference": "old generator (transformers generate), fp32", "tok_s_reference": rref["tok_s"]}
    pref = [x.correct for x in v.verify_batch([o[0] for o in ref], agree)]
    res["greedy"]["pass_rate_reference"] = round(sum(pref) / a.agree, 3)
    for dt in ("float32", "bfloat16"):
        out, r = timed(ad, greedy(dt), f"greedy, decode loop, {dt}, batch 64")[::-1]
        ok = [x.correct for x in v.verify_batch([o[0] for o in out], agree)]
        same = sum(x[0] == y[0] for x, y in zip(ref, out))
        res["greedy"][dt] = {"identical": same, "identical_fraction": round(same / a.agree, 3), "pass_rate": round(sum(ok) / a.agree, 3),
                             "same_verdict_fraction": round(sum(x == y for x, y in zip(pref, ok)) / a.agree, 3),
                             "tok_s": r["tok_s"], "ratio": round(r["tok_s"] / rref["tok_s"], 2)}
    print("  ", res["greedy"])
    with open(a.json, "w") as f: json.dump(res, f, indent=1)
    print("wrote", a.json)

def continuous_batching(ad, samples, dtype):
    "transformers' continuous batching: requests are added to a running batch and leave it as they finish."
    from transformers import GenerationConfig
    def run():
        ids = [ad.tokenizer(ad.format(s), add_special_tokens=False)["input_ids"] for s in samples]
        gc = GenerationConfig(do_sample=True, temperature=T, top_p=TOP_P, max_new_tokens=NEW, num_return_sequences=N,
                              eos_token_id=ad.model.generation_config.eos_token_id, pad_token_id=ad.pad_token_id)
        torch.manual_seed(0)
        with generation_dtype(ad.model, dtype):
            res = ad.model.generate_batch(ids, generation_config=gc, max_new_tokens=NEW)
        toks = [r.generated_tokens for r in res.values()]
        return [ad.tokenizer.batch_decode(toks[j*N:(j+1)*N], skip_special_tokens=True) for j in range(len(samples))]
    return run

def static_compiled(ad, samples):
    "A static KV cache and `torch.compile` through generate's own `compile_config` (no shared pre-fill: not compilable)."
    from transformers import CompileConfig
    cc = CompileConfig(mode="default", dynamic=False); cc._compile_all_devices = True
    def fn(texts):
        enc = ad.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)
        with torch.no_grad():
            gen = ad.model.generate(**enc, do_sample=True, temperature=T, top_p=TOP_P, max_new_tokens=NEW, num_return_sequences=N,
                                    pad_token_id=ad.pad_token_id, cache_implementation="static", compile_config=cc)
        dec = ad.tokenizer.batch_decode(gen[:, enc["input_ids"].shape[1]:], skip_special_tokens=True)
        return [dec[j*N:(j+1)*N] for j in range(len(texts))]
    def run():
        with generation_dtype(ad.model, "bfloat16"): return batched(ad, fn, samples, 32)
    return run

if __name__ == "__main__": main()
