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
    # manufacturers and label pages of the oral and injectable treatments
    "aubagio.com", "aubagiohcp.com", "mavenclad.com", "mavencladhcp.com", "emdserono.com", "emdgroup.com",
    "merckgroup.com", "tecfidera.com", "tecfiderahcp.com", "vumerity.com", "vumerityhcp.com", "bafiertam.com",
    "gilenya.com", "gilenyahcp.com", "mayzent.com", "mayzenthcp.com", "zeposia.com", "zeposiahcp.com", "bms.com",
    "ponvory.com", "ponvoryhcp.com", "janssen.com", "janssenlabels.com", "jnj.com", "avonex.com", "avonexhcp.com",
    "rebif.com", "plegridy.com", "plegridyhcp.com", "betaseron.com", "bayer.com", "copaxone.com",
    "copaxonehcp.com", "tevapharm.com", "tevausa.com", "sandoz.com", "mylan.com", "viatris.com",
    "ahajournals.org", "cell.com", "drugs.com", "medicines.ie",
    "hpra.ie", "tga.gov.au", "canada.ca", "swissmedic.ch", "mstrust.org.uk",
})


# Hosts that publish primary documents: regulators (labels), trial registries, PubMed/PMC and DOI,
# journals and publishers, guideline bodies, official congress-abstract hosts. A source whose url is on any
# other host (a manufacturer page, a label mirror, a drug database, a patient charity) is a secondary copy
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


def is_allowed(url: str) -> bool:
    """True when `url` is https and its host is, or is below, an allowed domain."""
    host = _host(url)
    if urlsplit(url).scheme != "https" or not host:
        return False
    return _under(host, ALLOWED_DOMAINS)
