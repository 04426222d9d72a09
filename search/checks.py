"""System checks for the search configuration (ids search.*)."""

import re

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

REFRESH_INTERVAL = re.compile(r"^(-1|\d+(ms|s|m|h))$")
# Elasticsearch index names: lower case, none of these characters, not starting with - _ +.
INDEX_NAME = re.compile(r"^[a-z0-9][^A-Z\\/*?\"<>| ,#:]*$")


@register(Tags.compatibility)
def check_search(app_configs, **kwargs) -> list:
    config = settings.LIBRARY_SEARCH
    errors = []
    url = config.get("URL") or ""
    if url and not url.startswith(("http://", "https://")):
        errors.append(
            Error(
                f"ELASTICSEARCH_URL {url!r} is not an http(s) address.",
                hint="Set ELASTICSEARCH_URL to e.g. http://127.0.0.1:9200, or unset it for "
                "database search.",
                id="search.E001",
            )
        )
    if config.get("SHARDS", 1) < 1 or config.get("REPLICAS", 1) < 0:
        errors.append(
            Error(
                f"Index with {config.get('SHARDS')} shards and {config.get('REPLICAS')} replicas.",
                hint="ELASTICSEARCH_SHARDS must be 1 or more, ELASTICSEARCH_REPLICAS 0 or more.",
                id="search.E002",
            )
        )
    if not REFRESH_INTERVAL.match(str(config.get("REFRESH_INTERVAL", "1s"))):
        errors.append(
            Error(
                f"ELASTICSEARCH_REFRESH_INTERVAL is {config.get('REFRESH_INTERVAL')!r}.",
                hint="Give a time such as 1s, 500ms or 30s (or -1 to refresh only on demand).",
                id="search.E003",
            )
        )
    if not INDEX_NAME.match(config.get("INDEX", "")):
        errors.append(
            Error(
                f"ELASTICSEARCH_INDEX {config.get('INDEX')!r} is not a valid index name.",
                hint="Use lower-case letters, digits and dashes, e.g. ncrl-library.",
                id="search.E004",
            )
        )
    return errors


@register(Tags.security, deploy=True)
def check_search_for_production(app_configs, **kwargs) -> list:
    if settings.LIBRARY_SEARCH.get("URL"):
        return []
    return [
        Warning(
            "Search runs on the database alone.",
            hint="Set ELASTICSEARCH_URL: the database backend serves one machine, not a national "
            "library's traffic (README, 'Running at national scale').",
            id="search.W001",
        )
    ]
