"""Machine-readable descriptions of an item page: schema.org JSON-LD and Open Graph."""

from __future__ import annotations

from .attribution import jsonld_work
from .catalogue import Catalogue
from .licences import LICENCES
from .model import Item

SCHEMA_TYPES = {"module": "LearningResource", "chapter": "LearningResource", "practice": "CreativeWork", "session": "CreativeWork"}
OG_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}


def adaptation_chain(cat: Catalogue, item: Item) -> list[dict]:
    """What the item was adapted from, and what that was adapted from, nearest first."""
    chain, seen, current = [], {item.id}, item
    while True:
        source = current.meta.get("adapted_from")
        if source is None:
            return chain
        if isinstance(source, dict):
            lic = LICENCES[source["license"]]
            chain.append({"title": source["title"], "url": source["url"], "licence": lic.name, "licence_url": lic.url,
                          "authors": ", ".join(source.get("authors", [])), "internal": False})
            return chain
        nxt = cat.get(current.kind, source)
        if nxt is None or source in seen:
            return chain
        lic = LICENCES[nxt.meta["license"]]
        chain.append({"title": cat.text(nxt, "title"), "url": nxt.url, "licence": lic.name, "licence_url": lic.url,
                      "authors": ", ".join(nxt.meta.get("authors", [])), "internal": True})
        seen.add(source)
        current = nxt


def jsonld(cat: Catalogue, item: Item, url: str, source_url: str, site_name: str, site_url: str) -> dict:
    lic = LICENCES[item.meta["license"]]
    status = cat.status[(item.kind, item.id)]
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[item.kind],
        "@id": url,
        "url": url,
        "name": cat.text(item, "title"),
        "description": cat.text(item, "summary"),
        "inLanguage": item.lang if status == "missing" else cat.lang,
        "license": lic.url,
        "author": [{"@type": "Organization", "name": a} for a in item.meta.get("authors", [])],
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
    }
    if status in ("translated", "outdated"):
        data["translationOfWork"] = {"@id": source_url}
    based_on = [c["url"] if not c["internal"] else site_url + c["url"] for c in adaptation_chain(cat, item)[:1]]
    if based_on:
        data["isBasedOn"] = based_on[0]
    m = item.meta
    if item.kind == "module":
        data["learningResourceType"] = cat.label("formats", m["format"])
        data["timeRequired"] = f"PT{m['duration'] // 60}H{m['duration'] % 60}M" if m["duration"] % 60 else f"PT{m['duration'] // 60}H"
        data["audience"] = [{"@type": "Audience", "audienceType": cat.label("audiences", a)} for a in m["audience"]]
        data["teaches"] = cat.text(item, "objectives")
    if item.kind == "session":
        data["dateCreated"] = m["date"]
    if item.kind == "practice":
        data["temporalCoverage"] = f"{m['period']['start']}/{m['period'].get('end', '..')}"
        data["about"] = [{"@type": "Organization", "name": o} for o in m["organisations"]]
    return data


def open_graph(cat: Catalogue, item: Item, url: str, site_name: str, languages) -> list[tuple[str, str]]:
    tags = [("og:type", "article"), ("og:title", cat.text(item, "title")), ("og:description", cat.text(item, "summary")),
            ("og:url", url), ("og:site_name", site_name), ("og:locale", OG_LOCALES.get(cat.lang, cat.lang))]
    tags += [("og:locale:alternate", OG_LOCALES.get(l, l)) for l in languages if l != cat.lang]
    return tags


def website_jsonld(brand: dict, site_url: str) -> dict:
    """The site as schema.org describes it: its name, its publisher and the work it adapts."""
    data = {"@type": "WebSite", "name": brand["site_name"], "url": site_url}
    if brand["name"]:
        data["publisher"] = {"@type": "Organization", "name": brand["name"]}
    if brand["based_on"] is not None:
        data["isBasedOn"] = jsonld_work(brand["based_on"])
    return data
