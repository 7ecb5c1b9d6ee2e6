"""Layer 4, views: the chart theme and one module per notebook that only formats tables and draws charts.

Imports models, text and data; holds no analysis of its own.
"""
