"""The editors' side of reuse across agencies: asking the agency that holds an asset they may not
see yet (a duplicate check named it only by a reference) for it, and that agency's inbox."""
