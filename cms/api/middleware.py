"""Compression for the API's JSON, feeds and harvests only: HTML pages carrying CSRF tokens stay
uncompressed (BREACH)."""

from django.middleware.gzip import GZipMiddleware

from .gate import API_PREFIXES


class ApiCompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not request.path.startswith(API_PREFIXES):
            return response
        return super().process_response(request, response)
