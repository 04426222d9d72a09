"""Admin pieces that bring the uploader's job notifications to them: a dashboard panel and a
count beside the Transcoding menu item."""

from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem

from .notifications import unread_for

_SHOWN = 10


class NotificationsPanel(Component):
    name = "transcoding_notifications"
    template_name = "transcoding/panels/notifications.html"
    order = 90  # above Wagtail's own panels

    def __init__(self, notes):
        self.notes = notes

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(notes=self.notes, request=parent_context["request"])
        return context


def notifications_panel(request) -> NotificationsPanel | None:
    notes = list(unread_for(request.user)[:_SHOWN])
    return NotificationsPanel(notes) if notes else None


class JobsMenuItem(MenuItem):
    """ "Transcoding", with the number of unread notifications when there are some."""

    def render_component(self, request):
        unread = unread_for(request.user).count()
        label = self.label
        if unread:
            label = _("%(label)s (%(count)d new)") % {"label": self.label, "count": unread}
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )
