"""Verify two image fingerprints: align them with their local features, compare the overlap.

ORB matches (ratio test) give a similarity transform (scale, rotation of a scan or a phone photo
held askew, shift) and, for a photo of a screen or a page shot at an angle, a perspective one.
One thumbnail is warped into the other's frame, and the region both pictures show is hashed with
PDQ and compared tile by tile: a copy gives nearly the same hash, a different infographic in the
same template does not.
"""

from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from .images import ImageFingerprint
from .pdq import pdq_of

RATIO_TEST = 0.8
MIN_INLIERS = 8
RANSAC_PIXELS = 5.0
SCALE_RANGE = (0.15, 7.0)
MAX_ROTATION_DEGREES = 12.0  # a scan or a phone photo held askew; turned further: see `pdq`
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
    matrix: np.ndarray | None = field(default=None, compare=False, repr=False)  # a -> b


def _matched_points(a: ImageFingerprint, b: ImageFingerprint) -> tuple[np.ndarray, np.ndarray]:
    da, db = a.features.descriptors, b.features.descriptors
    if len(da) < MIN_INLIERS or len(db) < MIN_INLIERS:
        return np.zeros((0, 2)), np.zeros((0, 2))
    pairs = _matcher.knnMatch(da, db, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < RATIO_TEST * p[1].distance]
    points_a = a.features.points[[m.queryIdx for m in good]]
    points_b = b.features.points[[m.trainIdx for m in good]]
    return points_a, points_b


def _agreeing(matrix: np.ndarray, points_a: np.ndarray, points_b: np.ndarray) -> int:
    moved = np.column_stack([points_a, np.ones(len(points_a))]) @ matrix.T
    return int((np.linalg.norm(moved - points_b, axis=1) <= RANSAC_PIXELS).sum())


def _similarity(points_a: np.ndarray, points_b: np.ndarray) -> tuple[np.ndarray, int] | None:
    """The transform a -> b and its inlier count, or None if no plausible one exists.

    With a few dozen matches RANSAC alone often settles on a wrong angle (a turned scan then
    looks like another picture): least median of squares and a looser RANSAC are tried as well,
    and the transform that the most matches agree with wins."""
    if len(points_a) < MIN_INLIERS:
        return None
    estimates = [
        cv2.estimateAffinePartial2D(points_a, points_b, method=cv2.LMEDS)[0],
        *(
            cv2.estimateAffinePartial2D(points_a, points_b, ransacReprojThreshold=pixels,
                                        maxIters=2000, confidence=0.99)[0]
            for pixels in (RANSAC_PIXELS, 2 * RANSAC_PIXELS)
        ),
    ]  # fmt: skip
    scored = [(_agreeing(m, points_a, points_b), i, m) for i, m in enumerate(estimates)
              if m is not None]  # fmt: skip
    if not scored:
        return None
    inliers, _, matrix = max(scored, key=lambda found: found[:2])
    if inliers < MIN_INLIERS:
        return None
    scale = float(np.hypot(matrix[0, 0], matrix[1, 0]))
    angle = abs(np.degrees(np.arctan2(matrix[1, 0], matrix[0, 0])))
    if not SCALE_RANGE[0] <= scale <= SCALE_RANGE[1] or angle > MAX_ROTATION_DEGREES:
        return None
    return matrix, inliers


def _homography(points_a: np.ndarray, points_b: np.ndarray, inliers: int) -> np.ndarray | None:
    """A perspective transform a -> b (a photo of a screen, a page shot at an angle) when it
    explains more matches than the similarity did."""
    if len(points_a) < MIN_INLIERS:
        return None
    matrix, mask = cv2.findHomography(points_a, points_b, cv2.RANSAC, RANSAC_PIXELS)
    if matrix is None or int(mask.sum()) <= inliers:
        return None
    return matrix


def plausible(matrix: np.ndarray, size_a: tuple[int, int]) -> bool:
    """The picture's corners stay a convex quadrilateral of a sensible size, not folded."""
    corners = _project(matrix, _corners(size_a))
    edges = np.roll(corners, -1, axis=0) - corners
    following = np.roll(edges, -1, axis=0)
    turns = edges[:, 0] * following[:, 1] - edges[:, 1] * following[:, 0]
    if not (np.all(turns > 0) or np.all(turns < 0)):
        return False
    scale = np.sqrt(_area(corners) / (size_a[0] * size_a[1]))
    return SCALE_RANGE[0] <= scale <= SCALE_RANGE[1]


def _corners(size: tuple[int, int]) -> np.ndarray:
    width, height = size
    return np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=float)


def _project(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    projected = np.column_stack([points, np.ones(len(points))]) @ matrix.T
    return projected[:, :2] / projected[:, 2:3]


def _area(polygon: np.ndarray) -> float:
    x, y = polygon[:, 0], polygon[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def _inner_box(matrix: np.ndarray, size_a: tuple[int, int], size_b: tuple[int, int]):
    """An upright box in a's coordinates inside both pictures: inside a, and inside b's corners
    brought back into a (b may be turned a little or seen at an angle)."""
    top_left, top_right, bottom_right, bottom_left = _project(
        np.linalg.inv(matrix), _corners(size_b)
    )
    left = max(top_left[0], bottom_left[0], 0)
    right = min(top_right[0], bottom_right[0], size_a[0])
    top = max(top_left[1], top_right[1], 0)
    bottom = min(bottom_left[1], bottom_right[1], size_a[1])
    return left, top, right, bottom


def _warped_regions(a: ImageFingerprint, b: ImageFingerprint, matrix: np.ndarray, box):
    """The box cut from a's thumbnail, and b's thumbnail brought into a's frame and cut alike."""
    factor_a = a.thumbnail.width / a.features.width
    factor_b = b.thumbnail.width / b.features.width
    a_thumb_to_b_thumb = (
        np.diag([factor_b, factor_b, 1.0]) @ matrix @ np.diag([1 / factor_a, 1 / factor_a, 1.0])
    )
    warped = cv2.warpPerspective(
        np.asarray(b.thumbnail),
        a_thumb_to_b_thumb,
        a.thumbnail.size,
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_REPLICATE,
    )
    left, top, right, bottom = (round(v * factor_a) for v in box)
    if right - left < 16 or bottom - top < 16:
        return None, None
    region_b = Image.fromarray(warped).crop((left, top, right, bottom))
    return a.thumbnail.crop((left, top, right, bottom)), region_b


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
    """Bring b into a's frame and compare the region both show. The similarity (scale, turn,
    shift) is tried, and a perspective transform when it explains more matches: with eight
    degrees of freedom it also fits stray matches, so the closer of the two comparisons wins."""
    points_a, points_b = _matched_points(a, b)
    found = _similarity(points_a, points_b)
    if found is None:
        return None
    similarity, inliers = found
    size_a = (a.features.width, a.features.height)
    transforms = [np.vstack([similarity, [0, 0, 1]])]
    perspective = _homography(points_a, points_b, inliers)
    if perspective is not None and plausible(perspective, size_a):
        transforms.append(perspective)
    compared = [compare_at(a, b, matrix, inliers) for matrix in transforms]
    compared = [alignment for alignment in compared if alignment is not None]
    return min(compared, key=lambda alignment: alignment.distance, default=None)


def compare_at(a: ImageFingerprint, b: ImageFingerprint, matrix: np.ndarray, inliers: int):
    """Compare the region both pictures show when b is brought into a's frame by `matrix`."""
    size_a, size_b = (a.features.width, a.features.height), (b.features.width, b.features.height)
    box = _inner_box(matrix, size_a, size_b)
    region_a, region_b = _warped_regions(a, b, matrix, box)
    if region_a is None:
        return None
    box_area = (box[2] - box[0]) * (box[3] - box[1])
    share_a = box_area / (size_a[0] * size_a[1])
    box_corners = np.array([[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]])
    share_b = min(1.0, _area(_project(matrix, box_corners)) / (size_b[0] * size_b[1]))
    distance = (int(pdq_of(region_a)[0], 16) ^ int(pdq_of(region_b)[0], 16)).bit_count()
    agreeing = tiles_agreeing(region_a, region_b)
    return Alignment(distance, inliers, round(share_a, 3), round(share_b, 3), agreeing, matrix)
