"""What `factcheck extract` loads: the libraries it uses, not those of reports or of pint's arrays.

Start-up is a large part of a short extraction (docs/benchmarks.md); these tests keep the
modules that made it slow out of the command, without timing anything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDF = sorted((ROOT / "tests" / "pdfs").glob("*.pdf"))[0]

_RUN = r"""
import json, sys
from factcheck.cli import main
code = main(sys.argv[1:])
loaded = sorted(m for m in ("numpy", "scipy", "dask", "rich", "jinja2", "tabulate") if m in sys.modules)
try:
    import numpy  # hidden from pint while it loaded, importable again after
    numpy_name = numpy.__name__
except ModuleNotFoundError:  # the quick start installs no numpy (the dask extra does)
    import importlib.util
    numpy_name = "numpy" if importlib.util.find_spec("numpy") is None else "hidden"
print(json.dumps({"code": code, "loaded": loaded, "numpy": numpy_name}))
"""


def test_extract_loads_no_report_or_array_libraries(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-c", _RUN, "extract", str(PDF), "-o", str(out), "--no-progress"],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result == {"code": 0, "loaded": [], "numpy": "numpy"}, proc.stderr
    assert list(out.glob("*.yaml"))  # the claim file was written, discovery and all


def test_pint_reads_units_exactly_without_numpy() -> None:
    script = ("import sys; from factcheck.units import unit_system; "
              "d = unit_system(()).resolve('EUR / person / month'); "
              "print(d.factor, d.dims, 'numpy' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.strip() == "12 (('EUR', 1), ('person', -1), ('time', -1)) False"
