"""Build the weights of the embedded vision-language model `smollm2-vlm-135m` (halo_forge/weights/smollm2_vlm).

Stage `vision` trains the CLIP-style vision encoder from scratch on generated images (a GPU makes this minutes;
on a 2-core CPU use fewer --images and --epochs). Stage `connect` joins it to SmolLM2-135M-Instruct with a new
projector and a LoRA, trained on generated questions (CPU is fine). Stage `continue` trains the projector and
LoRA in --out further, in resumable rounds on new questions (--work keeps each round; run it again to go on after
a stop; each round runs the connect stage's two phases with its --connect-* settings), then scores the starting parts and the last round on the same held-out questions (and on held-out signs apart); with --ship the last
round replaces the parts in --out when it scores higher (recipe.json lists each shipped continuation). Settings and measurements go to recipe.json.
"""
import argparse, json, os, platform, time
from pathlib import Path

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--stage", choices=["vision", "connect", "all", "continue"], default="all")
    p.add_argument("--out", default=str(Path(__file__).resolve().parents[1]/"halo_forge"/"weights"/"smollm2_vlm"))
    p.add_argument("--images", type=int, default=60000, help="generated training images for the vision stage")
    p.add_argument("--test-images", type=int, default=2000, help="held-out images for the vision stage's accuracies")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--connect-samples", type=int, default=800, help="generated questions for the connect stage")
    p.add_argument("--connect-align", type=float, default=0.6, help="share of them (with their captions) in the projector-only phase")
    p.add_argument("--connect-align-lr", type=float, default=2e-3, help="learning rate of the projector-only phase")
    p.add_argument("--connect-lr", type=float, default=5e-4, help="learning rate of the projector + LoRA phase")
    p.add_argument("--connect-batch-size", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--work", default="runs/vlm_continue", help="continue: the rounds' folder (a stopped run goes on from it)")
    p.add_argument("--rounds", type=int, default=3, help="continue: rounds in all, counting those already in --work")
    p.add_argument("--round-samples", type=int, default=400, help="continue: new generated questions per round")
    p.add_argument("--eval-samples", type=int, default=200, help="continue: held-out questions scored before and after")
    p.add_argument("--eval-signs", type=int, default=40, help="continue: held-out sign questions scored before and after, apart")
    p.add_argument("--eval-seed", type=int, default=0, help="continue: which held-out questions (another seed: fresh ones, for a comparison after others picked a recipe)")
    p.add_argument("--ship", action="store_true", help="continue: put the last round's parts in --out when they score higher on the held-out questions (recipe.json records it)")
    a = p.parse_args(argv)
    if a.eval_samples < 1 or a.eval_signs < 0 or a.eval_seed < 0:
        p.error("--eval-samples must be at least 1, --eval-signs and --eval-seed 0 or more")
    import torch
    from halo_forge import vlm
    from halo_forge.core import write_json_atomic
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    rp = out/"recipe.json"; recipe = read_recipe(rp)
    dev = torch.cuda.get_device_name(0) if torch.cuda.is_available() else f"CPU ({os.cpu_count()} cores, {platform.machine()})"
    if a.stage in ("vision", "all"):
        t = time.time()
        vision, acc = vlm.pretrain_vision(a.images, a.epochs, a.batch_size, a.lr, seed=a.seed, test_images=a.test_images)
        vlm.save_vision_weights(vision, out)
        recipe["vision_stage"] = {"images": a.images, "epochs": a.epochs, "batch_size": a.batch_size, "lr": a.lr, "seed": a.seed,
                                  "device": dev, "seconds": round(time.time() - t), "held_out_accuracy": acc}
        write_json_atomic(rp, recipe)
        print(json.dumps(recipe["vision_stage"], indent=1))
    if a.stage in ("connect", "all"):
        t = time.time()
        rep = vlm.connect_default(out, a.connect_samples, a.connect_align, a.connect_align_lr, a.connect_lr, a.connect_batch_size, seed=a.seed)
        recipe = read_recipe(rp)
        recipe["connect_stage"] = {"samples": a.connect_samples, "align": a.connect_align, "align_lr": a.connect_align_lr,
                                   "lr": a.connect_lr, "batch_size": a.connect_batch_size, "device": dev,
                                   "seconds": round(time.time() - t), **rep}
        write_json_atomic(rp, recipe)
        print(json.dumps(recipe["connect_stage"], indent=1))
    if a.stage == "continue":
        from halo_forge.core import HaloForgeError
        try: continue_stage(a, out, rp, dev)
        except HaloForgeError as e: raise SystemExit(f"build_vlm_default.py: {e}")

def read_recipe(rp):
    "The recipe so far, or {}; a file that is not a JSON object stops the script with one line (nothing is overwritten)."
    if not rp.exists(): return {}
    try: recipe = json.loads(rp.read_text())
    except (ValueError, UnicodeDecodeError) as e: recipe = e
    if not isinstance(recipe, dict):
        raise SystemExit(f"build_vlm_default.py: {rp} is not a JSON object ({recipe}); restore it from git or move it away, then run again")
    return recipe

def continue_stage(a, out, rp, dev):
    import shutil
    from halo_forge import vlm
    from halo_forge.core import paired_difference, bootstrap_interval, write_json_atomic
    work = Path(a.work)
    if a.rounds < 1: raise SystemExit("build_vlm_default.py: --rounds must be at least 1")
    rounds = vlm.continue_connect(out, work, a.rounds, a.round_samples, a.connect_align, a.connect_align_lr, a.connect_lr,
                                  a.connect_batch_size, seed=a.seed + 100)
    last = work/f"round_{len(rounds) - 1}"
    held = vlm.synth_samples("synth_mix", a.eval_samples, "test", seed=a.eval_seed)
    signs = vlm.synth_samples("synth_textvqa", a.eval_signs, "test", seed=a.eval_seed + 2) if a.eval_signs else []
    kinds = [s.meta["source"] for s in held]
    scores, sign_scores = {}, {}
    for name, src in (("start", out), ("continued", last)):
        ad = vlm.load_connected(out, src)
        scores[name], sign_scores[name] = vlm.output_scores(ad, held), vlm.output_scores(ad, signs) if signs else []
    def summary(v): return {"output": round(sum(v) / len(v), 4), "interval": [round(x, 4) for x in bootstrap_interval(v)],
                            **{k: round(sum(x for x, kk in zip(v, kinds) if kk == k) / kinds.count(k), 4) for k in sorted(set(kinds))}}
    report = {"held_out_items": len(held), "eval_seed": a.eval_seed, "per_kind_items": {k: kinds.count(k) for k in sorted(set(kinds))},
              **{n: summary(v) for n, v in scores.items()}, "difference": paired_difference(scores["start"], scores["continued"])}
    if signs: report["signs"] = {"items": len(signs), **{n: round(sum(v) / len(v), 4) for n, v in sign_scores.items()},
                                 "difference": paired_difference(sign_scores["start"], sign_scores["continued"])}
    print(json.dumps(report, indent=1))
    (work/"comparison.json").write_text(json.dumps(report, indent=1))
    if a.ship and report["difference"]["difference"] <= 0:
        print(f"not shipped: the last round scores {report['difference']['difference']:+.4f} against the shipped parts on {len(held)} held-out questions")
    elif a.ship:
        for f in ("connector.safetensors", "connector_config.json"):
            shutil.copyfile(last/f, out/f".{f}.tmp"); os.replace(out/f".{f}.tmp", out/f)
        recipe = read_recipe(rp)
        stage = {"device": sorted({r.get("device", dev) for r in rounds}), "compared_on": dev,
                 "settings": json.loads((work/"halo_forge.json").read_text())["settings"],
                 "rounds": rounds, "seconds": sum(r["seconds"] for r in rounds), **report}
        recipe["continue_stages"] = recipe.get("continue_stages", []) + [stage]   # each shipped continuation, in order
        write_json_atomic(rp, recipe)
        print(f"shipped {last} into {out}")

if __name__ == "__main__": main()
