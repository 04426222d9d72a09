"""What happened to an asset, for apps that react without `assets` knowing them (the API's
change feed and webhooks). Sent inside the saving transaction, after the row is written.

`asset_changed(sender=model, instance=asset, changes=frozenset)`, changes among:
"created", "file" (replaced), "metadata" (corrected), "withdrawn", "published".
"""

from django.dispatch import Signal

asset_changed = Signal()

# `stored_file_served(sender=model, instance=asset, name=stored name, original=bool,
# request=request)`: a file of a visible asset was answered (streamed or redirected).
stored_file_served = Signal()
