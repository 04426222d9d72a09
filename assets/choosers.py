"""The media chooser's last step for every visible item.

wagtailmedia returns a chosen item to the page editor only if the user may edit it, so another
agency's published video or podcast was listed (the chooser's queryset hook) and then refused with
a 403 that left the modal open. Reuse needs the same rule as the listing: the visibility rule.
Registered at wagtailmedia's own path, ahead of it, so its links and JavaScript keep working.
"""

from django.shortcuts import get_object_or_404
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtailmedia.views.chooser import get_media_json

from .models import MediaAsset
from .visibility import visible_to


def media_chosen(request, media_id: int):
    media = get_object_or_404(visible_to(MediaAsset.objects.all(), request.user), pk=media_id)
    answer = {"step": "media_chosen", "result": get_media_json(media)}
    return render_modal_workflow(request, None, None, None, json_data=answer)
