"""One kind of view each: the overview, chart cards, benefits, side effects, icon arrays, rare risks, pregnancy,
risk notes, sources, site texts, glossary, questions, review status and presenter mode."""
