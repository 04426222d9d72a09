"""Where the picture is inside an image: the work is often framed, bordered or screenshotted.

`content_box` finds the largest block of pixels that differ from the surrounding background, so a
bordered copy or a screenshot that shows the image inside a larger canvas can be compared with the
original on the same region. `crop_boxes` lists overlapping sub-regions so a copy cropped by up to
about 10% still lines up with one of them.
"""

import numpy as np
from PIL import Image
from scipy import ndimage

Box = tuple[int, int, int, int]

BACKGROUND_TOLERANCE = 18  # per-channel distance still counted as the background colour
MIN_CONTENT_SHARE = 0.08  # a smaller blob is a logo or a caption, not the picture
MIN_FRAME_SHARE = 0.5  # share of the outer ring in one colour before we call it a frame
CROP_SCALE = 0.9
CROP_OFFSETS = (0.0, 0.5, 1.0)  # where the crop window sits along each axis, as a share of slack


def background_colour(pixels: np.ndarray) -> np.ndarray | None:
    """The colour of most of the outermost ring of pixels, or None if the ring has no such colour.

    Colours are quantised to absorb JPEG noise."""
    ring = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]]).astype(np.int32)
    quantised = ring // 8
    keys = quantised[:, 0] * 1024 + quantised[:, 1] * 32 + quantised[:, 2]
    values, counts = np.unique(keys, return_counts=True)
    if counts.max() < MIN_FRAME_SHARE * len(keys):
        return None
    winner = keys == values[np.argmax(counts)]
    return ring[winner].mean(axis=0)


def content_box(image: Image.Image) -> Box | None:
    """Bounding box of the largest non-background blob; None if it is (nearly) the whole image."""
    pixels = np.asarray(image.convert("RGB"))
    height, width = pixels.shape[:2]
    background = background_colour(pixels)
    if background is None:
        return None
    distance = np.abs(pixels.astype(np.int32) - background).max(axis=2)
    mask = ndimage.binary_opening(distance > BACKGROUND_TOLERANCE, iterations=2)
    labels, count = ndimage.label(mask)
    if count == 0:
        return None
    sizes = ndimage.sum_labels(mask, labels, index=np.arange(1, count + 1))
    largest = int(np.argmax(sizes)) + 1
    if sizes[largest - 1] < MIN_CONTENT_SHARE * width * height:
        return None
    rows, cols = ndimage.find_objects((labels == largest).astype(np.int32))[0]
    box = (cols.start, rows.start, cols.stop, rows.stop)
    if _touches_edge(box, width, height):
        return None  # a banner or a shape of the picture itself, not a picture inside a frame
    box_area = (box[2] - box[0]) * (box[3] - box[1])
    return None if box_area > 0.97 * width * height else box


def crop_boxes(width: int, height: int, scale: float = CROP_SCALE) -> list[Box]:
    """Overlapping windows of `scale` of each side, at the corners, edges and centre."""
    crop_width, crop_height = round(width * scale), round(height * scale)
    boxes = []
    for fy in CROP_OFFSETS:
        for fx in CROP_OFFSETS:
            left = round((width - crop_width) * fx)
            top = round((height - crop_height) * fy)
            boxes.append((left, top, left + crop_width, top + crop_height))
    return boxes


def _touches_edge(box: Box, width: int, height: int, margin: int = 2) -> bool:
    left, top, right, bottom = box
    return left < margin or top < margin or right > width - margin or bottom > height - margin
