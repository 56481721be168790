"""One RAFT cycle with 1 and with 2 processes (torchrun, gloo on CPU) on the same prompts: wall time and ratio.

    python benchmarks/raft_processes.py [--model DIR] [--limit 32] [--samples 4] [--max-new-tokens 32]

Without --model it builds a small random Llama (hidden 256, 4 layers) so the run takes minutes on a CPU.
On a 2-core machine expect little gain: each process gets one core. The point is the mechanism; on GPUs each
process has its own device. Writes benchmarks/raft_processes.json.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model"); ap.add_argument("--limit", type=int, default=32); ap.add_argument("--samples", type=int, default=4)
    ap.add_argument("--max-new-tokens", type=int, default=32); ap.add_argument("--procs", type=int, default=2)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp())
    model = a.model
    if model is None:
        from halo_forge.core import tiny_causal_lm
        t = tiny_causal_lm(hidden=256, layers=4); model = str(work/"model")
        t.model.save_pretrained(model); t.tokenizer.save_pretrained(model)
    bindir = Path(sys.executable).parent
    common = ["reasoning", "train", "--model", model, "--limit", str(a.limit), "--cycles", "1", "--samples-per-prompt", str(a.samples),
              "--max-new-tokens", str(a.max_new_tokens), "--eval-limit", "0", "--no-progress", "--reward-threshold", "0"]
    rows = []
    for n in (1, a.procs):
        out = work/f"run{n}"
        cmd = ([str(bindir/"halo-forge")] if n == 1 else [str(bindir/"torchrun"), "--nproc_per_node", str(n), str(bindir/"halo-forge")])
        env = {**os.environ, "OMP_NUM_THREADS": str(max(1, (os.cpu_count() or 2) // n))}
        t0 = time.perf_counter()
        res = subprocess.run(cmd + common + ["--output", str(out)], capture_output=True, text=True, env=env)
        wall = time.perf_counter() - t0
        if res.returncode: sys.exit(res.stderr[-2000:])
        m = [json.loads(l) for l in (out/"metrics.jsonl").read_text().splitlines()][0]
        rows.append({"processes": n, "wall_s": round(wall, 1), "gen_s": m["gen_s"], "verify_s": m["verify_s"], "train_s": m["train_s"],
                     "samples": m["samples"], "replicas_agree": len(set(m.get("replica_digests", ["-"]))) == 1})
    base = rows[0]["wall_s"]
    for r in rows: r["speedup"] = round(base / r["wall_s"], 2)
    print(f"{'processes':>9} {'wall s':>8} {'gen s':>7} {'train s':>8} {'speedup':>8} replicas agree")
    for r in rows: print(f"{r['processes']:>9} {r['wall_s']:>8} {r['gen_s']:>7} {r['train_s']:>8} {r['speedup']:>8} {r['replicas_agree']}")
    res = {"settings": vars(a) | {"model": a.model or "random Llama, hidden 256, 4 layers", "cpus": os.cpu_count()}, "results": rows}
    Path(__file__).with_suffix(".json").write_text(json.dumps(res, indent=2))
    shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__": main()
