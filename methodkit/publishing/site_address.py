"""Whether the site knows the address it will be published at.

Feeds, sitemaps, credit lines and PDFs carry the site's absolute address: a
published site with the placeholder of mkdocs.yml would send every reader who
follows a credit line to example.org. A build for publishing stops on it; any
other build warns.
"""

from __future__ import annotations

from urllib.parse import urlsplit

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


def placeholder_problem(site_url: str) -> str | None:
    """Why `site_url` is not an address to publish at, or None when it is one."""
    parts = urlsplit(site_url or "")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return f"the site address '{site_url}' is not a web address"
    if host in PLACEHOLDER_HOSTS or host.endswith(
        (".example", ".invalid", ".test", ".example.org", ".example.com")
    ):
        return f"the site address '{site_url}' is a placeholder"
    return None


HINT = (
    "set SITE_URL to the address the site will live at "
    "(SITE_URL=https://methode.example.be/ make pdf), "
    "or site_url in mkdocs.yml"
)
