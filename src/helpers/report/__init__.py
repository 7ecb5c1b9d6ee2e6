"""The HTML report: an offline static site built from the executed notebooks."""
