"""Size, quality and speed of one model in every inference format, side by side.

Runs `halo_forge.inference.compare_formats` on fp32, fp16, int8, int4 (transformers), GGUF F16 / Q8_0 /
Q4_K_M (llama.cpp) and ONNX (onnxruntime), prints the table and writes results.json and benchmark.png.
Usage: `OMP_NUM_THREADS=1 python benchmarks/inference_formats.py [model] [output] [num_prompts] [max_new_tokens]`
(default: the embedded smollm2-135m, runs/inference-smollm2, 8 prompts, 32 tokens)."""
import sys
import torch
from halo_forge.inference import VARIANTS, compare_formats, format_table, load_model

def main(model="smollm2-135m", output="runs/inference-smollm2", num_prompts="8", max_new_tokens="32"):
    torch.set_num_threads(1)
    rows = compare_formats(load_model(model), VARIANTS[:7] + ("onnx",), output, int(num_prompts), int(max_new_tokens))
    print(format_table(rows))
    for r in rows:
        if "tensor_types" in r: print(r["variant"], r["tensor_types"])

if __name__ == "__main__": main(*sys.argv[1:])
