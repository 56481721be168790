"""Write README.md from nbs/index.ipynb (what `nbdev-readme` does, without needing Quarto).

    python scripts/make_readme.py           # write README.md
    python scripts/make_readme.py --check   # exit 1 if README.md is out of date

Markdown cells are copied as they are; code cells that are not hidden become ```python blocks,
followed by their text output.
"""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "<!-- generated from nbs/index.ipynb by scripts/make_readme.py: edit the notebook, not this file -->\n\n"


def cell_text(cell):
    src = "".join(cell["source"]).strip()
    if cell["cell_type"] == "markdown": return src
    lines = src.splitlines()
    flags = [l for l in lines if l.startswith("#|")]
    if any(f.replace(" ", "").startswith(("#|hide", "#|export")) for f in flags): return ""
    code = "\n".join(l for l in lines if not l.startswith("#|")).strip()
    out = "".join("".join(o.get("text", "")) for o in cell.get("outputs", []) if o.get("output_type") == "stream")
    return f"```python\n{code}\n```" + (f"\n\n```\n{out.rstrip()}\n```" if out.strip() else "")


def render():
    nb = json.loads((ROOT/"nbs"/"index.ipynb").read_text())
    return HEADER + "\n\n".join(t for t in map(cell_text, nb["cells"]) if t) + "\n"


if __name__ == "__main__":
    text, path = render(), ROOT/"README.md"
    if "--check" in sys.argv:
        ok = path.exists() and path.read_text() == text
        print("README.md is up to date" if ok else "README.md is out of date: run python scripts/make_readme.py")
        sys.exit(0 if ok else 1)
    path.write_text(text)
    print(f"wrote {path}")
