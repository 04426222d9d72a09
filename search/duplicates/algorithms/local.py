"""Local features of an image: ORB keypoints and their 256-bit binary descriptors (OpenCV).

Crops, borders, screenshots and watermarks move or hide part of a picture but leave most of its
corners and their surroundings intact. Two images are the same work when many descriptors match
under one similarity transform (RANSAC) and the matches cover the shared area densely; a different
infographic in the same template shares its frame but not its text and figures, so its matches are
sparse where the content differs.
"""

import base64
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

MAX_KEYPOINTS = 500


@dataclass
class LocalFeatures:
    width: int
    height: int
    points: np.ndarray  # (n, 2) float32, pixel coordinates in the analysed image
    descriptors: np.ndarray  # (n, 32) uint8

    def to_json(self) -> dict:
        return {
            "size": [self.width, self.height],
            "points": base64.b64encode(self.points.astype(np.float32).tobytes()).decode(),
            "descriptors": base64.b64encode(self.descriptors.tobytes()).decode(),
        }

    @classmethod
    def from_json(cls, data: dict) -> "LocalFeatures":
        points = np.frombuffer(base64.b64decode(data["points"]), dtype=np.float32).reshape(-1, 2)
        raw = np.frombuffer(base64.b64decode(data["descriptors"]), dtype=np.uint8)
        return cls(*data["size"], points=points, descriptors=raw.reshape(-1, 32))


def local_features(image: Image.Image, max_keypoints: int = MAX_KEYPOINTS) -> LocalFeatures:
    gray = np.asarray(image.convert("L"))
    orb = cv2.ORB_create(nfeatures=max_keypoints, scaleFactor=1.2, nlevels=8, fastThreshold=10)
    keypoints, descriptors = orb.detectAndCompute(gray, None)
    if descriptors is None:
        return LocalFeatures(image.width, image.height, np.zeros((0, 2), np.float32),
                             np.zeros((0, 32), np.uint8))  # fmt: skip
    strongest_first = np.argsort([-kp.response for kp in keypoints], kind="stable")
    points = np.array([kp.pt for kp in keypoints], dtype=np.float32).reshape(-1, 2)
    return LocalFeatures(image.width, image.height, points[strongest_first],
                         descriptors[strongest_first])  # fmt: skip
