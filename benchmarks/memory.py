"""Peak memory of `sft` at 200 and at 2,000 examples, for reasoning (a tiny Llama) and audio (a tiny Whisper).

    python benchmarks/memory.py

Each measurement is a fresh process; its peak RSS (resource.getrusage) is reported. "lazy" is halo-forge as it
is: examples are made batch by batch (`core.LazyExamples`) and a clip's log-mel features only exist inside its
batch (`WhisperAdapter.collate`). "eager", the baseline measured in the same run, builds every example first and
keeps each clip's features in its example, as halo-forge did before. The number that matters is the growth
from 200 to 2,000 examples. Writes benchmarks/memory.json.
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
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''

def main():
    work = Path(tempfile.mkdtemp())
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
    env = {**os.environ, "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}
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
    Path(__file__).with_suffix(".json").write_text(json.dumps(out, indent=2))

if __name__ == "__main__": main()
