"""The pieces of bench/run.py: what to run, how to measure it, how to report it."""
