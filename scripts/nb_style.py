"""Measure how the chapters read: cell sizes, saved outputs, exported stretches without an example.

    python scripts/nb_style.py            # table per notebook + totals, compared with the targets
    python scripts/nb_style.py --check    # exit 1 when a target is missed

Counted per code cell: its lines without `#|` directive lines and blank lines. A cell is *exported* when it has an
`#| export`/`#| exports` directive; an *example* is any other code cell that is executed (not `#| eval: false`).
A *stretch* is the number of exported lines between two examples. A cell that *mixes imports* with other code is one
nbdev's docs build executes although it is not exported (it runs every cell with an import): keep imports in cells of
their own. Targets are in `TARGETS`.
"""
import argparse, ast, json, re, statistics, sys
from pathlib import Path

TARGETS = {"median": 6, "p90": 16, "with_output": 0.11, "stretch": 60, "mixed_imports": 0}

def directives(src:str) -> dict:
    d = {}
    for line in src.splitlines():
        m = re.match(r"\s*#\|\s*([\w-]+)\s*:?\s*(.*)", line)
        if m: d[m.group(1)] = m.group(2).strip()
    return d

def mixes_imports(src:str) -> bool:
    "An import anywhere in the cell (what nbdev's docs build looks for) beside top-level code that is not an import."
    try: tree = ast.parse("\n".join(l for l in src.splitlines() if not l.lstrip().startswith(("!", "%"))))
    except SyntaxError: return False
    is_imp = lambda n: isinstance(n, (ast.Import, ast.ImportFrom))
    return any(map(is_imp, ast.walk(tree))) and not all(map(is_imp, tree.body))

def body_lines(src:str) -> int:
    return sum(1 for l in src.splitlines() if l.strip() and not l.lstrip().startswith("#|"))

def measure(path:Path) -> dict:
    cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    sizes, with_out, stretch, longest, patched, patched_called, mixed = [], 0, 0, 0, [], 0, 0
    for c in cells:
        src = "".join(c["source"]); d = directives(src); n = body_lines(src)
        if not n: continue
        sizes.append(n); with_out += bool(c.get("outputs"))
        if not ("export" in d or "exports" in d): mixed += mixes_imports(src)
        if "export" in d or "exports" in d:
            stretch += n; longest = max(longest, stretch)
            patched += re.findall(r"@patch[^\n]*\ndef (\w+)", src)
        elif d.get("eval") != "false":
            stretch = 0
            patched_called += sum(1 for p in set(patched) if re.search(rf"\.{p}\b|\b{p}\(", src))
            patched = []
    return {"cells": len(sizes), "sizes": sizes, "with_output": with_out, "longest_stretch": longest, "mixed_imports": mixed}

def pct(xs, q): xs = sorted(xs); return xs[min(len(xs)-1, int(q*len(xs)))] if xs else 0

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nbs", default=str(Path(__file__).parent.parent/"nbs"))
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--json", help="also write the numbers to this file")
    a = ap.parse_args(argv)
    rows = {p.name: measure(p) for p in sorted(Path(a.nbs).glob("*.ipynb")) if not p.name.startswith("_")}
    print(f"{'notebook':28} {'cells':>5} {'median':>6} {'p90':>4} {'output':>7} {'stretch':>7} {'mixed':>5}")
    for name, r in rows.items():
        print(f"{name:28} {r['cells']:5} {statistics.median(r['sizes']) if r['sizes'] else 0:6} {pct(r['sizes'], .9):4} "
              f"{r['with_output']/max(1, r['cells']):7.0%} {r['longest_stretch']:7} {r['mixed_imports']:5}")
    sizes = [s for r in rows.values() for s in r["sizes"]]
    tot = {"median": statistics.median(sizes), "p90": pct(sizes, .9),
           "with_output": sum(r["with_output"] for r in rows.values()) / len(sizes),
           "stretch": max(r["longest_stretch"] for r in rows.values()),
           "mixed_imports": sum(r["mixed_imports"] for r in rows.values())}
    print(f"{'all':28} {len(sizes):5} {tot['median']:6} {tot['p90']:4} {tot['with_output']:7.0%} {tot['stretch']:7} {tot['mixed_imports']:5}")
    ok = {"median": tot["median"] <= TARGETS["median"], "p90": tot["p90"] <= TARGETS["p90"],
          "with_output": tot["with_output"] >= TARGETS["with_output"], "stretch": tot["stretch"] <= TARGETS["stretch"],
          "mixed_imports": tot["mixed_imports"] <= TARGETS["mixed_imports"]}
    print("targets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'} ({tot[k]:.2f} vs {TARGETS[k]})" for k, v in ok.items()))
    if a.json: Path(a.json).write_text(json.dumps({"notebooks": {k: {**v, "sizes": None} for k, v in rows.items()}, "all": tot}, indent=1))
    return 0 if all(ok.values()) or not a.check else 1

if __name__ == "__main__": sys.exit(main())
