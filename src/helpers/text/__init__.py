"""Layer 2, text: a French article becomes tidy tables (sentences, entities, figures, time, reported speech).

Imports only :mod:`helpers.data`.
"""
