"""Runs exported Python models for tests/js/export/runtimes.test.mjs.

stdin: {"jobs": [{"kind": "numpy" | "pytorch", "path": file, "x": [...], "y": [...]}]}
stdout: {"results": [{"outputs": [[...], ...], "predicted": [...], "main": text}]}: each model's
outputs at the points, its predict() and what running the file as a script printed.
"""
import contextlib
import importlib.util
import io
import json
import runpy
import sys

import numpy as np


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(job, index):
    module = load(job["path"], f"exported_{index}")
    x = np.array(job["x"], dtype=np.float64)
    y = np.array(job["y"], dtype=np.float64)
    if job["kind"] == "numpy":
        outputs = module.forward(x, y)
        predicted = module.predict(x, y)
    else:
        import torch

        xy = torch.tensor(np.stack([x, y], axis=1), dtype=torch.float32)
        with torch.no_grad():
            outputs = module.model(xy).numpy()
        predicted = module.predict(xy).numpy()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        runpy.run_path(job["path"], run_name="__main__")
    return {
        "outputs": np.asarray(outputs, dtype=np.float64).tolist(),
        "predicted": np.asarray(predicted, dtype=np.float64).tolist(),
        "main": printed.getvalue(),
    }


def main():
    jobs = json.load(sys.stdin)["jobs"]
    json.dump({"results": [run(job, i) for i, job in enumerate(jobs)]}, sys.stdout)


if __name__ == "__main__":
    main()
