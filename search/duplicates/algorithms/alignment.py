"""Verify two image fingerprints: align them with their local features, compare the overlap.

ORB matches (ratio test) feed a RANSAC similarity transform (scale, small rotation, shift). The
region both pictures share is cut from each thumbnail and hashed with PDQ: a copy gives nearly the
same hash, a different infographic in the same template does not.
"""

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from .images import ImageFingerprint
from .pdq import pdq_of

RATIO_TEST = 0.8
MIN_INLIERS = 8
RANSAC_PIXELS = 5.0
SCALE_RANGE = (0.15, 7.0)
MAX_ROTATION_DEGREES = 8.0
_matcher = cv2.BFMatcher(cv2.NORM_HAMMING)


TILES = 8  # the overlap is compared tile by tile on an 8 x 8 grid
TILE_SIDE = 16
MIN_TILE_CORRELATION = 0.5
FLAT_TILE_STD = 4.0  # grey levels: a plain tile in both pictures agrees whatever its shade


@dataclass(frozen=True)
class Alignment:
    distance: int  # PDQ Hamming distance of the overlapping regions
    inliers: int
    coverage_a: float  # share of each picture inside the overlap
    coverage_b: float
    tiles_agreeing: float = 0.0  # share of overlap tiles whose details correlate


def _matched_points(a: ImageFingerprint, b: ImageFingerprint) -> tuple[np.ndarray, np.ndarray]:
    da, db = a.features.descriptors, b.features.descriptors
    if len(da) < MIN_INLIERS or len(db) < MIN_INLIERS:
        return np.zeros((0, 2)), np.zeros((0, 2))
    pairs = _matcher.knnMatch(da, db, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < RATIO_TEST * p[1].distance]
    points_a = a.features.points[[m.queryIdx for m in good]]
    points_b = b.features.points[[m.trainIdx for m in good]]
    return points_a, points_b


def _similarity(points_a: np.ndarray, points_b: np.ndarray) -> tuple[np.ndarray, int] | None:
    """The transform a -> b and its inlier count, or None if no plausible one exists."""
    if len(points_a) < MIN_INLIERS:
        return None
    matrix, inliers = cv2.estimateAffinePartial2D(
        points_a, points_b, ransacReprojThreshold=RANSAC_PIXELS, maxIters=2000, confidence=0.99
    )
    if matrix is None or int(inliers.sum()) < MIN_INLIERS:
        return None
    scale = float(np.hypot(matrix[0, 0], matrix[1, 0]))
    angle = abs(np.degrees(np.arctan2(matrix[1, 0], matrix[0, 0])))
    if not SCALE_RANGE[0] <= scale <= SCALE_RANGE[1] or angle > MAX_ROTATION_DEGREES:
        return None
    return matrix, int(inliers.sum())


def _overlap(matrix: np.ndarray, size_a: tuple[int, int], size_b: tuple[int, int]):
    """Boxes (left, top, right, bottom) of the shared region, in a's and in b's coordinates."""
    width_a, height_a = size_a
    corners = np.array([[0, 0, 1], [width_a, height_a, 1]], dtype=float) @ matrix.T
    left_b, top_b = np.maximum(corners.min(axis=0), 0)
    right_b, bottom_b = np.minimum(corners.max(axis=0), size_b)
    inverse = cv2.invertAffineTransform(matrix)
    box_b = np.array([[left_b, top_b, 1], [right_b, bottom_b, 1]]) @ inverse.T
    left_a, top_a = np.maximum(box_b.min(axis=0), 0)
    right_a, bottom_a = np.minimum(box_b.max(axis=0), size_a)
    return (left_a, top_a, right_a, bottom_a), (left_b, top_b, right_b, bottom_b)


def _cut(fingerprint: ImageFingerprint, box) -> tuple[Image.Image | None, float]:
    """The box (analysis coordinates) cut from the thumbnail, and the box's area share."""
    features, thumbnail = fingerprint.features, fingerprint.thumbnail
    factor = thumbnail.width / features.width
    left, top, right, bottom = (round(v * factor) for v in box)
    share = (box[2] - box[0]) * (box[3] - box[1]) / (features.width * features.height)
    if right - left < 16 or bottom - top < 16:
        return None, share
    return thumbnail.crop((left, top, right, bottom)), share


def tiles_agreeing(a: Image.Image, b: Image.Image) -> float:
    """Share of grid tiles where the two regions show the same details.

    Each tile is compared by the correlation of its grey levels after removing the tile's mean
    and contrast, so a colour or brightness change keeps tiles agreeing, while other numbers,
    words or bars in the same template (a near miss) do not; a logo spoils one tile or two."""
    side = TILES * TILE_SIDE
    pixels_a = np.asarray(a.resize((side, side), Image.Resampling.BILINEAR), dtype=np.float64)
    pixels_b = np.asarray(b.resize((side, side), Image.Resampling.BILINEAR), dtype=np.float64)
    agreeing = 0
    for row in range(TILES):
        for column in range(TILES):
            window = np.s_[row * TILE_SIDE : (row + 1) * TILE_SIDE,
                           column * TILE_SIDE : (column + 1) * TILE_SIDE]  # fmt: skip
            agreeing += _tile_agrees(pixels_a[window], pixels_b[window])
    return agreeing / (TILES * TILES)


def _tile_agrees(a: np.ndarray, b: np.ndarray) -> bool:
    std_a, std_b = a.std(), b.std()
    if std_a < FLAT_TILE_STD or std_b < FLAT_TILE_STD:
        return std_a < FLAT_TILE_STD and std_b < FLAT_TILE_STD
    correlation = ((a - a.mean()) * (b - b.mean())).mean() / (std_a * std_b)
    return abs(correlation) >= MIN_TILE_CORRELATION


def align(a: ImageFingerprint, b: ImageFingerprint) -> Alignment | None:
    found = _similarity(*_matched_points(a, b))
    if found is None:
        return None
    matrix, inliers = found
    size_a = (a.features.width, a.features.height)
    box_a, box_b = _overlap(matrix, size_a, (b.features.width, b.features.height))
    region_a, share_a = _cut(a, box_a)
    region_b, share_b = _cut(b, box_b)
    if region_a is None or region_b is None:
        return None
    distance = (int(pdq_of(region_a)[0], 16) ^ int(pdq_of(region_b)[0], 16)).bit_count()
    agreeing = tiles_agreeing(region_a, region_b)
    return Alignment(distance, inliers, round(share_a, 3), round(share_b, 3), agreeing)
