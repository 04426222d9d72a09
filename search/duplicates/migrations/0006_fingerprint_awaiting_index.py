"""Fingerprints say whether the search index holds their terms yet, so a check finds the ones
it does not without comparing every fingerprint's time with its index entry's."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef


def mark_indexed(apps, schema_editor):
    fingerprint = apps.get_model("duplicates", "AssetFingerprint")
    entry = apps.get_model("library_search", "SearchEntry")
    indexed = entry.objects.filter(key=OuterRef("key"), updated_at__gte=OuterRef("created_at"))
    fingerprint.objects.filter(Exists(indexed)).update(awaiting_index=False)


class Migration(migrations.Migration):
    dependencies = [
        ("duplicates", "0005_decision_cite"),
        ("library_search", "0004_index_layout"),
    ]

    operations = [
        migrations.AddField(
            model_name="assetfingerprint",
            name="awaiting_index",
            field=models.BooleanField(default=True, verbose_name="awaiting the search index"),
        ),
        migrations.RunPython(mark_indexed, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="assetfingerprint",
            index=models.Index(
                condition=models.Q(("awaiting_index", True)),
                fields=["modality"],
                name="fingerprint_awaiting_index",
            ),
        ),
    ]
