"""Benchmarks: `make bench` (or `python -m bench`). Not tests: they print timings and ratios."""
