"""Pages of the scorecard: areas and exceptions, indicators, data entry, imports."""
