"""Layer 3, models: the domain arithmetic (export-control rules, chips, tariffs and truces, timelines, scenarios).

Imports only :mod:`helpers.text` and :mod:`helpers.data`; never a view.
"""
