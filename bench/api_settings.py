"""Settings of `make bench-api`: the production profile, plus Wagtail's stock API v2 images
endpoint mounted beside ours (bench/api_urls.py) so both are measured in one server."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.api_urls"
