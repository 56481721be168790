"""RAFT's selection settings measured on the RAFT-vs-GRPO workload: does one of them get further in the same CPU time?

    python benchmarks/raft_settings.py [--seeds 0 1 2] [--parallel 2]   # run what is missing, then summarise
    python benchmarks/raft_settings.py --report                       # summarise the runs on disk

Each setting is one RAFT-only campaign of `benchmarks/raft_vs_grpo.py` (same model, 64 training problems, reward, LoRA,
sampling, 100 held-out problems, 600 training CPU seconds per run, evaluation at half and all of the budget), in its own
work folder (`benchmarks/raft_<setting>_runs/`, not committed):

- `default`: the reasoning defaults (per-prompt selection, identical completions kept once, uniform prompts kept);
- `drop_uniform`: prompts whose samples all passed contribute nothing (RAFT++-style filtering);
- `distinct_false`: identical correct completions of a prompt are all kept (the guard against entropy collapse off);
- `selection_global`: the best half of all samples, not the best of each prompt (no per-prompt balance).

The default runs on seeds 0, 1, 2 (the GRPO comparison's seeds); each other setting on `--seeds` (the same three by
default, as in the reasoning chapter; about 1.5 hours on an idle 2-core machine with `--parallel 2`). Every setting is
compared with the default on the seeds both have: held-out accuracy at the end of the budget, the paired bootstrap
interval over (seed, problem) pairs, completions sampled, and the sampling entropy of the last cycle. Written to
benchmarks/raft_settings.json and printed as a table.
"""
import argparse, json, os, subprocess, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETTINGS = {"default": [], "drop_uniform": ["drop_uniform=true"], "distinct_false": ["distinct=false"], "selection_global": ["selection=global"]}
sys.path.insert(0, str(HERE))
from raft_vs_grpo import load, final_acc

def work(name): return HERE/f"raft_{name}_runs"

def run(name, seeds, a):
    cmd = [sys.executable, str(HERE/"raft_vs_grpo.py"), "--methods", "raft", "--sweep-budget", "0", "--budget", str(a.budget),
           "--parallel", str(a.parallel), "--seeds", *map(str, seeds), "--work", str(work(name)),
           "--json", str(work(name)/"summary.json"), "--plot", str(work(name)/"curves.png")]
    for s in SETTINGS[name]: cmd += ["--raft-set", s]
    print(" ".join(cmd[1:]), flush=True)
    if subprocess.run(cmd).returncode: sys.exit(f"raft_settings: the {name} campaign failed (its log is under {work(name)}); rerun to resume it")

def runs_of(name):
    out = {}
    for d in sorted(work(name).glob("raft_*")):
        r = load(d)
        if r and final_acc(r): out[r["seed"]] = r
    return out

def report(a):
    from halo_forge.core import paired_difference
    base = load(work("default")/"base_heldout")
    rows, default = [], runs_of("default")
    for name in SETTINGS:
        rs = runs_of(name)
        if not rs: continue
        ends = {s: final_acc(r) for s, r in rs.items()}
        last = {s: next((p.get("entropy") for p in reversed(r["points"]) if p.get("entropy") is not None), None) for s, r in rs.items()}
        row = {"setting": name, "raft_set": SETTINGS[name], "seeds": sorted(rs), "end_accuracy": {s: e["accuracy"] for s, e in sorted(ends.items())},
               "completions": {s: e["completions"] for s, e in sorted(ends.items())}, "last_entropy": dict(sorted(last.items()))}
        common = sorted(set(rs) & set(default))
        if name != "default" and common:
            x = [c for s in common for c in final_acc(default[s])["correct"]]
            y = [c for s in common for c in ends[s]["correct"]]
            row["minus_default"] = paired_difference(x, y) | {"seeds": common}
        rows.append(row)
    out = {"workload": "benchmarks/raft_vs_grpo.py --methods raft, 600 training CPU seconds per run, 100 held-out problems (greedy)",
           "generator": "halo-forge decode loop, fp32", "base_accuracy": base["points"][0].get("accuracy") if base else None,
           "settings": rows, "notes": a.note}
    (HERE/"raft_settings.json").write_text(json.dumps(out, indent=1) + "\n")
    f = lambda d: " / ".join(f"{v:.2f}" for v in d.values())
    print(f"base held-out accuracy {out['base_accuracy']}\n\n| setting | seeds | end accuracy | completions | last-cycle entropy | minus default (95% paired interval) |\n|---|---|---|---|---|---|")
    for r in rows:
        d = r.get("minus_default")
        diff = f"{d['difference']:+.3f} ({d['interval'][0]:+.3f} to {d['interval'][1]:+.3f})" if d else ""
        print(f"| {r['setting']} | {r['seeds']} | {f(r['end_accuracy'])} | {' / '.join(map(str, r['completions'].values()))} | "
              f"{' / '.join('-' if v is None else f'{v:.2f}' for v in r['last_entropy'].values())} | {diff} |")

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="seeds of the settings other than the default (which runs 0 1 2)")
    ap.add_argument("--settings", nargs="+", choices=list(SETTINGS), default=list(SETTINGS))
    ap.add_argument("--budget", type=float, default=600)
    ap.add_argument("--parallel", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--note", action="append", default=[], help="a line of context stored in the JSON (repeatable)")
    ap.add_argument("--report", action="store_true", help="only summarise the runs on disk")
    a = ap.parse_args()
    if not a.report:
        for name in a.settings: run(name, [0, 1, 2] if name == "default" else a.seeds, a)
    report(a)

if __name__ == "__main__": main()
