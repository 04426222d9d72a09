"""plan_ladder(): never upscale, keep the aspect ratio, vertical ladders, settings override."""

from dataclasses import replace

from django.test import override_settings

from assets.ffmpeg import MediaProbe
from transcoding.ladder import encoder_from_settings, gop_frames, ladder_from_settings, plan_ladder

SOURCE = MediaProbe(
    duration=10.0, width=1920, height=1080, rotation=0, fps=30.0, video_codec="h264",
    audio_codec="aac", audio_channels=2, sample_rate=48000, bit_rate=8_000_000,
    format_name="mp4", has_video=True, has_audio=True,
)  # fmt: skip


def sizes(plan):
    return [(rung.width, rung.height) for rung in plan]


def test_full_hd_source_gets_every_default_rung():
    assert sizes(plan_ladder(SOURCE)) == [(1920, 1080), (1280, 720), (854, 480), (640, 360)]


def test_never_upscales():
    plan = plan_ladder(replace(SOURCE, width=1280, height=720))
    assert [rung.name for rung in plan] == ["720p", "480p", "360p"]


def test_vertical_source_gets_a_vertical_ladder():
    plan = plan_ladder(replace(SOURCE, width=1080, height=1920))
    assert sizes(plan) == [(1080, 1920), (720, 1280), (480, 854), (360, 640)]


def test_sizes_are_even_and_keep_the_aspect_ratio():
    plan = plan_ladder(replace(SOURCE, width=1998, height=1080))  # DCI flat, 1.85:1
    for rung in plan:
        assert rung.width % 2 == 0 and rung.height % 2 == 0
        assert abs(rung.width / rung.height - 1998 / 1080) < 0.01


def test_anamorphic_source_uses_display_aspect():
    plan = plan_ladder(replace(SOURCE, width=720, height=576, sample_aspect_ratio=64 / 45))
    assert sizes(plan) == [(854, 480), (640, 360)]


def test_source_smaller_than_every_rung_keeps_its_own_size():
    plan = plan_ladder(replace(SOURCE, width=320, height=240))
    assert [(rung.name, rung.width, rung.height) for rung in plan] == [("240p", 320, 240)]


def test_audio_only_source_has_no_ladder():
    assert plan_ladder(replace(SOURCE, has_video=False, width=0, height=0)) == []


@override_settings(
    TRANSCODING_LADDER=[{"name": "540p", "height": 540, "video_bitrate": "2M"}],
    TRANSCODING_ENCODER={"preset": "medium", "gop_seconds": 4},
)
def test_ladder_and_encoder_come_from_settings():
    assert [rung.name for rung in ladder_from_settings()] == ["540p"]
    assert sizes(plan_ladder(SOURCE)) == [(960, 540)]
    encoder = encoder_from_settings()
    assert encoder.preset == "medium" and encoder.video_codec == "libx264"
    assert gop_frames(30.0, encoder) == 120
