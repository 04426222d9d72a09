"""Duplicate matching: exact copies from the database, near copies from the search index.

Exact copies are looked up where they are authoritative (the SHA-256 column of every asset, the
content hash of every fingerprint), so they are found even before the index has caught up. Near
copies are candidates that share index terms with the upload (band terms of perceptual hashes,
MinHash bands, sub-fingerprints), verified one by one with the exact measure of their modality.
"""

from .matching import Match, find_duplicates

__all__ = ["Match", "find_duplicates"]
