"""Helpers for the H20 notebooks: parse the article into tables, load sourced data, draw charts.

Notebooks import this package in one setup cell; the logic lives here so that it is typed,
documented and unit-tested, and notebooks stay narrative.
"""

__version__ = "0.1.0"
