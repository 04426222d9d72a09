"""The duplicate models moved from the assets app to the duplicates app without touching a table:
a database holding groups, decisions and fingerprints from before the move still holds them, and
the models' content types (so the permissions granted on them) moved along."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.duplicates.models import AssetFingerprint, DuplicateDecision, DuplicateMember

LAST_BEFORE_THE_MOVE = ("assets", "0003_fingerprints_duplicates")


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader sees what is applied now


@pytest.mark.django_db(transaction=True)
def test_rows_written_before_the_move_are_found_after_it(agency_a, agency_b):
    executor = migrate([LAST_BEFORE_THE_MOVE, ("duplicates", None)])
    old = executor.loader.project_state([LAST_BEFORE_THE_MOVE]).apps
    group = old.get_model("assets", "DuplicateGroup").objects.create(canonical_key="image:1")
    members = old.get_model("assets", "DuplicateMember").objects
    members.create(group=group, key="image:1", relation="original", agency_id=agency_a.pk)
    members.create(group=group, key="image:2", relation="version", agency_id=agency_b.pk)
    old.get_model("assets", "DuplicateDecision").objects.create(
        candidate_key="image:1", asset_key="image:2", decision="new_version", agency_id=agency_b.pk
    )
    old.get_model("assets", "AssetFingerprint").objects.create(
        key="image:2", modality="image", content_hash="c" * 64, data={"hashes": {}}
    )
    content_types = old.get_model("contenttypes", "ContentType").objects
    moved_type = content_types.get(app_label="assets", model="duplicategroup")

    migrate(executor.loader.graph.leaf_nodes())

    assert dict(DuplicateMember.objects.values_list("key", "relation")) == {
        "image:1": "original",
        "image:2": "version",
    }
    assert {m.group.canonical_key for m in DuplicateMember.objects.all()} == {"image:1"}
    decision = DuplicateDecision.objects.get()
    assert (decision.candidate_key, decision.asset_key, decision.agency) == (
        "image:1",
        "image:2",
        agency_b,
    )
    assert AssetFingerprint.objects.get().content_hash == "c" * 64
    moved_type.refresh_from_db()
    assert moved_type.app_label == "duplicates"
    with connection.cursor() as cursor:  # the same table, not a copy
        cursor.execute("SELECT COUNT(*) FROM assets_duplicatemember")
        assert cursor.fetchone() == (2,)
