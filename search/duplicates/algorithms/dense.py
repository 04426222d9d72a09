"""Align two pictures by all their pixels, from a rough start: the enhanced correlation coefficient.

Local features need corners. A smooth photo, a blurred photo of a screen or a small video frame
gives few, and the transform they give is then a few pixels off, which is enough to spoil the
comparison of the overlap. ECC (Evangelidis and Psarakis, OpenCV's `findTransformECC`) moves a
starting transform until the grey levels of the two thumbnails correlate best, whatever their
brightness and contrast; it starts from the transform the local features gave, or, when the
global hashes already say the pictures are alike (a small crop), from plain scaling.
"""

import cv2
import numpy as np
from PIL import Image

from .images import ImageFingerprint

SIDE = 128  # the thumbnails are aligned at this size: enough for a frame, a screen, a page
ITERATIONS = 50
EPSILON = 1e-4
SMOOTHING = 5  # Gaussian kernel applied by ECC: blur, noise and JPEG blocks matter less


def scaling(a: ImageFingerprint, b: ImageFingerprint) -> np.ndarray:
    """a's frame stretched onto b's (features coordinates): a copy resized or cropped a little."""
    return np.diag([b.features.width / a.features.width, b.features.height / a.features.height, 1])


def refine(a: ImageFingerprint, b: ImageFingerprint, matrix: np.ndarray) -> np.ndarray | None:
    """The transform a -> b (3 x 3, features coordinates) refined on the thumbnails' pixels; a
    perspective one stays perspective. None when it does not converge."""
    small_a, scale_a = _small(a)
    small_b, scale_b = _small(b)
    start = np.diag([scale_b, scale_b, 1]) @ matrix @ np.diag([1 / scale_a, 1 / scale_a, 1])
    perspective = not np.allclose(start[2], [0, 0, 1])
    motion = cv2.MOTION_HOMOGRAPHY if perspective else cv2.MOTION_AFFINE
    warp = (start / start[2, 2] if perspective else start[:2]).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, ITERATIONS, EPSILON)
    inside_b = _inside(start, small_a.shape, small_b.shape)
    try:
        _, warp = cv2.findTransformECC(
            small_a, small_b, warp, motion, criteria, inside_b, SMOOTHING
        )
    except cv2.error:  # no convergence, or the overlap is too flat to correlate
        return None
    refined = warp if perspective else np.vstack([warp, [0, 0, 1]])
    return np.diag([1 / scale_b, 1 / scale_b, 1]) @ refined @ np.diag([scale_a, scale_a, 1])


def _small(fingerprint: ImageFingerprint) -> tuple[np.ndarray, float]:
    """The thumbnail at `SIDE` as float32, and the factor from features coordinates to it."""
    thumbnail = fingerprint.thumbnail
    factor = SIDE / max(thumbnail.size)
    size = (max(1, round(thumbnail.width * factor)), max(1, round(thumbnail.height * factor)))
    small = np.asarray(thumbnail.resize(size, Image.Resampling.BILINEAR), dtype=np.float32)
    return small, factor * thumbnail.width / fingerprint.features.width


def _inside(start: np.ndarray, shape_a: tuple, shape_b: tuple) -> np.ndarray:
    """Mask of a's pixels that the start transform puts inside b: only they are compared."""
    height_b, width_b = shape_b
    corners_b = np.array([[0, 0], [width_b, 0], [width_b, height_b], [0, height_b]], float)
    back = np.column_stack([corners_b, np.ones(4)]) @ np.linalg.inv(start).T
    polygon = np.round(back[:, :2] / back[:, 2:3]).astype(np.int32)
    mask = np.zeros(shape_a, np.uint8)
    cv2.fillConvexPoly(mask, polygon, 255)
    return mask
