"""The duplicates app's look at every upload (registered with `assets.ingest`): the cheap part of
its fingerprints, kept with the upload's facts until the asset is saved (`signal_handlers`); the
rest is computed in the background once it is stored."""

from .fingerprinting import Fingerprinted, fingerprint_quickly

NAME = "duplicates"


def fingerprint_upload(file, facts) -> Fingerprinted:
    return fingerprint_quickly(
        file, family=facts.sniffed.family, sha256=facts.sha256, demuxer=facts.sniffed.demuxer
    )
