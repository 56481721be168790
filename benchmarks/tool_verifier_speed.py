"""How fast ToolCallingVerifier scores tool calls: 10,000 verifications of mixed single and parallel calls.

Run: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/tool_verifier_speed.py [--n 10000]
Completions are the reference calls of generated `toolcalls` tasks (simple, multiple, parallel,
parallel_multiple, irrelevance), half of them perturbed (wrong value, wrong function, shuffled order,
missing call, broken JSON), so every reward branch is exercised. Reports seconds for the whole set in
this process and through `verify_batch` with 2 worker processes.
"""
import argparse, json, random, time
from halo_forge.agentic import ToolCallingVerifier, HermesFormatter, toolcall_tasks

def perturb(r, sample, fmt):
    calls = [dict(c, arguments=dict(c["arguments"])) for c in sample.answer]
    if not calls: return r.choice([fmt.format_calls([]), '<tool_call>{"name": "get_weather", "arguments": {"city": "Oslo"}}</tool_call>'])
    kind = r.choice(["value", "function", "shuffle", "missing", "broken"])
    if kind == "value": k = next(iter(calls[0]["arguments"])); calls[0]["arguments"][k] = "something else"
    elif kind == "function": calls[0]["name"] = "not_offered"
    elif kind == "shuffle": r.shuffle(calls)
    elif kind == "missing" and len(calls) > 1: calls = calls[1:]
    elif kind == "broken": return fmt.format_calls(calls)[:-25]
    return fmt.format_calls(calls)

def main(n=10_000):
    r, fmt = random.Random(0), HermesFormatter()
    tasks = toolcall_tasks("train", 500) + toolcall_tasks("test", 500)
    pairs = []
    for i in range(n):
        s = tasks[i % len(tasks)]
        pairs.append((s.meta["target"] if r.random() < 0.5 else perturb(r, s, fmt), s))
    comps, samples = [c for c, _ in pairs], [s for _, s in pairs]
    v = ToolCallingVerifier()
    parallel = sum(len(s.answer) > 1 for s in samples)
    t = time.perf_counter(); res = [v.verify(c, s) for c, s in pairs]; in_process = time.perf_counter() - t
    t = time.perf_counter(); res2 = v.verify_batch(comps, samples, workers=2); batch = time.perf_counter() - t
    assert [x.reward for x in res] == [x.reward for x in res2]
    out = {"verifications": n, "parallel_call_samples": parallel, "single_or_no_call_samples": n - parallel,
           "seconds_in_process": round(in_process, 2), "seconds_verify_batch_2_workers": round(batch, 2),
           "mean_reward": round(sum(x.reward for x in res) / n, 4), "correct": sum(x.correct for x in res)}
    print(json.dumps(out, indent=2))
    return out

if __name__ == "__main__":
    p = argparse.ArgumentParser(); p.add_argument("--n", type=int, default=10_000)
    main(p.parse_args().n)
