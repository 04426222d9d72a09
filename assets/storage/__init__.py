"""Storage for asset files: originals stored once under content keys, private downloads.

`choice` maps the configured Django backend to ours (importable from settings), `backends` holds
the storage classes, `references` answers whether an asset still uses a stored original, and
`links` hands out short-lived download addresses.
"""
