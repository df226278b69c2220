"""What WeasyPrint may load while it writes a PDF: the built site's own files and data: addresses.

An address on the site is read from the built files, never over the network;
anything else (another host, a file outside the built site, through `..`,
%-escapes or a link) is refused, and WeasyPrint leaves the resource out with a
warning. (WeasyPrint 70 takes a URLFetcher object, not a function.)
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

from methodkit.loading.files import is_regular, read_regular


class SiteFetcher(URLFetcher):
    def __init__(self, site_url: str, site_dir: Path):
        super().__init__(
            allowed_protocols={"data"}
        )  # urllib decodes data: in memory; it opens nothing else here
        self.prefix = urlsplit(site_url)
        self.root = Path(os.path.realpath(site_dir))

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (
            self.prefix.scheme,
            self.prefix.netloc,
        ) or not parts.path.startswith(self.prefix.path):
            raise ValueError(f"PDFs load nothing from other hosts: {url}")
        path = self.root / unquote(parts.path[len(self.prefix.path) :])
        if not Path(os.path.realpath(path)).is_relative_to(self.root) or not is_regular(path):
            raise ValueError(f"PDFs load only files of the built site: {url}")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, read_regular(path), {"Content-Type": kind})
