"""The agentic default with its SFT warm-up on more training pairs for fewer epochs (the same number of steps).

    python benchmarks/agentic_warmup_size.py TASKS [halo-forge agentic train options ...]

Runs `halo-forge agentic train` in this process with one change: the warm-up trains on the first TASKS tasks of the
`toolcalls` train split (the same generator and seed, so the cycle's 48 prompts are its first 48) instead of on the
cycle's own prompts. Give `--sft-warmup` so that TASKS x epochs stays 192 (the default's 48 x 4): 96 with 2, 192 with 1.
Every other setting is the default unless given. Then measure the run's `final` adapter with `halo-forge agentic
benchmark` (the held-out `toolcalls` test split and `bfcl_irrelevance`).
"""
import sys
import halo_forge.cli as C
from halo_forge.core import DOMAINS

if len(sys.argv) < 2 or not sys.argv[1].isdigit(): sys.exit(__doc__)
TASKS, _warmup = int(sys.argv[1]), C._warmup

def warmup_on_more(ad, samples, cfg, epochs, folder, lr=0.0):
    more = DOMAINS["agentic"].samples("toolcalls", "train", TASKS, {"seed": cfg.seed})
    assert [s.prompt for s in more[:len(samples)]] == [s.prompt for s in samples], "the cycle's prompts must come first"
    print(f"warm-up on {len(more)} tasks (the cycle's {len(samples)} first)", flush=True)
    return _warmup(ad, more, cfg, epochs, folder, lr)

C._warmup = warmup_on_more
C.main(["agentic", "train", *sys.argv[2:]])
