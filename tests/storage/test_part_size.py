"""The parts an upload goes to S3 in: NCRL_UPLOAD_PART_MIB each, larger only for a file that S3's
10,000 parts would not hold; an upload keeps the part size it began with."""

from types import SimpleNamespace

from assets.tus.multipart import MIB, goes_in_parts, part_size_for

GIB = 1024 * MIB


def test_parts_have_the_configured_size(settings):
    settings.NCRL_UPLOAD_PART_MIB = 32
    assert part_size_for(GIB) == 32 * MIB
    settings.NCRL_UPLOAD_PART_MIB = 8
    assert part_size_for(GIB) == 8 * MIB


def test_a_file_too_large_for_ten_thousand_parts_gets_larger_whole_mib_parts(settings):
    settings.NCRL_UPLOAD_PART_MIB = 8
    assert part_size_for(200 * GIB) == 21 * MIB  # 200 GiB / 9,999 is 20.5 MiB


def test_an_upload_begun_in_small_parts_goes_on_in_them_after_the_size_grows(settings):
    settings.NCRL_UPLOAD_PART_MIB = 32
    begun = SimpleNamespace(length=20 * MIB, part_size=8 * MIB)
    new = SimpleNamespace(length=20 * MIB, part_size=0)
    assert goes_in_parts(begun)
    assert not goes_in_parts(new)  # one part: stored whole at the end
