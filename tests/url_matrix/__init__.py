"""The role-by-URL matrix: every URL pattern, every audience, GET and POST (issue 11)."""
