"""Peak memory of `sft` at 200 and at 2,000 examples, for reasoning (a tiny Llama), audio (a tiny Whisper) and
vision (a tiny LLaVA); and of loading a 200,000-row local dataset.

    python benchmarks/memory.py [sft] [vlm] [loading] [logits]      (default: all four)

Each measurement is a fresh process; its peak RSS (VmHWM of /proc/self/status) is reported; getrusage's ru_maxrss
is not used, since after exec it starts from the parent's RSS at the fork and would hide a child smaller than that.
"lazy" is halo-forge as it is: examples are made batch by batch (`core.LazyExamples`) and a clip's log-mel features only exist inside its
batch (`WhisperAdapter.collate`). "eager", the baseline measured in the same run, builds every example first and
keeps each clip's features in its example, as halo-forge did before. The number that matters is the growth
from 200 to 2,000 examples. The vision case reads 640x480 PNGs named by path in a TextVQA-shaped jsonl; its "eager"
baseline holds every sample's decoded image (as Hub rows were read) and every example's pixel values.

"loading" is `Domain.samples` for the train and the test split of a generated 200,000-row GSM8K-shaped jsonl,
then the overlap check and the fingerprint of the training part, as `train` does before it loads a model: "list"
is the old code (every row read into a list of dicts, every sample made first), "arrow" is halo-forge now (rows
memory-mapped from an Arrow copy, `LazySamples`), once writing the copy and once reading it from the cache.
Peak RSS is reported above the process's RSS after its imports.

"logits" is one epoch of the agentic default's SFT warm-up (8 `toolcalls` training tasks, batch 4 as in the warm-up, the real
SmolLM2-135M with its tool-offering prompts) with the old batch (right-padded, logits of every position) and the new
(`CausalLMAdapter.collate`: left-padded, logits of the answer positions only), and the new one with gradient
checkpointing; same examples, same loss expected. Writes benchmarks/memory.json (one key per case).
"""
import json, os, subprocess, sys, tempfile
from pathlib import Path

CHILD = r'''
import json, resource, sys, contextlib, io
domain, data, model, n, mode = sys.argv[1:6]
from halo_forge.core import load_domain, sft
dom = load_domain(domain)
if mode == "lazy":
    from halo_forge.cli import main
    with contextlib.redirect_stdout(io.StringIO()):
        main([domain, "sft", "--model", model, "--dataset", data, "--split", "all", "--limit", n, "--epochs", "1",
              "--batch-size", "8", "--no-progress", "--output", sys.argv[6]])
else:
    samples = dom.samples(data, "all", int(n), {})
    ad = dom.load_model(model, {})
    examples = [ad.training_example(s, str(s.meta.get("target", s.answer))) for s in samples]
    if domain == "audio":   # the old layout: every clip's features kept in its example
        from halo_forge.audio import load_audio
        for e in examples: e["input_features"] = ad.features([load_audio(e["audio"])])[0].cpu()
    ad.enable_lora(); ad.train(examples, epochs=1, batch_size=8, progress=False)
print(json.dumps({"peak_mb": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024}))
'''

VLM_CHILD = r'''
import json, resource, sys, contextlib, io
data, model, n, mode, out = sys.argv[1:6]
from halo_forge.core import load_domain
dom = load_domain("vlm")
if mode == "lazy":
    from halo_forge.cli import main
    with contextlib.redirect_stdout(io.StringIO()):
        main(["vlm", "sft", "--model", model, "--dataset", data, "--split", "all", "--limit", n, "--epochs", "1",
              "--batch-size", "8", "--no-progress", "--output", out])
else:   # the old layout: decoded images in the samples, pixel values in every example, all made first
    from halo_forge.vlm_data import load_image
    samples = list(dom.samples(data, "all", int(n), {}))
    for s in samples: s.media = load_image(s.media)
    ad = dom.load_model(model, {})
    examples = [ad.training_example(s, s.meta["target"]) for s in samples]
    for e, s in zip(examples, samples): e.update(ad.processor.image_processor(images=[s.media], return_tensors="pt"))
    ad.enable_lora(); ad.train(examples, epochs=1, batch_size=8, progress=False)
print(json.dumps({"peak_mb": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024}))
'''

LOAD_CHILD = r'''
import json, resource, sys, time
path, mode = sys.argv[1:3]
rss = lambda: int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024
from pathlib import Path
import datasets   # imported before the baseline in both modes: what is measured is the data, not the libraries
from halo_forge.core import load_domain, read_rows, split_local, data_fingerprint, overlap
import halo_forge.reasoning as hr
dom = load_domain("reasoning")
base, t0 = rss(), time.time()
def old_samples(split):   # Domain.samples and load_reasoning as they were: lists of dicts, then of samples
    rows = read_rows(path); conv = hr._row_converter(rows[0].keys())
    every = [hr.row_sample(r, n, path, conv) for n, r in enumerate(rows, 1)]; del rows
    col = read_rows(path)
    col = [r.get("split") for r in col] if any("split" in r for r in col) else None
    return split_local(every, split, col, path)
get = old_samples if mode == "list" else (lambda split: dom.samples(path, split, None, {}))
train, test = get("train"), get("test")
shared, fp = len(overlap(train, test)), data_fingerprint(train)
print(json.dumps({"base_mb": base, "peak_mb": rss(), "seconds": time.time() - t0, "train": len(train), "test": len(test),
                  "shared": shared, "fingerprint": fp}))
'''

LOGITS_CHILD = r'''
import json, sys, time
n, mode = int(sys.argv[1]), sys.argv[2]
from halo_forge.core import load_domain, ModelAdapter
dom = load_domain("agentic")
samples = dom.samples("toolcalls", "train", n, {})
ad = dom.load_model("smollm2-135m", {})
if mode == "full": ad.collate = lambda exs: ModelAdapter.collate(ad, exs)   # the old batch: right-padded, logits everywhere
exs = [ad.training_example(s, str(s.meta.get("target", s.answer))) for s in samples]
t0 = time.time(); ad.enable_lora(); st = ad.train(exs, epochs=1, batch_size=4, progress=False, gradient_checkpointing=mode == "kept_checkpointing")
print(json.dumps({"peak_mb": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024,
                  "seconds": time.time() - t0, "loss": st["train_loss"], "tokens": max(len(e["input_ids"]) for e in exs)}))
'''

def logits_case(work, env, n=8):
    "The agentic warm-up's training step on the real SmolLM2-135M: logits of every position against the answer's only."
    out = []
    for mode in ("full", "kept", "kept_checkpointing"):
        r = peak([LOGITS_CHILD, str(n), mode], env)
        row = {"mode": mode, "examples": n, "batch_size": 4, "longest_tokens": r["tokens"], "peak_mb": round(r["peak_mb"]),
               "seconds": round(r["seconds"], 1), "loss": round(r["loss"], 4)}
        out.append(row); print(row, flush=True)
    f, k, c = out
    print(f"logits: peak kept / full = {k['peak_mb']} / {f['peak_mb']} MB; time {k['seconds']} / {f['seconds']} s; loss {k['loss']} / {f['loss']}; "
          f"with gradient checkpointing {c['peak_mb']} MB, {c['seconds']} s")
    return out

def peak(args, env):
    r = subprocess.run([sys.executable, "-c", *args], capture_output=True, text=True, env=env)
    if r.returncode: sys.exit(r.stderr[-3000:])
    return json.loads(r.stdout.strip().splitlines()[-1])

def vlm_case(work, env):
    from PIL import Image
    from halo_forge.vlm_model import tiny_vlm
    from halo_forge.vlm_data import synth_samples
    tiny_vlm("llava").save(work/"vlm")
    signs = synth_samples("synth_textvqa", 8, "train")
    for i, s in enumerate(signs): s.media.convert("RGB").resize((640, 480)).save(work/f"img{i}.png")
    rows = [{"question": signs[i % 8].prompt.splitlines()[0], "answers": signs[i % 8].answer * 10, "image": f"img{i % 8}.png",
             "question_id": i} for i in range(2000)]
    (work/"vqa.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = []
    for mode in ("eager", "lazy"):
        row = {"domain": "vlm", "mode": mode}
        for n in (200, 2000):
            row[f"peak_mb_{n}"] = round(peak([VLM_CHILD, str(work/"vqa.jsonl"), str(work/"vlm"), str(n), mode, str(work/f"o-vlm-{mode}-{n}")], env)["peak_mb"])
        row["growth_mb"] = row["peak_mb_2000"] - row["peak_mb_200"]
        out.append(row); print(row, flush=True)
    e, l = out
    print(f"vlm: growth lazy / eager = {l['growth_mb']} / {e['growth_mb']} MB")
    return out

def loading_case(work, env, n=200_000):
    rows = ({"question": f"Natalia sold clips to {i} of her friends in April, and then she sold half as many clips in May. "
                         f"How many clips did Natalia sell altogether in April and May? (case {i})",
             "answer": f"Natalia sold {i}/2 = <<{i}/2={i/2:g}>>{i/2:g} clips in May.\nNatalia sold {i}+{i/2:g} = "
                       f"<<{i}+{i/2:g}={1.5*i:g}>>{1.5*i:g} clips altogether in April and May.\n#### {1.5*i:g}"} for i in range(n))
    with open(work/"gsm8k_big.jsonl", "w") as fh: fh.writelines(json.dumps(r) + "\n" for r in rows)
    cache = {**env, "HALO_FORGE_CACHE": str(work/"cache")}   # an empty cache: the first arrow load writes the copy
    out = []
    for mode, label in (("list", "list (before)"), ("arrow", "arrow, first load (writes the copy)"), ("arrow", "arrow, cached copy")):
        r = peak([LOAD_CHILD, str(work/"gsm8k_big.jsonl"), mode], cache)
        row = {"mode": label, "rows": n, "train": r["train"], "test": r["test"], "shared": r["shared"], "fingerprint": r["fingerprint"],
               "above_imports_mb": round(r["peak_mb"] - r["base_mb"]), "peak_mb": round(r["peak_mb"]), "seconds": round(r["seconds"], 1)}
        out.append(row); print(row, flush=True)
    assert len({(r["train"], r["test"], r["fingerprint"]) for r in out}) == 1, "the two paths selected different rows"
    print(f"loading: memory above imports arrow / list = {out[2]['above_imports_mb']} / {out[0]['above_imports_mb']} MB "
          f"({out[0]['above_imports_mb'] / max(1, out[2]['above_imports_mb']):.1f}x less)")
    return out

def main():
    cases = sys.argv[1:] or ["sft", "vlm", "loading", "logits"]
    work = Path(tempfile.mkdtemp())
    env = {**os.environ, "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}
    dest = Path(__file__).with_suffix(".json")
    results = json.loads(dest.read_text()) if dest.exists() else {}
    if isinstance(results, list): results = {"sft": results}   # the file before it had one key per case
    for case, run in (("loading", loading_case), ("vlm", vlm_case), ("sft", sft_case), ("logits", logits_case)):
        if case in cases:
            results[case] = run(work, env)
            dest.write_text(json.dumps(results, indent=2))   # after each case, so a later failure keeps it

def sft_case(work, env):
    from halo_forge.core import tiny_causal_lm
    from halo_forge.audio import tiny_whisper, espeak_speech
    lm = tiny_causal_lm(); lm.model.save_pretrained(work/"lm"); lm.tokenizer.save_pretrained(work/"lm")
    tiny_whisper().save(work/"whisper")
    rows = [{"question": f"Tom has {i} apples and buys {i % 7 + 2} more. How many apples does he have?",
             "answer": f"{i} + {i % 7 + 2} = {2*i % 7 + i + 2}\n#### {i + i % 7 + 2}"} for i in range(2000)]
    (work/"math.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    clips = espeak_speech("train", 8)
    import shutil
    for i, c in enumerate(clips): shutil.copy(c.media, work/f"clip{i}.wav")   # a manifest's media stay in its folder
    (work/"speech.jsonl").write_text("".join(json.dumps({"audio": f"clip{i % 8}.wav", "text": clips[i % 8].answer}) + "\n" for i in range(2000)))
    out = []
    for domain, data, model in (("reasoning", work/"math.jsonl", work/"lm"), ("audio", work/"speech.jsonl", work/"whisper")):
        for mode in ("eager", "lazy"):
            row = {"domain": domain, "mode": mode}
            for n in (200, 2000):
                r = subprocess.run([sys.executable, "-c", CHILD, domain, str(data), str(model), str(n), mode, str(work/f"o-{domain}-{mode}-{n}")],
                                   capture_output=True, text=True, env=env)
                if r.returncode: sys.exit(r.stderr[-3000:])
                row[f"peak_mb_{n}"] = round(json.loads(r.stdout.strip().splitlines()[-1])["peak_mb"])
            row["growth_mb"] = row["peak_mb_2000"] - row["peak_mb_200"]
            out.append(row); print(row, flush=True)
    print(f"\n{'domain':<10} {'mode':<6} {'200 ex MB':>10} {'2000 ex MB':>11} {'growth MB':>10}")
    for r in out: print(f"{r['domain']:<10} {r['mode']:<6} {r['peak_mb_200']:>10} {r['peak_mb_2000']:>11} {r['growth_mb']:>10}")
    for d in ("reasoning", "audio"):
        e, l = [next(r for r in out if r["domain"] == d and r["mode"] == m) for m in ("eager", "lazy")]
        print(f"{d}: growth lazy / eager = {l['growth_mb']} / {e['growth_mb']} MB")
    return out

if __name__ == "__main__": main()
