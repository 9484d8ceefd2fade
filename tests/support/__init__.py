"""Code the tests share and the package does not ship: hand-built check runs and gold-set scoring.

Imported as ``tests.support``; pytest puts the repository root on the path (``pythonpath`` in
pyproject.toml), and the benchmarks add it themselves.
"""
