"""The https allow-list every link from data/ passes before it is shown."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

# Registrable domains whose pages the knowledge may link to: regulators, registries,
# journals and publishers, manufacturers' label pages, public health bodies.
ALLOWED_DOMAINS = frozenset({
    "accessdata.fda.gov", "fda.gov", "dailymed.nlm.nih.gov", "nih.gov", "ncbi.nlm.nih.gov",
    "pubmed.ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov", "clinicaltrials.gov", "ema.europa.eu", "europa.eu",
    "doi.org", "nejm.org", "thelancet.com", "jamanetwork.com", "bmj.com", "biomedcentral.com",
    "springer.com", "springeropen.com", "wiley.com", "sciencedirect.com", "elsevier.com", "sagepub.com",
    "neurology.org", "aap.org", "nature.com", "frontiersin.org", "mdpi.com", "oup.com", "cochranelibrary.com",
    "cochrane.org", "nice.org.uk", "nhs.uk", "medicines.org.uk", "gene.com", "genentech.com", "roche.com",
    "novartis.com", "novartis.us", "biogen.com", "sanofi.com", "sanofi.us", "tgtherapeutics.com",
    "briumvi.com", "briumvihcp.com", "ocrevus.com", "ocrevushcp.com", "ocrevus-hcp.com", "ocrelizumabinfo.global", "msard-journal.com", "mirasmart.com", "kesimpta.com", "kesimptahcp.com", "tysabri.com", "tysabrihcp.com",
    "lemtrada.com", "lemtradahcp.com", "rituxan.com", "nationalmssociety.org", "mssociety.org.uk", "msif.org",
    "who.int", "cdc.gov", "ninds.nih.gov", "nlm.nih.gov", "medlineplus.gov", "tandfonline.com",
    "karger.com", "plos.org", "hhs.gov", "mayoclinic.org", "msaustralia.org.au", "ms-society.ca",
    # manufacturers and label pages of the oral and injectable treatments
    "aubagio.com", "aubagiohcp.com", "mavenclad.com", "mavencladhcp.com", "emdserono.com", "emdgroup.com",
    "merckgroup.com", "tecfidera.com", "tecfiderahcp.com", "vumerity.com", "vumerityhcp.com", "bafiertam.com",
    "gilenya.com", "gilenyahcp.com", "mayzent.com", "mayzenthcp.com", "zeposia.com", "zeposiahcp.com", "bms.com",
    "ponvory.com", "ponvoryhcp.com", "janssen.com", "janssenlabels.com", "jnj.com", "avonex.com", "avonexhcp.com",
    "rebif.com", "plegridy.com", "plegridyhcp.com", "betaseron.com", "bayer.com", "copaxone.com",
    "copaxonehcp.com", "tevapharm.com", "tevausa.com", "sandoz.com", "mylan.com", "viatris.com",
    "ahajournals.org", "cell.com", "drugs.com", "medicines.ie",
    "hpra.ie", "tga.gov.au", "canada.ca", "swissmedic.ch", "ch.oddb.org", "mstrust.org.uk",
})


# Hosts that publish primary documents: regulators (labels), trial registries, PubMed/PMC and DOI,
# journals and publishers, guideline bodies, official congress-abstract hosts. A source whose url is on any
# other host (a manufacturer page, a label reproduction, a drug database, a patient charity) is a secondary copy
# and must name, in `copy_of`, the label or study it reproduces.
PRIMARY_DOMAINS = frozenset({
    "accessdata.fda.gov", "fda.gov", "dailymed.nlm.nih.gov", "ema.europa.eu", "europa.eu", "hpra.ie",
    "tga.gov.au", "canada.ca", "swissmedic.ch", "medicines.org.uk", "medicines.ie",
    "clinicaltrials.gov", "ncbi.nlm.nih.gov", "pubmed.ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov", "doi.org",
    "nejm.org", "thelancet.com", "jamanetwork.com", "bmj.com", "biomedcentral.com", "springer.com",
    "springeropen.com", "wiley.com", "sciencedirect.com", "elsevier.com", "sagepub.com", "neurology.org",
    "aap.org", "nature.com", "frontiersin.org", "mdpi.com", "oup.com", "cochranelibrary.com", "cochrane.org",
    "msard-journal.com", "tandfonline.com", "karger.com", "plos.org", "cell.com", "ahajournals.org",
    "nice.org.uk", "who.int", "cdc.gov", "mirasmart.com",
})


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _under(host: str, domains: frozenset[str]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def is_primary(url: str) -> bool:
    """True when `url` is on a host that publishes primary documents (see PRIMARY_DOMAINS)."""
    return _under(_host(url), PRIMARY_DOMAINS)


# Characters that end or change a link in Markdown or HTML, or that browsers read differently from
# Python's parser (a backslash is a slash to a browser): a URL holding one is never shown as a link.
_UNSAFE = re.compile(r"[()\\<>\"'`\s\x00-\x1f\x7f]")


def problem(url: str) -> str | None:
    """Why `url` cannot be a link (not https, a character that changes its meaning, user@host, unreadable), or None."""
    if not url.startswith("https://") or len(url) <= len("https://"):
        return "not an https URL, expected https://..."
    found = _UNSAFE.search(url)
    if found:
        return f"contains {found.group()!r}, expected a URL without ( ) \\ < > quotes or whitespace (percent-encode them)"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  raises on a port that is not a number
    except ValueError as error:
        return f"not a valid URL ({error}), expected https://host/path"
    if "@" in parts.netloc:
        return "has a user name before the host (user@host), expected https://host/path"
    if not parts.hostname:
        return "has no host, expected https://host/path"
    return None


@lru_cache(maxsize=4096)  # the sources' links are checked on every page that cites them; the answer never changes
def is_allowed(url: str) -> bool:
    """True when `url` is a safe https link whose host is, or is below, an allowed domain."""
    if problem(url):
        return False
    return _under(_host(url), ALLOWED_DOMAINS)
