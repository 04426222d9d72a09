"""The duplicate models now belong to the duplicates app (search/duplicates), which took them over
in its first migration: here they only leave the assets app's state; no table is touched."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("assets", "0004_original_filename"),
        ("duplicates", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="DuplicateMember"),
                migrations.DeleteModel(name="AssetFingerprint"),
                migrations.DeleteModel(name="DuplicateDecision"),
                migrations.DeleteModel(name="DuplicateGroup"),
            ],
        ),
    ]
