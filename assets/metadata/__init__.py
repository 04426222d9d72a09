"""Metadata read from the file itself, to pre-fill the asset form: photos and PDFs.

Audio and video facts come from `assets.ffmpeg.probe`, through the upload validation.
"""

from .images import ImageMetadata, extract_image_metadata
from .pdf import DocumentMetadata, extract_pdf_metadata

__all__ = ["DocumentMetadata", "ImageMetadata", "extract_image_metadata", "extract_pdf_metadata"]
