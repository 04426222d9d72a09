"""Filters of the image and document choosers: agency, kind, topic, campaign and licence, beside
Wagtail's own search and collection filters. Editors choose among every agency's published assets,
so "whose" and "under which licence" narrow a search as much as its words.

Wagtail's choosers take their filter form from the view (`get_filter_form_class`); the filtering
happens on the queryset before the search, as Wagtail's collection filter does."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.documents.views.chooser import viewset as document_chooser
from wagtail.images.views.chooser import viewset as image_chooser

from cms.agencies.models import Agency
from cms.taxonomy.models import Campaign, Licence, Topic

# Wagtail's chooser script sends the search again whenever such a field changes.
FILTER = {"data-chooser-modal-search-filter": True}


def _choice(queryset, label, everything) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset, required=False, label=label, empty_label=everything,
        widget=forms.Select(attrs=FILTER),
    )  # fmt: skip


class AssetFilterMixin(forms.Form):
    """The library's own filters; `kind_choices` set per model by `asset_filter_form`."""

    kind_choices: list = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = _choice(
            Agency.objects.order_by("name"), _("Agency"), _("All agencies")
        )
        if self.kind_choices:
            self.fields["kind"] = forms.ChoiceField(
                choices=[("", _("All kinds")), *self.kind_choices],
                required=False,
                label=_("Kind"),
                widget=forms.Select(attrs=FILTER),
            )
        self.fields["topic"] = _choice(Topic.objects.all(), _("Topic"), _("All topics"))
        self.fields["campaign"] = _choice(Campaign.objects.all(), _("Campaign"), _("All campaigns"))
        self.fields["licence"] = _choice(Licence.objects.all(), _("Licence"), _("All licences"))

    def filter(self, objects):
        chosen = self.cleaned_data
        lookups = {
            "agency": chosen.get("agency"),
            "kind": chosen.get("kind"),
            "topics": chosen.get("topic"),
            "campaign": chosen.get("campaign"),
            "licence": chosen.get("licence"),
        }
        objects = objects.filter(**{name: value for name, value in lookups.items() if value})
        return super().filter(objects)


def asset_filter_form(model, base_form):
    """Wagtail's filter form for the chooser of `model`, with the library's filters first."""
    kinds = list(model._meta.get_field("kind").choices or [])
    return type(
        f"{model.__name__}ChooserFilterForm",
        (AssetFilterMixin, base_form),
        {"kind_choices": kinds},
    )


def with_asset_filters(view_class):
    """A chooser view class of Wagtail's whose filter form also has the library's filters."""

    class FilteredChooseView(view_class):
        def get_filter_form_class(self):
            return asset_filter_form(self.model_class, super().get_filter_form_class())

    FilteredChooseView.__name__ = f"Filtered{view_class.__name__}"
    return FilteredChooseView


def with_reuse_columns(view_class):
    """A document chooser view class of Wagtail's whose rows also say whose document it is and
    under which licence, as the image and media choosers do."""

    class ReuseColumnsView(view_class):
        @property
        def columns(self):
            return [
                *super().columns,
                Column("agency", label=_("Agency")),
                Column("licence", label=_("Licence")),
            ]

    ReuseColumnsView.__name__ = f"Credited{view_class.__name__}"
    return ReuseColumnsView


def add_asset_filters_to_choosers() -> None:
    """Run from ready(), before the admin's URLs build the chooser views."""
    for viewset in (image_chooser, document_chooser):
        viewset.choose_view_class = with_asset_filters(viewset.choose_view_class)
        viewset.choose_results_view_class = with_asset_filters(viewset.choose_results_view_class)
    for name in ("choose_view_class", "choose_results_view_class"):
        setattr(document_chooser, name, with_reuse_columns(getattr(document_chooser, name)))
