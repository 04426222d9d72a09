"""The duplicate models move here from the assets app: their tables stay where they are (named
`assets_...`, data and indexes untouched); only Django's record of which app owns them changes,
with their content types (so permissions granted on them survive)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("assetfingerprint", "duplicatedecision", "duplicategroup", "duplicatemember")


def content_types_to(source: str, target: str):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects
        for model in MOVED:
            if not content_types.filter(app_label=target, model=model).exists():
                content_types.filter(app_label=source, model=model).update(app_label=target)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("agencies", "0001_initial"),
        ("assets", "0003_fingerprints_duplicates"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="DuplicateGroup",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("canonical_key", models.CharField(max_length=64, verbose_name="canonical asset")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                    ],
                    options={
                        "verbose_name": "duplicate group",
                        "verbose_name_plural": "duplicate groups",
                        "db_table": "assets_duplicategroup",
                    },
                ),
                migrations.CreateModel(
                    name="AssetFingerprint",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(db_index=True, max_length=64, verbose_name="index key")),
                        ("modality", models.CharField(choices=[("image", "image"), ("video", "video"), ("audio", "audio"), ("text", "text")], max_length=10, verbose_name="modality")),
                        ("content_hash", models.CharField(blank=True, db_index=True, help_text="Hash of the pixels, streams or text, whatever the embedded metadata says.", max_length=64, verbose_name="content hash")),
                        ("data", models.JSONField(verbose_name="fingerprint")),
                        ("terms", models.JSONField(default=list, verbose_name="index terms")),
                        ("version", models.PositiveSmallIntegerField(default=1, verbose_name="algorithm version")),
                        ("created_at", models.DateTimeField(auto_now=True, verbose_name="computed at")),
                    ],
                    options={
                        "verbose_name": "fingerprint",
                        "verbose_name_plural": "fingerprints",
                        "db_table": "assets_assetfingerprint",
                        "constraints": [models.UniqueConstraint(fields=("key", "modality"), name="one_fingerprint_per_modality")],
                    },
                ),
                migrations.CreateModel(
                    name="DuplicateDecision",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("candidate_key", models.CharField(db_index=True, max_length=64, verbose_name="existing asset")),
                        ("asset_key", models.CharField(blank=True, db_index=True, help_text="Empty when the editor reused the existing asset and stored nothing.", max_length=64, verbose_name="uploaded asset")),
                        ("decision", models.CharField(choices=[("reuse", "reuse the existing asset"), ("new_version", "new version of the existing asset"), ("not_duplicate", "not a duplicate")], max_length=20, verbose_name="decision")),
                        ("sha256", models.CharField(blank=True, max_length=64, verbose_name="SHA-256 of the upload")),
                        ("filename", models.CharField(blank=True, max_length=255, verbose_name="file name")),
                        ("byte_size", models.PositiveBigIntegerField(null=True, verbose_name="size in bytes")),
                        ("evidence", models.JSONField(default=dict, verbose_name="why it matched")),
                        ("decided_at", models.DateTimeField(auto_now_add=True, verbose_name="decided at")),
                        ("agency", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="agencies.agency")),
                        ("user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "duplicate decision",
                        "verbose_name_plural": "duplicate decisions",
                        "ordering": ["-decided_at"],
                        "db_table": "assets_duplicatedecision",
                    },
                ),
                migrations.CreateModel(
                    name="DuplicateMember",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(max_length=64, unique=True, verbose_name="asset")),
                        ("relation", models.CharField(choices=[("original", "original"), ("copy", "copy"), ("version", "version")], default="copy", max_length=20, verbose_name="relation")),
                        ("byte_size", models.PositiveBigIntegerField(null=True, verbose_name="size in bytes")),
                        ("added_at", models.DateTimeField(auto_now_add=True, verbose_name="added at")),
                        ("agency", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="agencies.agency")),
                        ("group", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="members", to="duplicates.duplicategroup")),
                    ],
                    options={
                        "verbose_name": "duplicate group member",
                        "verbose_name_plural": "duplicate group members",
                        "db_table": "assets_duplicatemember",
                    },
                ),
            ],
        ),
        migrations.RunPython(
            content_types_to("assets", "duplicates"), content_types_to("duplicates", "assets")
        ),
    ]
