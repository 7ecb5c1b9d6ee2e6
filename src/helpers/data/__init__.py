"""Layer 1, data: where files are, datasets checked against their manifests, sources and grades, project facts.

Imports nothing else from :mod:`helpers`.
"""
