"""Which weight-quantization library should `halo-forge inference optimize` use on CPU?

For each candidate (bitsandbytes' CPU backend, optimum-quanto, torchao) and each of int8 / int4,
quantize a model through transformers' `quantization_config`, save it, load it back, and measure
the saved size, the time of a 128-token forward pass, greedy next-token agreement with the fp32
model and the perplexity on a fixed text. Run: `python benchmarks/quantization_libraries.py [model]`
(default: the embedded smollm2-135m). Results go to `benchmarks/quantization_libraries.json`."""
import json, sys, tempfile, time, traceback
from pathlib import Path
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

TEXT = ("The quick brown fox jumps over the lazy dog. Tom has 5 apples and buys 7 more, so he has 12 apples. "
        "Paris is the capital of France, and Berlin is the capital of Germany. Water boils at 100 degrees Celsius "
        "at sea level. A triangle has three sides, and a square has four equal sides and four right angles. ") * 2

def configs():
    from transformers import BitsAndBytesConfig, QuantoConfig, TorchAoConfig
    def tao8():
        from torchao.quantization import Int8WeightOnlyConfig
        return TorchAoConfig(Int8WeightOnlyConfig())
    def tao4():
        from torchao.quantization import Int4WeightOnlyConfig
        return TorchAoConfig(Int4WeightOnlyConfig(group_size=32, int4_packing_format="opaque"))
    return {("bitsandbytes", "int8"): lambda: BitsAndBytesConfig(load_in_8bit=True),
            ("bitsandbytes", "int4"): lambda: BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                                                 bnb_4bit_compute_dtype=torch.float32),
            ("optimum-quanto", "int8"): lambda: QuantoConfig(weights="int8"),
            ("optimum-quanto", "int4"): lambda: QuantoConfig(weights="int4"),
            ("torchao", "int8"): tao8, ("torchao", "int4"): tao4}

def folder_mb(p): return round(sum(f.stat().st_size for f in Path(p).rglob("*") if f.is_file() and "safetensors" in f.name or f.suffix == ".bin") / 2**20, 1)

@torch.no_grad()
def measure(model, ids, ref=None):
    model(ids[:, :8]); t0 = time.perf_counter()
    for _ in range(3): logits = model(ids).logits[0].float()
    ms = (time.perf_counter() - t0) / 3 * 1000
    nll = torch.nn.functional.cross_entropy(logits[:-1], ids[0, 1:]).item()
    out = {"forward_ms": round(ms, 1), "ppl": round(float(torch.exp(torch.tensor(nll))), 3)}
    if ref is not None: out["top1_agreement"] = round((logits.argmax(-1) == ref.argmax(-1)).float().mean().item(), 4)
    return out, logits

def main(name="smollm2-135m", only=None):
    from halo_forge.models import resolve_model
    folder = resolve_model(name)
    tok = AutoTokenizer.from_pretrained(folder)
    ids = tok(TEXT, return_tensors="pt").input_ids[:, :128]
    base = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32)
    r, ref = measure(base, ids); rows = [{"library": "none", "precision": "fp32", "size_mb": folder_mb(folder), **r}]
    print(rows[-1], flush=True); del base
    for (lib, prec), cfg in configs().items():
        if only and lib not in only.split(","): continue
        row = {"library": lib, "precision": prec}
        try:
            t0 = time.perf_counter()
            m = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32, quantization_config=cfg(), device_map="cpu")
            row["quantize_s"] = round(time.perf_counter() - t0, 1)
            row.update(measure(m, ids, ref)[0])
            with tempfile.TemporaryDirectory() as d:
                try:
                    m.save_pretrained(d); row["size_mb"] = folder_mb(d)
                    m2 = AutoModelForCausalLM.from_pretrained(d, device_map="cpu")
                    row["reload_top1_agreement"] = measure(m2, ids, ref)[0]["top1_agreement"]
                except Exception as e: row["save_or_reload"] = f"{type(e).__name__}: {str(e).splitlines()[0][:160]}"
        except Exception as e:
            row["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"
        print(row, flush=True); rows.append(row)
    out = Path(__file__).with_suffix(".json")
    old = [r for r in (json.loads(out.read_text()) if out.exists() else []) if r["library"] not in {x["library"] for x in rows}]
    out.write_text(json.dumps(old + rows, indent=2))

if __name__ == "__main__": main(*sys.argv[1:])
