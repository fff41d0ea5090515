"""The knowledge layer: YAML in data/ -> validated, typed objects. No Streamlit here."""
from .knowledge import GROUPS, Knowledge, TrialEvents, per_knowledge, statements_of
from .validate import DATA_DIR, load_knowledge
from .yaml_lines import KnowledgeError, Problem

__all__ = ["DATA_DIR", "GROUPS", "Knowledge", "KnowledgeError", "Problem", "TrialEvents", "load_knowledge", "per_knowledge",
           "statements_of"]
