"""How long the generated vision-language sets take to make, drawing every candidate (before) or only the kept ones (now).

Run: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/vlm_synth_draw.py [--train 800 --test 400]
The sets are those of `halo-forge vlm train`'s default (synth_chartqa+synth_shapes, seed 0). `synth_samples` decides an
item's split from its content before drawing its image; the baseline below is the loop it replaced, which drew every
candidate and then discarded those of the other split (three in four for `test`). Both make the same samples.
"""
import argparse, json, random, time
from halo_forge.core import Sample, hash_split
from halo_forge.vlm_data import SYNTH_KINDS, synth_kinds, synth_samples, image_key, _SHORT_ANSWER

def draw_every_candidate(kind, n, split, seed=0):
    "The loop before: every candidate drawn, then kept or discarded."
    out, seen, i, kinds = [], set(), 0, synth_kinds(kind)
    while len(out) < n and i < 50*n + 100:
        k = kinds[i % len(kinds)]; rng = random.Random(f"{k}|{seed}|{i}"); i += 1
        img, q, a, meta = SYNTH_KINDS[k](rng)
        key = f"{k}|{q}|{a}|{json.dumps({m: v for m, v in meta.items() if m != 'metric'}, sort_keys=True)}"
        if key in seen or hash_split(key) != split: continue
        seen.add(key)
        answer = [a] if meta["metric"] in ("vqa_accuracy", "anls") else a
        prompt = q if meta["metric"] == "choice" else f"{q}\n{_SHORT_ANSWER}"
        out.append(Sample(prompt, answer, img, {"id": f"{k}-{seed}-{i-1}", "source": k, "target": a, "key": key, **meta}))
    return out

def timed(f, *a):
    t = time.perf_counter(); r = f(*a); return r, time.perf_counter() - t

def main(train=800, test=400, kind="synth_chartqa+synth_shapes"):
    rows = {}
    for split, n in (("train", train), ("test", test)):
        before, tb = timed(draw_every_candidate, kind, n, split)
        now, tn = timed(synth_samples, kind, n, split)
        assert [(s.prompt, image_key(s.media)) for s in before] == [(s.prompt, image_key(s.media)) for s in now]
        rows[split] = {"items": n, "seconds_before": round(tb, 1), "seconds_now": round(tn, 1), "speedup": round(tb / tn, 2)}
    print(json.dumps(rows, indent=2))
    return rows

if __name__ == "__main__":
    p = argparse.ArgumentParser(); p.add_argument("--train", type=int, default=800); p.add_argument("--test", type=int, default=400)
    a = p.parse_args(); main(a.train, a.test)
