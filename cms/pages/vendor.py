"""The hub's front-end libraries, installed from the npm registry (`npm ci`, pinned by
package-lock.json) into a git-ignored node_modules folder and served as static files.

Only the files listed here are published, under `vendor/` (for example
`vendor/bootstrap/dist/css/bootstrap.min.css`), by a staticfiles finder, so `collectstatic`
and the development server both find them and nothing is copied into the repository.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Warning as CheckWarning
from django.core.files.storage import FileSystemStorage

PREFIX = "vendor"
# Source maps go with the minified files that name them (manifest storage follows the names).
FILES = [
    "bootstrap/dist/css/bootstrap.min.css",
    "bootstrap/dist/css/bootstrap.min.css.map",
    "bootstrap/dist/js/bootstrap.bundle.min.js",
    "bootstrap/dist/js/bootstrap.bundle.min.js.map",
    "hls.js/dist/hls.light.min.js",
    "hls.js/dist/hls.light.min.js.map",
    "@panzoom/panzoom/dist/panzoom.min.js",
]


def node_modules() -> Path:
    return Path(settings.NCRL_NODE_MODULES)


def missing_files() -> list[str]:
    return [name for name in FILES if not (node_modules() / name).is_file()]


class NpmFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=node_modules())
        self.storage.prefix = PREFIX

    def check(self, **kwargs):
        missing = missing_files()
        if not missing:
            return []
        return [
            CheckWarning(
                f"The hub's front-end libraries are not installed ({', '.join(missing)}).",
                hint="Run `npm ci` in the project folder (`make run` and `make test` do).",
                id="hub.W001",
            )
        ]

    def find(self, path, find_all=False, **kwargs):
        name = path.removeprefix(f"{PREFIX}/")
        if name == path or name not in FILES or not (node_modules() / name).is_file():
            return [] if find_all else None
        found = str(node_modules() / name)
        return [found] if find_all else found

    def list(self, ignore_patterns):
        for name in FILES:
            if (node_modules() / name).is_file():
                yield name, self.storage
