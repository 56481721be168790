"""Corpus WER / CER of Whisper models on speech datasets (default: the offline LibriVox and cards clips).

    OMP_NUM_THREADS=1 python benchmarks/audio_wer.py [--models whisper-tiny.en whisper-base] [--datasets librivox cards]
                                                     [--split test] [--limit N] [--json out.json]

Greedy transcripts; WER and CER after Whisper's English normalizer, summed over the corpus
(errors / reference words). Any `--model` that `halo-forge audio` accepts works: built-in aliases,
Hub ids, local folders, or a RAFT run's adapter.
"""
import argparse, json, time
from halo_forge.core import benchmark
from halo_forge.audio import AudioVerifier, asr_summary, load_audio_samples, load_whisper

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=["whisper-tiny.en", "whisper-base"])
    ap.add_argument("--datasets", nargs="+", default=["librivox", "cards"])
    ap.add_argument("--split", default="test")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", help="write the results here")
    a = ap.parse_args()
    rows = []
    for m in a.models:
        ad = load_whisper(m)
        for d in a.datasets:
            samples = load_audio_samples(d, a.split, a.limit)
            t0 = time.perf_counter()
            r = benchmark(ad, AudioVerifier("asr"), samples, max_new_tokens=128, batch_size=8, progress=False, workers=1)
            rows.append({"model": m, "dataset": d, **asr_summary(r["results"]), "seconds": round(time.perf_counter() - t0, 1)})
            print(f"{m:<18} {d:<10} WER {rows[-1]['wer']:.3f}  CER {rows[-1]['cer']:.3f}  ({rows[-1]['clips']} clips, {rows[-1]['seconds']}s)", flush=True)
    if a.json: json.dump(rows, open(a.json, "w"), indent=2)

if __name__ == "__main__": main()
