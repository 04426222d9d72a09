"""The fingerprint algorithms, free of Django: files and texts in, hashes, terms and verdicts out.

Each module does one thing (PDQ of a picture, frames of a video, Chromaprint of a sound, MinHash of
a text, the band terms of a hash, the alignment of two pictures); `..modalities` puts them
together per modality. An import-linter contract keeps Django out of this package.
"""
