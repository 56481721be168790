"""Sampling rollouts with the default vision-language model: every sample's prompt read again (before) or each prompt once (now).

Run: .venv/bin/python benchmarks/vlm_rollouts.py [--prompts 64 --n 4 --batch 8]
A cycle of `halo-forge vlm train` samples 4 answers to each of 160 questions. Before, each batch went through
transformers' `generate` with `num_return_sequences`, which runs the language model over every sample's copy of the
prompt (its 64 image tokens included); now `VisionLMAdapter.generate` reads each prompt once and copies its cache to
the samples (`decode`). Both sample at the cycle's temperature and top-p; the greedy answers are compared too, and must
be the same.
"""
import argparse, json, time, torch
from halo_forge.vlm import load_vlm_samples
from halo_forge.vlm_model import load_vlm
from halo_forge.vlm_data import load_image

def every_copy(ad, samples, n, batch, temperature, top_p=0.95, max_new_tokens=48):
    "The path before: transformers' generate on n copies of each prompt."
    out = []
    for i in range(0, len(samples), batch):
        chunk = samples[i:i+batch]
        enc = ad._encode([ad.format(s) for s in chunk], [load_image(s.media) for s in chunk])
        kw = dict(do_sample=True, temperature=temperature, top_p=top_p) if temperature > 0 else dict(do_sample=False)
        with torch.no_grad():
            g = ad.model.generate(**enc, max_new_tokens=max_new_tokens, num_return_sequences=n if temperature > 0 else 1,
                                  pad_token_id=ad.pad_token_id, **kw)
        dec = ad.tokenizer.batch_decode(g[:, enc["input_ids"].shape[1]:], skip_special_tokens=True)
        k = n if temperature > 0 else 1
        out += [dec[j*k:(j+1)*k] for j in range(len(chunk))]
    return out

def timed(f, *a, **kw):
    t = time.perf_counter(); r = f(*a, **kw); return r, time.perf_counter() - t

def main(prompts=64, n=4, batch=8):
    samples = load_vlm_samples("synth_chartqa+synth_shapes", "train", limit=prompts)
    ad = load_vlm("smollm2-vlm-135m")
    torch.manual_seed(0)
    _, tb = timed(every_copy, ad, samples, n, batch, 0.8)
    _, tn = timed(ad.generate, samples, n=n, temperature=0.8, top_p=0.95, max_new_tokens=48, batch_size=batch, seed=0)
    greedy_before = every_copy(ad, samples, 1, batch, 0.0)
    greedy_now = ad.generate(samples, n=1, temperature=0, max_new_tokens=48, batch_size=batch)
    row = {"prompts": prompts, "samples_per_prompt": n, "batch": batch, "threads": torch.get_num_threads(),
           "seconds_before": round(tb, 1), "seconds_now": round(tn, 1), "speedup": round(tb / tn, 2),
           "greedy_answers_equal": greedy_before == greedy_now}
    print(json.dumps(row, indent=2))
    return row

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--prompts", type=int, default=64); p.add_argument("--n", type=int, default=4); p.add_argument("--batch", type=int, default=8)
    a = p.parse_args(); r = main(a.prompts, a.n, a.batch)
    json.dump(r, open(__file__.replace(".py", ".json"), "w"), indent=2)
