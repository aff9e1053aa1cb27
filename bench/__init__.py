"""Benchmark harness: the app against a bare Streamlit baseline (see docs/performance.md)."""
