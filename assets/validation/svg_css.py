"""Styles inside an SVG (a <style> element or a style attribute), read as a browser reads them.

Comments are dropped and escapes decoded first (`u\\72l(` is `url(`), then every way CSS can
load something is looked for: @import, url() to anything but the drawing itself or an embedded
image or font, image() and image-set() (whose strings are URLs), and the old script hooks.
"""

from __future__ import annotations

import re

_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.DOTALL)
_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")
_URL = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^'\"\s)]*))\s*\)")
_LOADERS = re.compile(r"(?<![\w-])(?:-webkit-)?image(?:-set)?\(|(?<![\w-])src\(")
_SCRIPT_HOOKS = ("expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:")
_SAFE_DATA = (
    "data:image/png",
    "data:image/jpeg",
    "data:image/gif",
    "data:image/webp",
    "data:font/",
    "data:application/font-woff",
    "data:application/x-font-",
)

SCRIPT = "script"
EXTERNAL = "external"


def normalise(css: str) -> str:
    without_comments = _COMMENT.sub(" ", css)
    return _ESCAPE.sub(_unescape, without_comments).lower()


def _unescape(match: re.Match) -> str:
    if match[1] is not None:
        code = int(match[1], 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return match[2] if match[2] not in "\r\n\f" else ""


def is_local(target: str) -> bool:
    """The drawing itself (#id) or bytes embedded in it."""
    target = _INVISIBLE.sub("", target).lower()
    return target == "" or target.startswith("#") or target.startswith(_SAFE_DATA)


def css_problem(css: str) -> tuple[str, str] | None:
    """(SCRIPT or EXTERNAL, what was found) for the first problem, else None."""
    text = normalise(css)
    compact = _INVISIBLE.sub("", text)
    for hook in _SCRIPT_HOOKS:
        if hook in compact:
            return SCRIPT, hook
    if "@import" in compact:
        return EXTERNAL, "@import"
    loader = _LOADERS.search(text)
    if loader:
        return EXTERNAL, loader[0]
    for match in _URL.finditer(text):
        target = next(group for group in match.groups() if group is not None)
        if not is_local(target):
            return EXTERNAL, target[:100]
    if text.count("url(") != len(_URL.findall(text)):
        return EXTERNAL, "url("  # an url( the pattern cannot read: a browser might
    return None
