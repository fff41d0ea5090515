"""The https allow-list every link from data/ passes before it is shown."""
from __future__ import annotations

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
    "briumvi.com", "briumvihcp.com", "ocrevus.com", "ocrevushcp.com", "ocrevus-hcp.com", "msard-journal.com", "mirasmart.com", "kesimpta.com", "kesimptahcp.com", "tysabri.com", "tysabrihcp.com",
    "lemtrada.com", "lemtradahcp.com", "rituxan.com", "nationalmssociety.org", "mssociety.org.uk", "msif.org",
    "who.int", "cdc.gov", "ninds.nih.gov", "nlm.nih.gov", "medlineplus.gov", "tandfonline.com",
    "karger.com", "plos.org", "hhs.gov", "mayoclinic.org", "msaustralia.org.au", "ms-society.ca",
})


def is_allowed(url: str) -> bool:
    """True when `url` is https and its host is, or is below, an allowed domain."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        return False
    return any(host == domain or host.endswith("." + domain) for domain in ALLOWED_DOMAINS)
