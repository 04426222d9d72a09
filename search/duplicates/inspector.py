"""The duplicates app's look at every upload (registered with `assets.ingest`): its fingerprints,
kept with the upload's facts until the asset is saved (`signal_handlers`)."""

from .fingerprinting import Fingerprinted, fingerprint_file

NAME = "duplicates"


def fingerprint_upload(file, facts) -> Fingerprinted:
    return fingerprint_file(file, family=facts.sniffed.family, sha256=facts.sha256, text=facts.text)
