"""Benchmarks: `make bench` prints server time of pages against realistic volumes."""
