"""Widgets of the asset forms: a date picker for dates, a filterable list of ticks for topics and
audiences (a long Ctrl-click list is where metadata goes missing)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

DATE_TIME_FIELDS = ("captured_at", "embargo_until")
DATE_FIELDS = ("licence_expires_on",)
SEARCHABLE_CHOICE_FIELDS = ("topics", "audiences", "legal_documents")


class SearchableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Ticks in a scrolling box with a filter above it; the filter ignores diacritics
    (`assets/searchable-choices.js`, loaded on every admin page so forms inserted by the
    multiple uploader get it too). Without scripts it is a plain list of ticks."""

    template_name = "assets/widgets/searchable_checkboxes.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["filter_label"] = _("Filter the list")
        context["widget"]["filter_placeholder"] = _("Type to find, with or without accents")
        return context


def use_admin_widgets(form: forms.BaseForm) -> None:
    """Give the form's date fields Wagtail's pickers and its long choice lists a filter."""
    for name, field in form.fields.items():
        if name in DATE_TIME_FIELDS:
            field.widget = AdminDateTimeInput()
        elif name in DATE_FIELDS:
            field.widget = AdminDateInput()
        elif name in SEARCHABLE_CHOICE_FIELDS and isinstance(field, forms.ModelMultipleChoiceField):
            field.widget = SearchableCheckboxSelectMultiple(choices=field.choices)
