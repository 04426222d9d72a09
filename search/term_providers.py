"""Other apps add index terms to the records of the objects they know about: the duplicates app
adds the band terms of an asset's fingerprints. Each registers a provider from its `ready()`."""

from collections.abc import Callable

# A provider takes the indexed instance and returns (terms, fingerprints payload).
TermProvider = Callable[[object], tuple[list[str], dict]]
_providers: list[TermProvider] = []


def register_term_provider(provider: TermProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def term_providers() -> tuple[TermProvider, ...]:
    return tuple(_providers)
