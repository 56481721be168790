#!/usr/bin/env python
"""Browser check of the run explorer: start a real JupyterLab server on 127.0.0.1, open a notebook that
shows `RunExplorer` in headless Chromium (selenium), run it, check that the plot and the rollouts table
rendered, and save a screenshot.

    python scripts/explorer_screenshot.py [RUN] [OUT.png]

RUN defaults to models/reasoning_raft when it exists, else a tiny RAFT run made here (a random 2-layer
Llama, as in nbs/60_explore.ipynb). OUT defaults to nbs/images/explore_explorer.png. Needs jupyterlab,
ipywidgets, selenium and Debian's `chromium` and `chromium-driver`. Not part of the notebook tests."""
import json, os, secrets, shutil, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def tiny_run(out:Path) -> Path:
    "The chapter's tiny RAFT run: 'say a number' prompts, graded digit rewards, held-out before and after."
    from halo_forge.core import Sample, Verifier, VerifyResult, RAFTConfig, RAFTTrainer, benchmark, tiny_causal_lm, write_json_atomic
    class DigitVerifier(Verifier):
        def verify(self, completion, sample):
            if "#" in completion: raise ValueError("a '#' is not an answer")
            if str(sample.answer) in completion: return VerifyResult(1.0, True, {"found": sample.answer})
            digits = "".join(ch for ch in completion if ch.isdigit())
            return VerifyResult(0.3 if digits else 0.0, False, {"digits": digits})
    train = [Sample(f"Say a number ({i})", answer="7", meta={"id": f"p{i}"}) for i in range(12)]
    test = [Sample(f"Name a number ({i})", answer="7", meta={"id": f"h{i}"}) for i in range(6)]
    ad, ver = tiny_causal_lm(seed=1), DigitVerifier()
    cfg = RAFTConfig(cycles=3, samples_per_prompt=4, max_new_tokens=6, lr=3e-3, lr_decay=1.0, epochs=2,
                     output=str(out), progress=False, verify_workers=0)
    bench = lambda: benchmark(ad, ver, test, max_new_tokens=6, progress=False, workers=0)
    ev = {"before": bench()}
    tr = RAFTTrainer(ad, ver, train, cfg, info={"model": "tiny-llama", "dataset": "say-a-number", "domain": "toy"})
    tr.log = lambda *a: None
    tr.run()
    ev["after"] = bench()
    # what the run-integrity change records: the prompts, and prompts with the held-out results
    (out/"samples.jsonl").write_text("".join(json.dumps({"i": i, "id": s.meta["id"], "prompt": s.prompt, "answer": s.answer,
                                                         "media": None, "meta": s.meta}) + "\n" for i, s in enumerate(train)))
    by_id = {s.meta["id"]: s for s in test}
    for st in ev.values():
        for r in st["results"]: r.update(prompt=by_id[r["id"]].prompt, media=None)
    write_json_atomic(out/"eval.json", ev)
    return out

def free_port() -> int:
    with socket.socket() as s: s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def notebook(run:Path) -> dict:
    src = f"from halo_forge.explore import RunExplorer\nex = RunExplorer({str(run)!r})\nex"
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": "explore", "metadata": {}, "outputs": [], "source": src}],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}

def main(run=None, out=None):
    out = Path(out or ROOT/"nbs"/"images"/"explore_explorer.png")
    work = Path(tempfile.mkdtemp(prefix="explorer-shot-"))
    if run is None:
        run = ROOT/"models"/"reasoning_raft"
        if not run.is_dir(): run = tiny_run(work/"toy_raft")
    run = Path(run).resolve()
    (work/"explore.ipynb").write_text(json.dumps(notebook(run)))
    port, token = free_port(), secrets.token_hex(16)
    settings = work/"settings"/"@jupyterlab"/"apputils-extension"   # no "Jupyter news?" prompt over the page
    settings.mkdir(parents=True)
    (settings/"notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", "JUPYTER_CONFIG_DIR": str(work/"cfg"),
           "JUPYTERLAB_SETTINGS_DIR": str(work/"settings")}
    bindir = Path(sys.executable).parent
    server = subprocess.Popen([str(bindir/"jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
                               "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
                               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly"]
                              + (["--allow-root"] if os.geteuid() == 0 else []),
                              env=env, stdout=open(work/"server.log", "w"), stderr=subprocess.STDOUT)
    driver = None
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try: urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2); break
            except Exception: time.sleep(0.5)
        else: raise RuntimeError(f"JupyterLab did not start; see {work/'server.log'}")
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
        opts = webdriver.ChromeOptions()
        opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for f in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1500,1500"):
            opts.add_argument(f)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
        driver.get(f"{base}/lab/tree/explore.ipynb?token={token}")
        wait = WebDriverWait(driver, 180, poll_frequency=0.5)
        wait.until(lambda d: d.execute_script("return !!(window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell'))"))
        wait.until(lambda d: d.execute_script(
            "const w = window.jupyterapp.shell.currentWidget; return !!(w && w.sessionContext && w.sessionContext.session"
            " && w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === 'idle')"))
        driver.execute_script("window.jupyterapp.commands.execute('application:toggle-left-area');"
                              "window.jupyterapp.commands.execute('notebook:run-all-cells');")
        # the explorer rendered: the curves image and the rollouts table with rows
        wait.until(lambda d: d.execute_script(
            "const o = document.querySelector('.jp-OutputArea-output .hf-explore');"
            "return !!(o && o.querySelector('img[src^=\"blob:\"], img[src^=\"data:\"]') && o.querySelectorAll('table tbody tr').length > 0)"))
        time.sleep(2)
        driver.execute_script("window.jupyterapp.commands.execute('notebook:hide-cell-code')")
        time.sleep(1)
        driver.execute_script("document.querySelector('.jp-OutputArea-output .hf-explore').scrollIntoView()")
        rows = driver.execute_script("return document.querySelectorAll('.jp-OutputArea-output .hf-explore table tbody tr').length")
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
        print(f"{out}: explorer of {run} with a plot and {rows} table rows")
    finally:
        if driver is not None: driver.quit()
        server.terminate()
        try: server.wait(timeout=20)
        except subprocess.TimeoutExpired: server.kill()

if __name__ == "__main__":
    main(*sys.argv[1:3])
