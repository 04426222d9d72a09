"""Wagtail's ChooserViewSet translates its default labels when the module is imported (plain
`gettext`), so the language active at start-up (Vietnamese) stuck to the chooser's "Search" tab
for English editors too. The same labels, translated when shown."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

LABELS = {
    "choose_one_text": _("Choose"),
    "choose_another_text": _("Choose another"),
    "edit_item_text": _("Edit"),
    "search_tab_label": _("Search"),
    "create_action_label": _("Create"),
}


def translate_chooser_labels_when_shown() -> None:
    """Run from ready(), before the admin's URLs build the chooser views."""
    for name, label in LABELS.items():
        setattr(ChooserViewSet, name, label)
