"""Reads for the home page: each role's section, in a fixed number of queries.

governance.domain.home decides which sections a person sees; each module here reads one
family of sections (the Director's page, the next meetings, the work of the performance
officer and the administrator, the summaries) and home_page() puts them together.
"""
