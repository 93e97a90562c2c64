"""Helpers every app stands on: no models, imports no app of the project."""
