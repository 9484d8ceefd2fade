"""factcheck: recompute the figures in budget documents exactly and say which ones hold."""

__version__ = "0.1.0"
