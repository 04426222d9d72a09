"""Wagtail's image and document listings with each item's duplicate check: "not checked" (or
"checking for copies") in its own column, where editors look for their assets. Images show it in
the list layout; the grid shows pictures only."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.documents.views.documents import IndexView as DocumentsIndexView
from wagtail.images.views.images import IndexView as ImagesIndexView

from search.keys import key_for

from ..unchecked import states_of


class CheckStateColumn(Column):
    cell_template_name = "duplicates/check_state_cell.html"


def check_state_column():
    return CheckStateColumn(
        "duplicate_check", label=_("Checks for copies"), accessor="duplicate_check_state"
    )


class CheckStateMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = list(context["object_list"])
        states = states_of(key_for(item) for item in shown)
        for item in shown:
            item.duplicate_check_state = states.get(key_for(item), "")
        return context

    @cached_property
    def columns(self):
        columns = super().columns
        return [*columns, check_state_column()] if columns else columns


class CheckedImagesIndexView(CheckStateMixin, ImagesIndexView):
    pass


class CheckedDocumentsIndexView(CheckStateMixin, DocumentsIndexView):
    pass
