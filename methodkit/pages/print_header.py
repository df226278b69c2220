"""The running header and footer of a page printed from the browser (Ctrl+P).

Chromium draws CSS page-margin boxes, but takes no running strings from the page
(`string-set`), so the page writes its own: a small print-only stylesheet with the
page's title, the site's name and the edition. Text from contributors goes into a
CSS string, so every character that could end it or start something else is escaped.
"""

from __future__ import annotations

from markupsafe import Markup


def css_string(value: str) -> Markup:
    """`value` as a quoted CSS string: anything but letters, digits, spaces and plain
    punctuation becomes a CSS escape (`\\HHHHHH`), so it can close neither the string nor the
    <style> element."""
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-_()·")
    out = "".join(ch if ch in safe else f"\\{ord(ch):06x}" for ch in str(value))
    return Markup(f'"{out}"')
