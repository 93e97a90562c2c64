"""Agenda packs: a meeting's papers built into one PDF with page ranges, as democratic
services publish them."""
