"""BFCL agreement: `ToolCallingVerifier` against the official BFCL AST checker, on the same inputs.

    python benchmarks/bfcl_agreement.py [--live] [--json out.json] [--quiet]

Inputs: every BFCL v4 gold answer of the AST categories halo-forge loads (simple, multiple, parallel,
parallel_multiple), written as a Hermes completion (`<tool_call>\\n{json}\\n</tool_call>` per call), and
for each gold a set of systematic perturbations (see `perturbations`). Each completion is decoded the
way BFCL decodes Hermes-style output (the `QwenFCHandler.decode_ast` of the installed package, run
without its handler class), checked by `bfcl_eval.eval_checker.ast_eval.ast_checker.ast_checker`
(Python language), and scored by `halo_forge.agentic.ToolCallingVerifier` on the sample that
`halo_forge.agentic.load_bfcl` builds from the same row. *irrelevance* has no AST check: its
completions (no call, a call) are judged by BFCL's relevance rule and reported apart. `--live` adds
the four live AST categories (rows whose gold lists no acceptable value for an argument are skipped).

Prints agreement on the `correct` verdict per category and per perturbation, whether the reward is
1.0 exactly when BFCL says valid, verifications per second of both checkers, and every disagreement.
Exit status 1 when anything disagrees.

`bfcl_eval.constants.model_config` imports every provider SDK; it is replaced by a stub whose only
model config says `underscore_to_dot=False` (Hermes-style prompt models keep dotted function names).
"""
import argparse, ast, copy, json, re, sys, time, types
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MODEL = "halo-forge-hermes"


def import_bfcl():
    "BFCL's AST checker, language enum, output-format check and Hermes decoder, without the provider SDKs."
    stub = types.ModuleType("bfcl_eval.constants.model_config")
    stub.MODEL_CONFIG_MAPPING = {MODEL.replace("_", "/"): types.SimpleNamespace(underscore_to_dot=False)}
    sys.modules["bfcl_eval.constants.model_config"] = stub
    from bfcl_eval.eval_checker.ast_eval.ast_checker import ast_checker
    from bfcl_eval.constants.enums import Language
    import bfcl_eval
    pkg = Path(bfcl_eval.__file__).parent
    # `is_function_calling_format_output` and `is_empty_output` from bfcl_eval/utils.py, and the two decode methods
    # of QwenFCHandler (qwen_fc.py): their modules import openai and other SDKs, so the functions are compiled from the
    # package's own source, unchanged.
    ns = {"json": json, "re": re}
    def grab(path, names, cls=None):
        tree = ast.parse((pkg/path).read_text())
        body = next(n.body for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls) if cls else tree.body
        for n in body:
            if isinstance(n, ast.FunctionDef) and n.name in names:
                n.decorator_list = []
                exec(compile(ast.Module([n], []), str(pkg/path), "exec"), ns)
    grab("utils.py", {"is_function_calling_format_output", "is_empty_output"})
    grab("model_handler/local_inference/qwen_fc.py", {"_extract_tool_calls", "decode_ast"}, cls="QwenFCHandler")
    handler = types.SimpleNamespace(_extract_tool_calls=ns["_extract_tool_calls"])
    decode = lambda text: ns["decode_ast"](handler, text, None, False)
    return ast_checker, Language.PYTHON, decode, ns["is_function_calling_format_output"], ns["is_empty_output"]


def bfcl_ast_valid(checker, lang, decode, fmt_ok, text, functions, gold, category):
    "BFCL's verdict on one completion, as `_evaluate_single_ast_entry` reaches it: decode, format check, AST check."
    try: out = decode(text)
    except Exception: return False, "ast_decoder:decoder_failed"
    if not fmt_ok(out): return False, "ast_decoder:decoder_wrong_output_format"
    r = checker(functions, out, gold, lang, category, MODEL)
    return bool(r["valid"]), r.get("error_type", "")


def bfcl_irrelevance_valid(decode, empty, text):
    try: has_call = not empty(decode(text))
    except Exception: has_call = False
    return not has_call


def hermes(calls):
    "BFCL decodes `<tool_call>\\n{json}\\n</tool_call>`; HermesFormatter writes exactly that."
    from halo_forge.agentic import HermesFormatter
    return HermesFormatter().format_calls(calls) if calls else "I cannot help with that using these tools."


# ---- gold answers as calls ------------------------------------------------------------------------
def acceptable(opts): return [o for o in opts if o != ""]

def first_value(v):
    "A concrete value from a BFCL acceptable value (nested BFCL dicts take their first acceptable values)."
    if isinstance(v, dict) and v and all(isinstance(x, list) for x in v.values()):
        return {k: first_value(acceptable(x)[0]) for k, x in v.items() if acceptable(x)}
    if isinstance(v, list) and v and all(isinstance(x, dict) for x in v): return [first_value(x) for x in v]
    return copy.deepcopy(v)

def gold_calls(gold, pick=0):
    "One call per gold entry: value number `pick` (0 first, -1 last) of each argument, arguments that may be left out left out only when nothing else is listed."
    out = []
    for g in gold:
        (name, args), = g.items()
        out.append({"name": name, "arguments": {k: first_value(acceptable(o)[pick]) for k, o in args.items() if acceptable(o)}})
    return out


# ---- perturbations ---------------------------------------------------------------------------------
def _swap_num(v, to_float):
    if to_float and type(v) is int: return float(v)
    if not to_float and type(v) is float and v.is_integer() and abs(v) < 2**53: return int(v)
    return None

STRING_SAME = [("upper", str.upper), ("spaced", lambda s: s.replace(" ", "  ") + " "), ("punct", lambda s: s.replace(" ", ", ") + "."),
               ("dashes", lambda s: s.replace(" ", "-")), ("quote", lambda s: s.replace("'", '"') if "'" in s else s + "^")]
STRING_DIFF = [("suffix", lambda s: s + "x"), ("bang", lambda s: s + "!"), ("colon", lambda s: s.replace(" ", ":") if " " in s else s + ":"),
               ("paren", lambda s: f"({s})"), ("drop_char", lambda s: s[1:] if len(s) > 1 else s + "q")]

def perturbations(calls, functions, category, rng_seed):
    "(kind, calls) variants of one gold answer given as calls; every kind a rule of BFCL's checker exercises."
    import random
    r = random.Random(rng_seed)
    fdesc = {f["name"]: f for f in functions}
    out = []
    def each_arg(fn):   # apply fn(name, arg, value) -> new value or None to each argument of each call; one variant per hit
        for ci, c in enumerate(calls):
            for k, v in c["arguments"].items():
                nv = fn(c["name"], k, v)
                if nv is not None:
                    new = copy.deepcopy(calls); new[ci]["arguments"][k] = nv; yield new
    def first(it, n=1):
        res = []
        for x in it:
            res.append(x)
            if len(res) >= n: break
        return res
    for to_float, kind in ((True, "int_to_float"), (False, "float_to_int")):
        out += [(kind, c) for c in first(each_arg(lambda f, k, v: _swap_num(v, to_float)), 2)]
        def in_list(f, k, v, to_float=to_float):
            if isinstance(v, list) and v and all(_swap_num(x, to_float) is not None for x in v): return [_swap_num(x, to_float) for x in v]
        out += [(kind + "_in_list", c) for c in first(each_arg(in_list))]
        def in_dict(f, k, v, to_float=to_float):
            if isinstance(v, dict) and any(_swap_num(x, to_float) is not None for x in v.values()):
                return {a: (_swap_num(x, to_float) if _swap_num(x, to_float) is not None else x) for a, x in v.items()}
        out += [(kind + "_in_dict", c) for c in first(each_arg(in_dict))]
    out += [("bool_as_int", c) for c in first(each_arg(lambda f, k, v: int(v) if type(v) is bool else None))]
    out += [("number_as_string", c) for c in first(each_arg(lambda f, k, v: str(v) if type(v) in (int, float) else None))]
    for name, fn in STRING_SAME + STRING_DIFF:
        kind = ("string_same_" if (name, fn) in STRING_SAME else "string_diff_") + name
        out += [(kind, c) for c in first(each_arg(lambda f, k, v: fn(v) if isinstance(v, str) and v and fn(v) != v else None))]
        out += [(kind + "_in_list", c) for c in first(each_arg(lambda f, k, v: [fn(x) if isinstance(x, str) and x else x for x in v]
                                                       if isinstance(v, list) and any(isinstance(x, str) and x for x in v) else None))]
    out += [("list_reversed", c) for c in first(each_arg(lambda f, k, v: v[::-1] if isinstance(v, list) and len(v) > 1 and v[::-1] != v else None))]
    out += [("list_as_tuple_string", c) for c in first(each_arg(lambda f, k, v: str(tuple(v)) if isinstance(v, list) and v else None))]
    out += [("empty_list", c) for c in first(each_arg(lambda f, k, v: [] if isinstance(v, list) and v else None))]
    # arguments: missing, extra, optional left out / set
    for ci, c in enumerate(calls):
        req = fdesc.get(c["name"], {}).get("parameters", {}).get("required", [])
        props = fdesc.get(c["name"], {}).get("parameters", {}).get("properties", {})
        for k in list(c["arguments"])[:3]:
            new = copy.deepcopy(calls); del new[ci]["arguments"][k]
            out.append(("missing_required" if k in req else "missing_optional", new))
        new = copy.deepcopy(calls); new[ci]["arguments"]["unexpected_argument"] = 1; out.append(("extra_argument", new))
        unset = [k for k in props if k not in c["arguments"]]
        if unset:
            k = r.choice(unset); p = props[k]
            val = p.get("default", {"integer": 1, "float": 1.5, "boolean": True, "string": "x", "array": [], "dict": {}}.get(p.get("type"), "x"))
            new = copy.deepcopy(calls); new[ci]["arguments"][k] = val; out.append(("optional_set", new))
        if ci >= 1: break
    # functions: wrong name, another offered function
    new = copy.deepcopy(calls); new[0]["name"] = new[0]["name"] + "_v2"; out.append(("wrong_function", new))
    others = [f["name"] for f in functions if f["name"] != calls[0]["name"]]
    if others:
        new = copy.deepcopy(calls); new[0]["name"] = r.choice(others); out.append(("other_offered_function", new))
    # call sets
    if len(calls) > 1:
        out.append(("calls_reversed", calls[::-1]))
        sh = calls[:]; r.shuffle(sh)
        if sh != calls: out.append(("calls_shuffled", sh))
        out.append(("one_call_missing", calls[:-1]))
        out.append(("first_call_missing", calls[1:]))
    out.append(("one_call_extra", calls + [copy.deepcopy(calls[0])]))
    out.append(("no_call", []))
    return out


# ---- the run -----------------------------------------------------------------------------------------
AST_CATEGORIES = ["simple", "multiple", "parallel", "parallel_multiple"]
LIVE_CATEGORIES = ["live_simple", "live_multiple", "live_parallel", "live_parallel_multiple"]

def main(json_out=None, quiet=False, live=False):
    global AST_CATEGORIES
    if live: AST_CATEGORIES = AST_CATEGORIES + LIVE_CATEGORIES
    from halo_forge.agentic import ToolCallingVerifier, load_bfcl, bfcl_data_dir, BFCL_FILES
    checker, lang, decode, fmt_ok, empty = import_bfcl()
    v = ToolCallingVerifier()
    rows = {}
    for cat in AST_CATEGORIES + ["irrelevance"]:
        stem = BFCL_FILES[cat]
        raw = [json.loads(l) for l in (bfcl_data_dir()/f"BFCL_v4_{stem}.json").read_text().splitlines() if l.strip()]
        golds = {} if cat == "irrelevance" else {json.loads(l)["id"]: json.loads(l)["ground_truth"]
                 for l in (bfcl_data_dir()/"possible_answer"/f"BFCL_v4_{stem}.json").read_text().splitlines() if l.strip()}
        rows[cat] = [(r, golds.get(r["id"]), s) for r, s in zip(raw, load_bfcl(cat))]
    cases, skipped = [], 0   # (category, kind, id, text, row, gold, sample)
    for cat in AST_CATEGORIES:
        for i, (r, gold, s) in enumerate(rows[cat]):
            try: calls = gold_calls(gold)
            except IndexError: skipped += 1; continue   # an argument with no acceptable value: no call can be right
            variants = [("gold", calls)]
            last = gold_calls(gold, -1)
            if last != calls: variants.append(("gold_last_values", last))
            variants += perturbations(calls, r["function"], cat, i)
            seen = set()
            for kind, cs in variants:
                text = hermes(cs)
                if text in seen: continue
                seen.add(text); cases.append((cat, kind, r["id"], text, r, gold, s))
    irr = []
    for i, (r, _, s) in enumerate(rows["irrelevance"]):
        f = r["function"][0]
        args = {k: 1 for k in f["parameters"].get("required", [])}
        irr += [("no_call", r["id"], hermes([]), s), ("a_call", r["id"], hermes([{"name": f["name"], "arguments": args}]), s)]

    t = time.perf_counter()
    bfcl = [bfcl_ast_valid(checker, lang, decode, fmt_ok, text, r["function"], gold, cat) for cat, _, _, text, r, gold, _ in cases]
    t_bfcl = time.perf_counter() - t
    t = time.perf_counter()
    ours = [v.verify(text, s) for _, _, _, text, _, _, s in cases]
    t_ours = time.perf_counter() - t
    irr_bfcl = [bfcl_irrelevance_valid(decode, empty, text) for _, _, text, _ in irr]
    irr_ours = [v.verify(text, s) for _, _, text, s in irr]

    by_cat, by_kind, disagree = defaultdict(Counter), defaultdict(Counter), []
    for (cat, kind, id_, text, r, gold, s), (valid, err), res in zip(cases, bfcl, ours):
        agree = res.correct == valid
        tier_ok = (res.reward == 1.0) == valid
        for d in (by_cat[cat], by_kind[kind]):
            d["n"] += 1; d["agree"] += agree; d["valid"] += valid; d["tier_ok"] += tier_ok
        if not (agree and tier_ok):
            disagree.append({"category": cat, "kind": kind, "id": id_, "bfcl_valid": valid, "bfcl_error": err,
                             "correct": res.correct, "reward": res.reward, "reason": res.details.get("reason"), "completion": text[:300]})
    irr_agree = sum(res.correct == b for res, b in zip(irr_ours, irr_bfcl))
    n = len(cases)
    agree_all = sum(c["agree"] for c in by_cat.values())
    tier_all = sum(c["tier_ok"] for c in by_cat.values())

    print(f"BFCL v4 AST agreement: {n} completions from {sum(len(rows[c]) for c in AST_CATEGORIES) - skipped} gold answers"
          + (f" ({skipped} skipped: no acceptable value)" if skipped else "") + "\n")
    print("| category | cases | BFCL valid | `correct` agrees | reward 1.0 iff valid |")
    print("|---|---|---|---|---|")
    for cat in AST_CATEGORIES:
        c = by_cat[cat]
        print(f"| {cat} | {c['n']} | {c['valid']} | {c['agree']} ({c['agree'] / c['n']:.1%}) | {c['tier_ok']} |")
    print(f"| **all** | {n} | {sum(c['valid'] for c in by_cat.values())} | **{agree_all} ({agree_all / n:.2%})** | {tier_all} |")
    print(f"| irrelevance (relevance rule, apart) | {len(irr)} | {sum(irr_bfcl)} | {irr_agree} ({irr_agree / len(irr):.1%}) | |")
    if not quiet:
        print("\n| perturbation | cases | BFCL valid | agrees |\n|---|---|---|---|")
        for kind, c in sorted(by_kind.items()):
            print(f"| {kind} | {c['n']} | {c['valid']} | {c['agree']} |")
    print(f"\nspeed: ToolCallingVerifier {n / t_ours:,.0f} verifications/s ({t_ours:.2f} s), "
          f"BFCL decode + ast_checker {n / t_bfcl:,.0f}/s ({t_bfcl:.2f} s), one process")
    print(f"\ndisagreements: {len(disagree)}" + (" (irrelevance: " + str(len(irr) - irr_agree) + ")" if irr_agree < len(irr) else ""))
    for d in disagree: print(json.dumps(d, ensure_ascii=False))
    for (kind, id_, text, _), b, res in zip(irr, irr_bfcl, irr_ours):
        if res.correct != b: print(json.dumps({"category": "irrelevance", "kind": kind, "id": id_, "bfcl_valid": b, "correct": res.correct}))
    if json_out:
        Path(json_out).write_text(json.dumps({"cases": n, "agree": agree_all, "reward_tier_agree": tier_all,
            "categories": {k: dict(c) for k, c in by_cat.items()}, "perturbations": {k: dict(c) for k, c in by_kind.items()},
            "irrelevance": {"cases": len(irr), "agree": irr_agree}, "verifications_per_s": n / t_ours,
            "bfcl_checks_per_s": n / t_bfcl, "disagreements": disagree}, indent=1))
    return 0 if not disagree and irr_agree == len(irr) else 1


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", help="write the numbers and the disagreements to this file")
    ap.add_argument("--quiet", action="store_true", help="leave out the table per perturbation")
    ap.add_argument("--live", action="store_true", help="add the live AST categories")
    a = ap.parse_args()
    sys.exit(main(a.json, a.quiet, a.live))
