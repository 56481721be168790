"""Batched generation vs a one-prompt-at-a-time `generate` loop, same model, same prompts.

    python benchmarks/generation_batching.py [--model smollm2-135m] [--prompts 16] [--n 4] [--max-new-tokens 64]

Both sides sample `n` completions for every prompt with the same settings. The baseline calls
`model.generate` once per completion (one prompt, one sequence); halo-forge's `CausalLMAdapter.generate`
sends `--batch-size` prompts with `num_return_sequences=n` per call. Prints samples/s for both and the ratio.
"""
import argparse, json, time
import torch
from halo_forge.models import load_causal_lm
from halo_forge.reasoning import arithmetic_problems

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="smollm2-135m")
    ap.add_argument("--prompts", type=int, default=16)
    ap.add_argument("--n", type=int, default=4)
    ap.add_argument("--max-new-tokens", type=int, default=64)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", help="write the results here")
    a = ap.parse_args()
    ad = load_causal_lm(a.model)
    samples = arithmetic_problems("test", a.prompts)
    tok, m = ad.tokenizer, ad.model
    # every sequence is forced to the full length, so both sides produce the same number of tokens
    ad.generate(samples[:1], n=1, max_new_tokens=4)          # warm-up
    m.generation_config.min_new_tokens = a.max_new_tokens
    kw = dict(do_sample=True, temperature=0.8, top_p=0.95, max_new_tokens=a.max_new_tokens, pad_token_id=ad.pad_token_id)
    t0 = time.perf_counter()
    for s in samples:
        enc = tok([ad.format(s)], return_tensors="pt", add_special_tokens=False)
        for _ in range(a.n):
            with torch.no_grad(): m.generate(**enc, **kw)
    loop_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    outs = ad.generate(samples, n=a.n, temperature=0.8, top_p=0.95, max_new_tokens=a.max_new_tokens, batch_size=a.batch_size)
    assert sum(len(o) for o in outs) == a.prompts * a.n
    batch_s = time.perf_counter() - t0
    total = a.prompts * a.n
    res = {"model": a.model, "completions": total, "max_new_tokens": a.max_new_tokens, "threads": torch.get_num_threads(),
           "loop_samples_per_s": round(total / loop_s, 3), "batched_samples_per_s": round(total / batch_s, 3),
           "speedup": round(loop_s / batch_s, 2)}
    print(f"{'':<28}{'seconds':>10}{'samples/s':>12}")
    print(f"{'one prompt per generate':<28}{loop_s:>10.1f}{total/loop_s:>12.2f}")
    print(f"{'batched (halo-forge)':<28}{batch_s:>10.1f}{total/batch_s:>12.2f}")
    print(f"speedup: {res['speedup']}x  ({total} completions of {a.max_new_tokens} tokens, {res['threads']} threads)")
    if a.json: open(a.json, "w").write(json.dumps(res, indent=2))

if __name__ == "__main__": main()
