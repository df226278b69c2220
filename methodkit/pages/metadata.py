"""Machine-readable descriptions of an item page: schema.org JSON-LD and Open Graph."""

from __future__ import annotations

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import locale
from methodkit.model.items import Item
from methodkit.model.licences import LICENCES
from methodkit.pages.credit import credit
from methodkit.pages.fields import as_list
from methodkit.publishing.attribution import jsonld_work


def adaptation_chain(cat: Catalogue, item: Item) -> list[dict]:
    """What the item was adapted from, and what that was adapted from, nearest first."""
    chain, seen, current = [], {item.id}, item
    while True:
        source = current.meta.get("adapted_from")
        if source is None:
            return chain
        if isinstance(source, dict):
            lic = LICENCES[source["license"]]
            chain.append(
                {
                    "title": source["title"],
                    "url": source["url"],
                    "licence": lic.name,
                    "licence_url": lic.url,
                    "authors": ", ".join(source.get("authors", [])),
                    "internal": False,
                }
            )
            return chain
        nxt = cat.get(current.kind, source)
        if nxt is None or source in seen:
            return chain
        lic = LICENCES[nxt.meta["license"]]
        chain.append(
            {
                "title": cat.text(nxt, "title"),
                "url": nxt.url,
                "licence": lic.name,
                "licence_url": lic.url,
                "authors": ", ".join(nxt.meta.get("authors", [])),
                "internal": True,
            }
        )
        seen.add(source)
        current = nxt


def jsonld(
    cat: Catalogue, item: Item, url: str, source_url: str, site_name: str, site_url: str, work=None
) -> dict:
    """`work`: the work the site adapts (extra.publisher.based_on), named in the credit as on the
    page."""
    lic = LICENCES[item.meta["license"]]
    status = cat.status[(item.kind, item.id)]
    data = {
        "@context": "https://schema.org",
        "@type": item.type.schema_org.get("type", "CreativeWork"),
        "@id": url,
        "url": url,
        "name": cat.text(item, "title"),
        "description": cat.text(item, "summary"),
        "inLanguage": item.lang if status == "missing" else cat.lang,
        "license": lic.url,
        "author": [{"@type": "Organization", "name": a} for a in item.meta.get("authors", [])],
        # Who wrote it, after whose texts, about whose work: the page's own credit line.
        "creditText": credit(cat, item, lic.name, url, site_name, work)["credit"],
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
    }
    if status in ("translated", "outdated"):
        data["translationOfWork"] = {"@id": source_url}
    based_on = [
        c["url"] if not c["internal"] else site_url + c["url"]
        for c in adaptation_chain(cat, item)[:1]
    ]
    if based_on:
        data["isBasedOn"] = based_on[0]
    for name, spec in (item.type.schema_org.get("properties") or {}).items():
        value = _property(cat, item, spec if isinstance(spec, dict) else {"field": spec})
        if value not in (None, []):
            data[name] = value
    return data


def open_graph(
    cat: Catalogue, item: Item, url: str, site_name: str, languages
) -> list[tuple[str, str]]:
    tags = [
        ("og:type", "article"),
        ("og:title", cat.text(item, "title")),
        ("og:description", cat.text(item, "summary")),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", str(locale(cat.lang))),
    ]
    tags += [("og:locale:alternate", str(locale(l))) for l in languages if l != cat.lang]
    return tags


def _property(cat: Catalogue, item: Item, spec: dict):
    """One schema.org property from a field, as the type's declaration maps it."""
    name, how = spec["field"], spec.get("as")
    value = (
        cat.text(item, name)
        if name in cat.content.schemas.translatable(item.kind)
        else item.meta.get(name)
    )
    if value is None:
        return None
    if how == "label":
        vocabulary = cat.content.schemas.target(item.kind, name)[1]
        labels = [cat.label(vocabulary, v) for v in as_list(value)]
        return labels if isinstance(value, list) else labels[0]
    if how == "iso_duration":
        hours, minutes = divmod(value, 60)
        return f"PT{hours}H{minutes}M" if minutes else f"PT{hours}H"
    if how == "period":
        return f"{value['start']}/{value.get('end', '..')}"
    if how == "Audience":
        vocabulary = cat.content.schemas.target(item.kind, name)[1]
        return [
            {"@type": "Audience", "audienceType": cat.label(vocabulary, v)} for v in as_list(value)
        ]
    if how == "Organization":
        return [{"@type": "Organization", "name": v} for v in as_list(value)]
    return value


def website_jsonld(brand: dict, site_url: str) -> dict:
    """The site as schema.org describes it: its name, its publisher and the work it adapts."""
    data = {"@type": "WebSite", "name": brand["site_name"], "url": site_url}
    if brand["name"]:
        data["publisher"] = {"@type": "Organization", "name": brand["name"]}
    if brand["based_on"] is not None:
        data["isBasedOn"] = jsonld_work(brand["based_on"])
    return data
