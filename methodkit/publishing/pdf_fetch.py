"""What WeasyPrint may load while it writes a PDF: the built site's own files and data: addresses.

An address on the site is read from the built files, never over the network; any
other host is refused. (WeasyPrint 70 takes a URLFetcher object, not a function.)
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from weasyprint.urls import URLFetcher


class SiteFetcher(URLFetcher):
    def __init__(self, site_url: str, site_dir: Path):
        super().__init__(allowed_protocols={"file", "data"})
        self.site_url, self.site_dir = site_url, site_dir

    def fetch(self, url, headers=None):
        if url.startswith(self.site_url):
            path = self.site_dir / urlsplit(url).path[len(urlsplit(self.site_url).path):]
            url = path.resolve().as_uri()
        elif not url.startswith("data:"):
            raise ValueError(f"PDFs load nothing from other hosts: {url}")
        return super().fetch(url, headers)
