"""Dense alignment: when local features are too few or too rough (a soft video frame cropped a
little and marked with a channel's logo), the pixels themselves align the copy; another picture
of the same template, cropped and marked alike, still differs where its content differs."""

from PIL import Image, ImageDraw, ImageFont

from search.duplicates.algorithms.image_match import image_match
from search.duplicates.algorithms.thresholds import DEFAULT_THRESHOLDS as LIMITS
from search.duplicates.modalities import modality
from tests.duplicates.media import infographic, smooth_scene

IMAGES = modality("image")


def decoded(image: Image.Image):
    return IMAGES.decoded(IMAGES.compute(image))


def cropped_with_a_logo(image: Image.Image) -> Image.Image:
    width, height = image.size
    copy = image.crop((round(width * 0.03), round(height * 0.03),
                       round(width * 0.97), round(height * 0.97)))  # fmt: skip
    draw = ImageDraw.Draw(copy)
    draw.text((copy.width - 60, copy.height - 30), "VTV", font=ImageFont.load_default(20),
              fill=(250, 220, 0))  # fmt: skip
    return copy


def test_a_soft_frame_cropped_with_a_logo_is_aligned_by_its_pixels():
    frame = smooth_scene(61, size=(320, 240))
    same, why = image_match(decoded(frame), decoded(cropped_with_a_logo(frame)), LIMITS)
    assert why["pdq_distance"] > LIMITS.image_global_pdq  # the global hashes alone miss it
    assert same and why["method"] == "dense"


def test_another_infographic_of_the_template_cropped_alike_is_not_taken_for_it():
    original = decoded(infographic(1))
    assert image_match(original, decoded(cropped_with_a_logo(infographic(1))), LIMITS)[0]
    assert not image_match(original, decoded(cropped_with_a_logo(infographic(2))), LIMITS)[0]
