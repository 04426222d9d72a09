"""Posters that are not black, and a sprite whose WebVTT cues point inside it."""

import re
from itertools import pairwise

import pytest
from PIL import Image, ImageStat

from assets.ffmpeg import make_poster
from transcoding.sprites import make_sprite

from .conftest import media

CUE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$")


def seconds(h, m, s, ms):
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def test_poster_skips_a_black_opening(clips, tmp_path):
    poster = make_poster(media(clips["dark_start"]), tmp_path / "poster.jpg")
    with Image.open(poster.image.path) as image:
        assert image.format == "JPEG" and image.size == (640, 360)
        assert ImageStat.Stat(image.convert("L")).mean[0] > 40
    assert poster.time_offset >= 1.0
    assert (poster.image.width, poster.image.height) == (640, 360)


def test_poster_of_a_vertical_video_keeps_its_shape(clips, tmp_path):
    poster = make_poster(media(clips["rotated"]), tmp_path / "poster.jpg")
    assert (poster.image.width, poster.image.height) == (360, 640)


def test_sprite_and_vtt(clips, tmp_path, settings):
    settings.TRANSCODING_IMAGES = {"sprite_interval_seconds": 0.5, "sprite_columns": 3}
    sprite = make_sprite(media(clips["dark_start"]), tmp_path)
    with Image.open(sprite.image.path) as sheet:
        sheet_width, sheet_height = sheet.size
    assert sprite.count == 8 and sprite.columns == 3
    assert (sheet_width, sheet_height) == (3 * 160, 3 * 90)
    lines = sprite.vtt.read_text().splitlines()
    assert lines[0] == "WEBVTT"
    cues = [(CUE.match(line), target) for line, target in pairwise(lines) if "-->" in line]
    assert len(cues) == sprite.count
    previous_end = 0.0
    for match, target in cues:
        start, end = seconds(*match.groups()[:4]), seconds(*match.groups()[4:])
        assert start == pytest.approx(previous_end) and end > start
        previous_end = end
        x, y, w, h = map(int, target.removeprefix("sprite.jpg#xywh=").split(","))
        assert x + w <= sheet_width and y + h <= sheet_height and (w, h) == (160, 90)
    assert previous_end == pytest.approx(4.0, abs=0.05)
