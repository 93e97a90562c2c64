"""Pages of the improvement plan: lists (lists.py), one action (actions.py), imports."""
