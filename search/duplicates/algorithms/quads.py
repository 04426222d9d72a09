"""A picture shown inside another one at an angle: a photo of a screen, a page shot on a desk.

Such a copy holds the work as a four-sided region (the screen inside its bezel, the page on the
table) seen in perspective. Its edges are found, the largest convex quadrilaterals among them are
brought back to a square (as a document scanner does), and the PDQ hash of each is kept with the
image's other hashes: the copy then meets its original through the same hash bands, and is
verified by the same distance, as a plain copy.
"""

import cv2
import numpy as np
from PIL import Image

from .pdq import pdq_of

MIN_SHARE, MAX_SHARE = 0.2, 0.95  # of the image: a smaller region is a detail, a larger the whole
MAX_QUADS = 3  # a screen gives nested outlines: its bezel's outer and inner edges, the picture's
SAME_QUAD = 0.01  # corners this close (share of the diagonal) outline the same region
MIN_QUALITY = 25  # PDQ quality (a smooth photo: 40-55): a plain panel says nothing of the work
RECTIFIED_SIDE = 256  # PDQ reduces to 64 x 64: the aspect of the region does not matter


def quadrilaterals(image: Image.Image) -> list[np.ndarray]:
    """The largest distinct convex four-sided outlines (4 x 2 corners, clockwise from the top
    left), largest first."""
    grey = np.asarray(image.convert("L"))
    height, width = grey.shape
    edges = cv2.Canny(cv2.GaussianBlur(grey, (5, 5), 0), 30, 90)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))  # close small gaps in an outline
    contours, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    smallest, largest = MIN_SHARE * width * height, MAX_SHARE * width * height
    found = []
    for contour in contours:
        _, _, box_width, box_height = cv2.boundingRect(contour)
        if box_width * box_height < smallest:
            continue
        hull = cv2.convexHull(contour)
        area = cv2.contourArea(hull)
        if not smallest <= area <= largest:
            continue
        corners = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
        if len(corners) == 4:
            found.append((area, _clockwise(corners.reshape(4, 2).astype(np.float32))))
    found.sort(key=lambda entry: -entry[0])
    return _distinct([corners for _, corners in found], np.hypot(width, height))


def _clockwise(corners: np.ndarray) -> np.ndarray:
    """Top left, top right, bottom right, bottom left (the region may be turned a little)."""
    sums, differences = corners.sum(axis=1), np.diff(corners, axis=1).ravel()
    ordered = corners[[np.argmin(sums), np.argmin(differences), np.argmax(sums),
                       np.argmax(differences)]]  # fmt: skip
    return ordered if len({tuple(point) for point in ordered}) == 4 else corners


def _distinct(quads: list[np.ndarray], diagonal: float) -> list[np.ndarray]:
    kept: list[np.ndarray] = []
    for quad in quads:
        if all(np.abs(quad - other).max() > SAME_QUAD * diagonal for other in kept):
            kept.append(quad)
        if len(kept) == MAX_QUADS:
            break
    return kept


def rectified(image: Image.Image, corners: np.ndarray, side: int = RECTIFIED_SIDE) -> Image.Image:
    """The region inside `corners` brought back to a `side` square."""
    square = np.array([[0, 0], [side, 0], [side, side], [0, side]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners, square)
    pixels = cv2.warpPerspective(np.asarray(image.convert("RGB")), matrix, (side, side))
    return Image.fromarray(pixels)


def quad_hashes(image: Image.Image) -> list[str]:
    """PDQ hashes of the pictures shown at an angle inside `image` (none for most images)."""
    hashes = []
    for corners in quadrilaterals(image):
        pdq, quality = pdq_of(rectified(image, corners))
        if quality >= MIN_QUALITY:
            hashes.append(pdq)
    return hashes
