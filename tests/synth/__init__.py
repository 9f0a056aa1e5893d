"""Tests of the synthetic architectures, the benchmarks support and validator agreement."""
